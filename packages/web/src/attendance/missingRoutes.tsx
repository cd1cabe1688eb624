/** The missing list pages and their addresses (gathered in App.tsx). */
import type { Route } from '../router/pages';

export const missingRoutes: readonly Route[] = [];
