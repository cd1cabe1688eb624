/** The reduced timetable, education elsewhere and visits pages and their addresses (gathered in App.tsx). */
import { page, p, type Route } from '../router/pages';

const ProvisionListPage = page(() => import('./ProvisionListPage'), 'ProvisionListPage');
const TimetableEditorPage = page(() => import('./TimetableEditorPage'), 'TimetableEditorPage');
const ElsewhereEditorPage = page(() => import('./ElsewhereEditorPage'), 'ElsewhereEditorPage');

export const provisionRoutes: readonly Route[] = [
  {
    path: '/schools/:schoolId/provision',
    access: 'complete',
    render: (x) => <ProvisionListPage schoolId={p(x, 'schoolId')} />,
  },
  {
    path: '/schools/:schoolId/pupils/:pupilId/timetable/new',
    access: 'complete',
    render: (x) => <TimetableEditorPage schoolId={p(x, 'schoolId')} pupilId={p(x, 'pupilId')} timetableId={null} />,
  },
  {
    path: '/schools/:schoolId/pupils/:pupilId/timetable/:timetableId',
    access: 'complete',
    render: (x) => (
      <TimetableEditorPage schoolId={p(x, 'schoolId')} pupilId={p(x, 'pupilId')} timetableId={p(x, 'timetableId')} />
    ),
  },
  {
    path: '/schools/:schoolId/pupils/:pupilId/education-elsewhere/new',
    access: 'complete',
    render: (x) => <ElsewhereEditorPage schoolId={p(x, 'schoolId')} pupilId={p(x, 'pupilId')} provisionId={null} />,
  },
  {
    path: '/schools/:schoolId/pupils/:pupilId/education-elsewhere/:provisionId',
    access: 'complete',
    render: (x) => (
      <ElsewhereEditorPage schoolId={p(x, 'schoolId')} pupilId={p(x, 'pupilId')} provisionId={p(x, 'provisionId')} />
    ),
  },
];
