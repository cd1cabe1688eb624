/** This area's pages and their addresses (gathered in App.tsx). */
import type { Route } from '../router/pages';

export const actionPlanRoutes: readonly Route[] = [];
