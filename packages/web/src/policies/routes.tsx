/** This area's pages and their addresses (gathered in App.tsx). */
import { page, p, type Route } from '../router/pages';

const PoliciesPage = page(() => import('./PoliciesPage'), 'PoliciesPage');
const NewPolicyPage = page(() => import('./NewPolicyPage'), 'NewPolicyPage');
const PolicyPage = page(() => import('./PolicyPage'), 'PolicyPage');

export const policyRoutes: readonly Route[] = [
  {
    path: '/schools/:schoolId/whole-school/policies',
    access: 'complete',
    render: (x) => <PoliciesPage schoolId={p(x, 'schoolId')} />,
  },
  {
    path: '/schools/:schoolId/whole-school/policies/new',
    access: 'complete',
    render: (x) => <NewPolicyPage schoolId={p(x, 'schoolId')} />,
  },
  {
    path: '/schools/:schoolId/whole-school/policies/:policyId',
    access: 'complete',
    render: (x) => <PolicyPage schoolId={p(x, 'schoolId')} policyId={p(x, 'policyId')} />,
  },
];
