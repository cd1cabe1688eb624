/** The reduced timetable, education elsewhere and visits pages and their addresses (gathered in App.tsx). */
import type { Route } from '../router/pages';

export const provisionRoutes: readonly Route[] = [];
