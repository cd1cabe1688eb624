/** The subject access pages and their addresses (gathered in App.tsx). */
import { page, p, type Route } from '../router/pages';

const RegisterPage = page(() => import('./RegisterPage'), 'RegisterPage');
const RecordRequestPage = page(() => import('./RecordRequestPage'), 'RecordRequestPage');
const RequestPage = page(() => import('./RequestPage'), 'RequestPage');
const ReviewPage = page(() => import('./ReviewPage'), 'ReviewPage');

export const subjectAccessRoutes: readonly Route[] = [
  {
    path: '/schools/:schoolId/subject-access',
    access: 'complete',
    render: (x) => <RegisterPage schoolId={p(x, 'schoolId')} />,
  },
  {
    path: '/schools/:schoolId/subject-access/new',
    access: 'complete',
    render: (x) => <RecordRequestPage schoolId={p(x, 'schoolId')} />,
  },
  {
    path: '/schools/:schoolId/subject-access/:requestId',
    access: 'complete',
    render: (x) => <RequestPage schoolId={p(x, 'schoolId')} requestId={p(x, 'requestId')} />,
  },
  {
    path: '/schools/:schoolId/subject-access/:requestId/review',
    access: 'complete',
    render: (x) => <ReviewPage schoolId={p(x, 'schoolId')} requestId={p(x, 'requestId')} />,
  },
];
