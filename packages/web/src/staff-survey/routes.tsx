/** This area's pages and their addresses (gathered in App.tsx). */
import { page, p, type Route } from '../router/pages';

const SurveysPage = page(() => import('./SurveysPage'), 'SurveysPage');
const NewSurveyPage = page(() => import('./NewSurveyPage'), 'NewSurveyPage');
const SurveyPage = page(() => import('./SurveyPage'), 'SurveyPage');
const AnswerSurveyPage = page(() => import('./AnswerSurveyPage'), 'AnswerSurveyPage');

export const staffSurveyRoutes: readonly Route[] = [
  {
    path: '/schools/:schoolId/whole-school/survey',
    access: 'complete',
    render: (x) => <SurveysPage schoolId={p(x, 'schoolId')} />,
  },
  {
    path: '/schools/:schoolId/whole-school/survey/new',
    access: 'complete',
    render: (x) => <NewSurveyPage schoolId={p(x, 'schoolId')} />,
  },
  {
    path: '/schools/:schoolId/whole-school/survey/:surveyId',
    access: 'complete',
    render: (x) => <SurveyPage schoolId={p(x, 'schoolId')} surveyId={p(x, 'surveyId')} />,
  },
  {
    path: '/schools/:schoolId/whole-school/survey/:surveyId/answer',
    access: 'complete',
    render: (x) => <AnswerSurveyPage schoolId={p(x, 'schoolId')} surveyId={p(x, 'surveyId')} />,
  },
];
