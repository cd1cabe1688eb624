/** This area's pages and their addresses (gathered in App.tsx). */
import { page, p, type Route } from '../router/pages';

const TrainingPage = page(() => import('./TrainingPage'), 'TrainingPage');
const NewTrainingPage = page(() => import('./TrainingEditorPage'), 'NewTrainingPage');
const EditTrainingPage = page(() => import('./TrainingEditorPage'), 'EditTrainingPage');
const TrainingRecordPage = page(() => import('./TrainingRecordPage'), 'TrainingRecordPage');

export const trainingRoutes: readonly Route[] = [
  {
    path: '/schools/:schoolId/whole-school/training',
    access: 'complete',
    render: (x) => <TrainingPage schoolId={p(x, 'schoolId')} />,
  },
  {
    path: '/schools/:schoolId/whole-school/training/new',
    access: 'complete',
    render: (x) => <NewTrainingPage schoolId={p(x, 'schoolId')} />,
  },
  {
    path: '/schools/:schoolId/whole-school/training/:recordId',
    access: 'complete',
    render: (x) => <TrainingRecordPage schoolId={p(x, 'schoolId')} recordId={p(x, 'recordId')} />,
  },
  {
    path: '/schools/:schoolId/whole-school/training/:recordId/edit',
    access: 'complete',
    render: (x) => <EditTrainingPage schoolId={p(x, 'schoolId')} recordId={p(x, 'recordId')} />,
  },
];
