/** This area's pages and their addresses (gathered in App.tsx). */
import { page, p, type Route } from '../router/pages';

const LibraryPage = page(() => import('./LibraryPage'), 'LibraryPage');
const ResourceEditorPage = page(() => import('./ResourceEditorPage'), 'ResourceEditorPage');
const TrustLibraryPage = page(() => import('./TrustLibraryPage'), 'TrustLibraryPage');
const TrustResourceEditorPage = page(() => import('./ResourceEditorPage'), 'TrustResourceEditorPage');

export const resourceRoutes: readonly Route[] = [
  {
    path: '/schools/:schoolId/whole-school/resources',
    access: 'complete',
    render: (x) => <LibraryPage schoolId={p(x, 'schoolId')} />,
  },
  {
    path: '/schools/:schoolId/whole-school/resources/new',
    access: 'complete',
    render: (x) => <ResourceEditorPage schoolId={p(x, 'schoolId')} />,
  },
  {
    path: '/schools/:schoolId/whole-school/resources/:resourceId/edit',
    access: 'complete',
    render: (x) => <ResourceEditorPage schoolId={p(x, 'schoolId')} resourceId={p(x, 'resourceId')} />,
  },
  {
    path: '/trusts/:trustId/resources',
    access: 'complete',
    render: (x) => <TrustLibraryPage trustId={p(x, 'trustId')} />,
  },
  {
    path: '/trusts/:trustId/resources/new',
    access: 'complete',
    render: (x) => <TrustResourceEditorPage trustId={p(x, 'trustId')} />,
  },
  {
    path: '/trusts/:trustId/resources/:resourceId/edit',
    access: 'complete',
    render: (x) => <TrustResourceEditorPage trustId={p(x, 'trustId')} resourceId={p(x, 'resourceId')} />,
  },
];
