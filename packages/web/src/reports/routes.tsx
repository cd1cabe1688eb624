/** The report pages and their addresses (gathered in App.tsx). Charts (visx) load only with them. */
import { page, p, type Route } from '../router/pages';

const SchoolReportPage = page(() => import('./SchoolReportPage'), 'SchoolReportPage');
const DrillPage = page(() => import('./DrillPage'), 'DrillPage');
const TermlyReportsPage = page(() => import('./TermlyReportsPage'), 'TermlyReportsPage');
const TermlyReportPage = page(() => import('./TermlyReportPage'), 'TermlyReportPage');
const TrustReportPage = page(() => import('./TrustReportPage'), 'TrustReportPage');

export const reportRoutes: readonly Route[] = [
  {
    path: '/schools/:schoolId/reports',
    access: 'complete',
    render: (x) => <SchoolReportPage schoolId={p(x, 'schoolId')} />,
  },
  {
    path: '/schools/:schoolId/reports/pupils',
    access: 'complete',
    render: (x) => <DrillPage schoolId={p(x, 'schoolId')} />,
  },
  {
    path: '/schools/:schoolId/reports/termly',
    access: 'complete',
    render: (x) => <TermlyReportsPage schoolId={p(x, 'schoolId')} />,
  },
  {
    path: '/schools/:schoolId/reports/termly/:termKey',
    access: 'complete',
    render: (x) => <TermlyReportPage schoolId={p(x, 'schoolId')} termKey={p(x, 'termKey')} />,
  },
  {
    path: '/trusts/:trustId/reports',
    access: 'complete',
    render: (x) => <TrustReportPage trustId={p(x, 'trustId')} />,
  },
];
