/** The records retention page and its address (gathered in App.tsx). */
import { page, p, type Route } from '../router/pages';

const RetentionPage = page(() => import('./RetentionPage'), 'RetentionPage');

export const retentionRoutes: readonly Route[] = [
  {
    path: '/schools/:schoolId/retention',
    access: 'complete',
    render: (x) => <RetentionPage schoolId={p(x, 'schoolId')} />,
  },
];
