/** The attendance import pages and their addresses (gathered in App.tsx). */
import { page, p, type Route } from '../router/pages';

const AttendanceImportPage = page(() => import('./AttendanceImportPage'), 'AttendanceImportPage');
const AttendanceImportPreviewPage = page(() => import('./AttendanceImportPreviewPage'), 'AttendanceImportPreviewPage');

export const attendanceRoutes: readonly Route[] = [
  {
    path: '/schools/:schoolId/attendance/import',
    access: 'complete',
    render: (x) => <AttendanceImportPage schoolId={p(x, 'schoolId')} />,
  },
  {
    path: '/schools/:schoolId/attendance/import/:importId',
    access: 'complete',
    render: (x) => <AttendanceImportPreviewPage schoolId={p(x, 'schoolId')} importId={p(x, 'importId')} />,
  },
];
