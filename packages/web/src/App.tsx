import { useEffect, type ReactNode } from 'react';
import { SchoolAuditPage, TrustAuditPage } from './audit/AuditPage';
import { ForgotPasswordPage } from './auth/ForgotPasswordPage';
import { pathForStage, SessionProvider, useSession, type Stage } from './auth/session';
import { SetPasswordPage } from './auth/SetPasswordPage';
import { SetUpTwoFactorPage } from './auth/SetUpTwoFactorPage';
import { SignInPage } from './auth/SignInPage';
import { TwoFactorPage } from './auth/TwoFactorPage';
import { Loading } from './components/Page';
import { Shell } from './components/Shell';
import { ErrorBoundary, ErrorPage, NotFoundPage } from './errors/ErrorPages';
import { HomeRedirect } from './home/HomeRedirect';
import { SchoolHomePage } from './home/SchoolHomePage';
import { TrustHomePage } from './home/TrustHomePage';
import {
  matchPath,
  Redirect,
  RouterProvider,
  safeNextPath,
  useLocation,
  useNavigationCount,
  useSearchParams,
  type Params,
} from './router/router';
import { AddSchoolPage } from './schools/AddSchoolPage';
import { SchoolSettingsPage } from './schools/SchoolSettingsPage';
import { TrustSchoolsPage } from './schools/TrustSchoolsPage';
import { InviteStaffPage } from './staff/InviteStaffPage';
import { StaffListPage } from './staff/StaffListPage';
import { StaffMemberPage } from './staff/StaffMemberPage';
import { ImportPage } from './imports/ImportPage';
import { ImportPreviewPage } from './imports/ImportPreviewPage';
import { EditLevelPage } from './levels/EditLevelPage';
import { LevelsPage } from './levels/LevelsPage';
import { LevelVersionsPage } from './levels/LevelVersionsPage';
import { ChangeLevelPage } from './pupils/ChangeLevelPage';
import { CorrectDetailsPage } from './pupils/CorrectDetailsPage';
import { PupilListPage } from './pupils/PupilListPage';
import { PupilPage } from './pupils/PupilPage';
import { ShareLevelsPage } from './sharing/ShareLevelsPage';
import { AlertsPage } from './alerts/AlertsPage';
import { AlertsProvider } from './alerts/AlertsProvider';
import { ConcernPage } from './concerns/ConcernPage';
import { ConcernQueuePage } from './concerns/ConcernQueuePage';
import { DutyRotaPage } from './concerns/DutyRotaPage';
import { LogConcernPage } from './concerns/LogConcernPage';
import { MyConcernsPage } from './concerns/MyConcernsPage';
import { PlanEditorPage } from './plans/PlanEditorPage';
import { PlanPage } from './plans/PlanPage';
import { PlanSharingPage } from './plans/PlanSharingPage';
import { PlanVersionPage } from './plans/PlanVersionPage';
import { MeetingEditorPage } from './meetings/MeetingEditorPage';
import { MeetingPage } from './meetings/MeetingPage';

/**
 * Who may open a page: anyone; only people not signed in; people part-way through signing in;
 * or people fully signed in.
 */
type Access = 'public' | 'signedOut' | 'mfa' | 'enrol' | 'complete';

interface Route {
  path: string;
  access: Access;
  render: (params: Params) => ReactNode;
}

const p = (params: Params, key: string): string => params[key] ?? '';

const ROUTES: readonly Route[] = [
  { path: '/sign-in', access: 'signedOut', render: () => <SignInPage /> },
  { path: '/sign-in/two-factor', access: 'mfa', render: () => <TwoFactorPage /> },
  { path: '/set-up-two-factor', access: 'enrol', render: () => <SetUpTwoFactorPage /> },
  { path: '/forgot-password', access: 'public', render: () => <ForgotPasswordPage /> },
  { path: '/set-password', access: 'public', render: () => <SetPasswordPage /> },
  { path: '/', access: 'complete', render: () => <HomeRedirect /> },
  { path: '/schools/:schoolId', access: 'complete', render: (x) => <SchoolHomePage schoolId={p(x, 'schoolId')} /> },
  {
    path: '/schools/:schoolId/staff',
    access: 'complete',
    render: (x) => <StaffListPage schoolId={p(x, 'schoolId')} />,
  },
  {
    path: '/schools/:schoolId/staff/invite',
    access: 'complete',
    render: (x) => <InviteStaffPage schoolId={p(x, 'schoolId')} />,
  },
  {
    path: '/schools/:schoolId/staff/:userId',
    access: 'complete',
    render: (x) => <StaffMemberPage schoolId={p(x, 'schoolId')} userId={p(x, 'userId')} />,
  },
  {
    path: '/schools/:schoolId/pupils',
    access: 'complete',
    render: (x) => <PupilListPage schoolId={p(x, 'schoolId')} />,
  },
  {
    path: '/schools/:schoolId/pupils/:pupilId',
    access: 'complete',
    render: (x) => <PupilPage schoolId={p(x, 'schoolId')} pupilId={p(x, 'pupilId')} />,
  },
  {
    path: '/schools/:schoolId/pupils/:pupilId/level',
    access: 'complete',
    render: (x) => <ChangeLevelPage schoolId={p(x, 'schoolId')} pupilId={p(x, 'pupilId')} />,
  },
  {
    path: '/schools/:schoolId/pupils/:pupilId/correct',
    access: 'complete',
    render: (x) => <CorrectDetailsPage schoolId={p(x, 'schoolId')} pupilId={p(x, 'pupilId')} />,
  },
  {
    path: '/schools/:schoolId/pupils/:pupilId/plans/new',
    access: 'complete',
    render: (x) => <PlanEditorPage schoolId={p(x, 'schoolId')} pupilId={p(x, 'pupilId')} />,
  },
  {
    path: '/schools/:schoolId/pupils/:pupilId/meetings/new',
    access: 'complete',
    render: (x) => <MeetingEditorPage schoolId={p(x, 'schoolId')} pupilId={p(x, 'pupilId')} />,
  },
  {
    path: '/schools/:schoolId/plans/:planId',
    access: 'complete',
    render: (x) => <PlanPage schoolId={p(x, 'schoolId')} planId={p(x, 'planId')} />,
  },
  {
    path: '/schools/:schoolId/plans/:planId/edit',
    access: 'complete',
    render: (x) => <PlanEditorPage schoolId={p(x, 'schoolId')} planId={p(x, 'planId')} />,
  },
  {
    path: '/schools/:schoolId/plans/:planId/sharing',
    access: 'complete',
    render: (x) => <PlanSharingPage schoolId={p(x, 'schoolId')} planId={p(x, 'planId')} />,
  },
  {
    path: '/schools/:schoolId/plans/:planId/versions/:version',
    access: 'complete',
    render: (x) => <PlanVersionPage schoolId={p(x, 'schoolId')} planId={p(x, 'planId')} version={p(x, 'version')} />,
  },
  {
    path: '/schools/:schoolId/meetings/:meetingId',
    access: 'complete',
    render: (x) => <MeetingPage schoolId={p(x, 'schoolId')} meetingId={p(x, 'meetingId')} />,
  },
  {
    path: '/schools/:schoolId/meetings/:meetingId/edit',
    access: 'complete',
    render: (x) => <MeetingEditorPage schoolId={p(x, 'schoolId')} meetingId={p(x, 'meetingId')} />,
  },
  {
    path: '/schools/:schoolId/levels',
    access: 'complete',
    render: (x) => <LevelsPage schoolId={p(x, 'schoolId')} />,
  },
  {
    path: '/schools/:schoolId/levels/:code/edit',
    access: 'complete',
    render: (x) => <EditLevelPage schoolId={p(x, 'schoolId')} code={p(x, 'code')} />,
  },
  {
    path: '/schools/:schoolId/levels/:code/versions',
    access: 'complete',
    render: (x) => <LevelVersionsPage schoolId={p(x, 'schoolId')} code={p(x, 'code')} />,
  },
  {
    path: '/schools/:schoolId/import',
    access: 'complete',
    render: (x) => <ImportPage schoolId={p(x, 'schoolId')} />,
  },
  {
    path: '/schools/:schoolId/import/:importId',
    access: 'complete',
    render: (x) => <ImportPreviewPage schoolId={p(x, 'schoolId')} importId={p(x, 'importId')} />,
  },
  {
    path: '/schools/:schoolId/share-levels',
    access: 'complete',
    render: (x) => <ShareLevelsPage schoolId={p(x, 'schoolId')} />,
  },
  {
    path: '/schools/:schoolId/concerns',
    access: 'complete',
    render: (x) => <ConcernQueuePage schoolId={p(x, 'schoolId')} />,
  },
  {
    path: '/schools/:schoolId/concerns/new',
    access: 'complete',
    render: (x) => <LogConcernPage schoolId={p(x, 'schoolId')} />,
  },
  {
    path: '/schools/:schoolId/concerns/mine',
    access: 'complete',
    render: (x) => <MyConcernsPage schoolId={p(x, 'schoolId')} />,
  },
  {
    path: '/schools/:schoolId/concerns/:concernId',
    access: 'complete',
    render: (x) => <ConcernPage schoolId={p(x, 'schoolId')} concernId={p(x, 'concernId')} />,
  },
  {
    path: '/schools/:schoolId/alerts',
    access: 'complete',
    render: (x) => <AlertsPage schoolId={p(x, 'schoolId')} />,
  },
  {
    path: '/schools/:schoolId/dsl-duty',
    access: 'complete',
    render: (x) => <DutyRotaPage schoolId={p(x, 'schoolId')} />,
  },
  {
    path: '/schools/:schoolId/settings',
    access: 'complete',
    render: (x) => <SchoolSettingsPage schoolId={p(x, 'schoolId')} />,
  },
  {
    path: '/schools/:schoolId/audit',
    access: 'complete',
    render: (x) => <SchoolAuditPage schoolId={p(x, 'schoolId')} />,
  },
  { path: '/trusts/:trustId', access: 'complete', render: (x) => <TrustHomePage trustId={p(x, 'trustId')} /> },
  {
    path: '/trusts/:trustId/schools',
    access: 'complete',
    render: (x) => <TrustSchoolsPage trustId={p(x, 'trustId')} />,
  },
  {
    path: '/trusts/:trustId/schools/new',
    access: 'complete',
    render: (x) => <AddSchoolPage trustId={p(x, 'trustId')} />,
  },
  { path: '/trusts/:trustId/audit', access: 'complete', render: (x) => <TrustAuditPage trustId={p(x, 'trustId')} /> },
];

function findRoute(pathname: string): { route: Route; params: Params } | null {
  for (const route of ROUTES) {
    const params = matchPath(route.path, pathname);
    if (params !== null) return { route, params };
  }
  return null;
}

const STAGE_FOR_ACCESS: Record<Exclude<Access, 'public'>, Stage> = {
  signedOut: 'signed_out',
  mfa: 'mfa_required',
  enrol: 'mfa_enrolment_required',
  complete: 'complete',
};

/** Sends people to the step of signing in they have reached, keeping where they were going. */
function Gate({ access, children }: { access: Access; children: ReactNode }) {
  const { session } = useSession();
  const { pathname, search } = useLocation();
  const params = useSearchParams();
  if (access === 'public' || session.stage === STAGE_FOR_ACCESS[access]) return <>{children}</>;
  const next = access === 'complete' ? pathname + search : safeNextPath(params.get('next'));
  return <Redirect to={pathForStage(session.stage, next)} />;
}

/** Moves focus to the new page's heading after client-side navigation, as a page load would. */
function useFocusOnNavigate() {
  const count = useNavigationCount();
  useEffect(() => {
    if (count === 0) return;
    const main = document.getElementById('main-content');
    const active = document.activeElement;
    if (main !== null && active !== null && active !== document.body && main.contains(active)) return;
    const heading = document.getElementById('page-heading');
    (heading ?? main)?.focus({ preventScroll: true });
  }, [count]);
}

function Routes() {
  const { pathname } = useLocation();
  useFocusOnNavigate();
  const found = findRoute(pathname);
  return (
    <Shell>
      <ErrorBoundary key={pathname}>
        {found === null ? (
          <NotFoundPage />
        ) : (
          <Gate access={found.route.access}>{found.route.render(found.params)}</Gate>
        )}
      </ErrorBoundary>
    </Shell>
  );
}

function StartingUp() {
  return (
    <main id="main-content" className="page-width main">
      <Loading what="Loading Tandem" />
    </main>
  );
}

export function App() {
  return (
    <RouterProvider>
      <SessionProvider
        loading={<StartingUp />}
        failed={(error, retry) => (
          <main id="main-content" className="page-width main">
            <ErrorPage message={error.message} onRetry={retry} />
          </main>
        )}
      >
        <AlertsProvider>
          <Routes />
        </AlertsProvider>
      </SessionProvider>
    </RouterProvider>
  );
}
