/** The early identification pages and their addresses (gathered in App.tsx). */
import type { Route } from '../router/pages';

export const earlyRoutes: readonly Route[] = [];
