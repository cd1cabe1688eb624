/** The attendance import page and their addresses (gathered in App.tsx). */
import type { Route } from '../router/pages';

export const attendanceRoutes: readonly Route[] = [];
