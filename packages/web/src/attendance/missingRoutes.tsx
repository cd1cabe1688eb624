/** The missing list pages and their addresses (gathered in App.tsx). */
import { page, p, type Route } from '../router/pages';

const MissingListPage = page(() => import('./MissingListPage'), 'MissingListPage');
const MissingChangePage = page(() => import('./MissingChangePage'), 'MissingChangePage');

export const missingRoutes: readonly Route[] = [
  {
    path: '/schools/:schoolId/missing',
    access: 'complete',
    render: (x) => <MissingListPage schoolId={p(x, 'schoolId')} />,
  },
  {
    path: '/schools/:schoolId/missing/pupils/:pupilId/add',
    access: 'complete',
    render: (x) => <MissingChangePage schoolId={p(x, 'schoolId')} pupilId={p(x, 'pupilId')} action="add" />,
  },
  {
    path: '/schools/:schoolId/missing/pupils/:pupilId/remove',
    access: 'complete',
    render: (x) => <MissingChangePage schoolId={p(x, 'schoolId')} pupilId={p(x, 'pupilId')} action="remove" />,
  },
];
