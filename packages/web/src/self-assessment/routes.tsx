/** The self-assessment's pages and their addresses (gathered in App.tsx). */
import { page, p, type Route } from '../router/pages';

const SelfAssessmentsPage = page(() => import('./SelfAssessmentsPage'), 'SelfAssessmentsPage');
const AssessmentPage = page(() => import('./AssessmentPage'), 'AssessmentPage');

export const selfAssessmentRoutes: readonly Route[] = [
  {
    path: '/schools/:schoolId/whole-school/self-assessment',
    access: 'complete',
    render: (x) => <SelfAssessmentsPage schoolId={p(x, 'schoolId')} />,
  },
  {
    path: '/schools/:schoolId/whole-school/self-assessment/:assessmentId',
    access: 'complete',
    render: (x) => <AssessmentPage schoolId={p(x, 'schoolId')} assessmentId={p(x, 'assessmentId')} />,
  },
];
