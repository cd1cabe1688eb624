/** The calendar feed page and its address (gathered in App.tsx). */
import { page, p, type Route } from '../router/pages';

const CalendarFeedPage = page(() => import('./CalendarFeedPage'), 'CalendarFeedPage');

export const calendarRoutes: readonly Route[] = [
  {
    path: '/schools/:schoolId/calendar-feed',
    access: 'complete',
    render: (x) => <CalendarFeedPage schoolId={p(x, 'schoolId')} />,
  },
];
