/** The whole-school hub (gathered in App.tsx; each tool has its own routes file). */
import { page, p, type Route } from '../router/pages';

const WholeSchoolPage = page(() => import('./WholeSchoolPage'), 'WholeSchoolPage');

export const wholeSchoolRoutes: readonly Route[] = [
  {
    path: '/schools/:schoolId/whole-school',
    access: 'complete',
    render: (x) => <WholeSchoolPage schoolId={p(x, 'schoolId')} />,
  },
];
