/** This area's pages and their addresses (gathered in App.tsx). */
import { page, p, type Route } from '../router/pages';

const ActionPlanPage = page(() => import('./ActionPlanPage'), 'ActionPlanPage');
const NewActionPage = page(() => import('./ActionEditorPage'), 'NewActionPage');
const EditActionPage = page(() => import('./ActionEditorPage'), 'EditActionPage');
const ActionPage = page(() => import('./ActionPage'), 'ActionPage');

export const actionPlanRoutes: readonly Route[] = [
  {
    path: '/schools/:schoolId/whole-school/action-plan',
    access: 'complete',
    render: (x) => <ActionPlanPage schoolId={p(x, 'schoolId')} />,
  },
  {
    path: '/schools/:schoolId/whole-school/action-plan/new',
    access: 'complete',
    render: (x) => <NewActionPage schoolId={p(x, 'schoolId')} />,
  },
  {
    path: '/schools/:schoolId/whole-school/action-plan/:actionId',
    access: 'complete',
    render: (x) => <ActionPage schoolId={p(x, 'schoolId')} actionId={p(x, 'actionId')} />,
  },
  {
    path: '/schools/:schoolId/whole-school/action-plan/:actionId/edit',
    access: 'complete',
    render: (x) => <EditActionPage schoolId={p(x, 'schoolId')} actionId={p(x, 'actionId')} />,
  },
];
