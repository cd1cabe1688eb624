/** The early identification pages and their addresses (gathered in App.tsx). */
import { page, p, type Route } from '../router/pages';

const PupilsToReviewPage = page(() => import('./PupilsToReviewPage'), 'PupilsToReviewPage');
const ReviewPupilPage = page(() => import('./ReviewPupilPage'), 'ReviewPupilPage');
const EarlyRulesPage = page(() => import('./EarlyRulesPage'), 'EarlyRulesPage');
const EarlyRatesPage = page(() => import('./EarlyRatesPage'), 'EarlyRatesPage');

export const earlyRoutes: readonly Route[] = [
  {
    path: '/schools/:schoolId/pupils-to-review',
    access: 'complete',
    render: (x) => <PupilsToReviewPage schoolId={p(x, 'schoolId')} />,
  },
  {
    path: '/schools/:schoolId/pupils-to-review/rules',
    access: 'complete',
    render: (x) => <EarlyRulesPage schoolId={p(x, 'schoolId')} />,
  },
  {
    path: '/schools/:schoolId/pupils-to-review/rates',
    access: 'complete',
    render: (x) => <EarlyRatesPage schoolId={p(x, 'schoolId')} />,
  },
  {
    path: '/schools/:schoolId/pupils-to-review/:pupilId/review',
    access: 'complete',
    render: (x) => <ReviewPupilPage schoolId={p(x, 'schoolId')} pupilId={p(x, 'pupilId')} />,
  },
];
