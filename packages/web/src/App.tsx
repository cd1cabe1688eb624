import { Suspense, useEffect, type ReactNode } from 'react';
import { pathForStage, SessionProvider, useSession, type Stage } from './auth/session';
import { Loading } from './components/Page';
import { Shell } from './components/Shell';
import { ErrorBoundary, ErrorPage, NotFoundPage } from './errors/ErrorPages';
import {
  matchPath,
  Redirect,
  RouterProvider,
  safeNextPath,
  useFlash,
  useLocation,
  useNavigationCount,
  useSearchParams,
  type Params,
} from './router/router';
import { page, p, type Access, type Route } from './router/pages';
import { wholeSchoolRoutes } from './whole-school/routes';
import { selfAssessmentRoutes } from './self-assessment/routes';
import { actionPlanRoutes } from './action-plan/routes';
import { resourceRoutes } from './resources/routes';
import { staffSurveyRoutes } from './staff-survey/routes';
import { trainingRoutes } from './training/routes';
import { policyRoutes } from './policies/routes';
import { reportRoutes } from './reports/routes';
import { attendanceRoutes } from './attendance/routes';
import { missingRoutes } from './attendance/missingRoutes';
import { provisionRoutes } from './provision/routes';
import { transferRoutes } from './transfers/routes';
import { ssoRoutes } from './sso/routes';
import { calendarRoutes } from './calendar/routes';
import { retentionRoutes } from './retention/routes';
import { subjectAccessRoutes } from './subject-access/routes';
import { earlyRoutes } from './early-identification/routes';
import { AlertsProvider } from './alerts/AlertsProvider';
import { OutboxProvider } from './offline/OutboxProvider';
import { familyHomeFor } from './family/familyHome';

const SchoolAuditPage = page(() => import('./audit/AuditPage'), 'SchoolAuditPage');
const TrustAuditPage = page(() => import('./audit/AuditPage'), 'TrustAuditPage');
const ForgotPasswordPage = page(() => import('./auth/ForgotPasswordPage'), 'ForgotPasswordPage');
const SetPasswordPage = page(() => import('./auth/SetPasswordPage'), 'SetPasswordPage');
const SetUpTwoFactorPage = page(() => import('./auth/SetUpTwoFactorPage'), 'SetUpTwoFactorPage');
const SignInPage = page(() => import('./auth/SignInPage'), 'SignInPage');
const TwoFactorPage = page(() => import('./auth/TwoFactorPage'), 'TwoFactorPage');
const HomeRedirect = page(() => import('./home/HomeRedirect'), 'HomeRedirect');
const SchoolHomePage = page(() => import('./home/SchoolHomePage'), 'SchoolHomePage');
const TrustHomePage = page(() => import('./home/TrustHomePage'), 'TrustHomePage');
const AddSchoolPage = page(() => import('./schools/AddSchoolPage'), 'AddSchoolPage');
const SchoolSettingsPage = page(() => import('./schools/SchoolSettingsPage'), 'SchoolSettingsPage');
const TrustSchoolsPage = page(() => import('./schools/TrustSchoolsPage'), 'TrustSchoolsPage');
const InviteStaffPage = page(() => import('./staff/InviteStaffPage'), 'InviteStaffPage');
const StaffListPage = page(() => import('./staff/StaffListPage'), 'StaffListPage');
const StaffMemberPage = page(() => import('./staff/StaffMemberPage'), 'StaffMemberPage');
const ImportPage = page(() => import('./imports/ImportPage'), 'ImportPage');
const ImportPreviewPage = page(() => import('./imports/ImportPreviewPage'), 'ImportPreviewPage');
const EditLevelPage = page(() => import('./levels/EditLevelPage'), 'EditLevelPage');
const LevelsPage = page(() => import('./levels/LevelsPage'), 'LevelsPage');
const LevelVersionsPage = page(() => import('./levels/LevelVersionsPage'), 'LevelVersionsPage');
const ChangeLevelPage = page(() => import('./pupils/ChangeLevelPage'), 'ChangeLevelPage');
const CorrectDetailsPage = page(() => import('./pupils/CorrectDetailsPage'), 'CorrectDetailsPage');
const PupilListPage = page(() => import('./pupils/PupilListPage'), 'PupilListPage');
const PupilPage = page(() => import('./pupils/PupilPage'), 'PupilPage');
const ShareLevelsPage = page(() => import('./sharing/ShareLevelsPage'), 'ShareLevelsPage');
const AlertsPage = page(() => import('./alerts/AlertsPage'), 'AlertsPage');
const ConcernPage = page(() => import('./concerns/ConcernPage'), 'ConcernPage');
const ConcernQueuePage = page(() => import('./concerns/ConcernQueuePage'), 'ConcernQueuePage');
const DutyRotaPage = page(() => import('./concerns/DutyRotaPage'), 'DutyRotaPage');
const LogConcernPage = page(() => import('./concerns/LogConcernPage'), 'LogConcernPage');
const MyConcernsPage = page(() => import('./concerns/MyConcernsPage'), 'MyConcernsPage');
const ConcernSentPage = page(() => import('./concerns/ConcernSentPage'), 'ConcernSentPage');
const PlanEditorPage = page(() => import('./plans/PlanEditorPage'), 'PlanEditorPage');
const PlanPage = page(() => import('./plans/PlanPage'), 'PlanPage');
const PlanSharingPage = page(() => import('./plans/PlanSharingPage'), 'PlanSharingPage');
const PlanVersionPage = page(() => import('./plans/PlanVersionPage'), 'PlanVersionPage');
const MeetingEditorPage = page(() => import('./meetings/MeetingEditorPage'), 'MeetingEditorPage');
const MeetingPage = page(() => import('./meetings/MeetingPage'), 'MeetingPage');
const QuestionnairePage = page(() => import('./questionnaires/QuestionnairePage'), 'QuestionnairePage');
const InterventionsPage = page(() => import('./interventions/InterventionsPage'), 'InterventionsPage');
const InterventionPage = page(() => import('./interventions/InterventionPage'), 'InterventionPage');
const InterventionEditorPage = page(() => import('./interventions/InterventionEditorPage'), 'InterventionEditorPage');
const OutcomesPage = page(() => import('./interventions/OutcomesPage'), 'OutcomesPage');
const ReferralPage = page(() => import('./referrals/ReferralPage'), 'ReferralPage');
const ReferralWaitsPage = page(() => import('./referrals/ReferralWaitsPage'), 'ReferralWaitsPage');
const EmergencyReferralPage = page(() => import('./referrals/EmergencyReferralPage'), 'EmergencyReferralPage');
const MeasuresPage = page(() => import('./questionnaires/MeasuresPage'), 'MeasuresPage');
const MeasureBuilderPage = page(() => import('./questionnaires/MeasureBuilderPage'), 'MeasureBuilderPage');
const ServicesPage = page(() => import('./services/ServicesPage'), 'ServicesPage');
const ServicePage = page(() => import('./services/ServicePage'), 'ServicePage');
const ServiceEditorPage = page(() => import('./services/ServiceEditorPage'), 'ServiceEditorPage');
const TrustServicesPage = page(() => import('./services/TrustServicesPage'), 'TrustServicesPage');
const TrustServicePage = page(() => import('./services/ServicePage'), 'TrustServicePage');
const TrustServiceEditorPage = page(() => import('./services/ServiceEditorPage'), 'TrustServiceEditorPage');
// The staff side of the parent and pupil portals.
const FamiliesPage = page(() => import('./families/FamiliesPage'), 'FamiliesPage');
const PupilAccountsPage = page(() => import('./families/PupilAccountsPage'), 'PupilAccountsPage');
const PortalSettingsPage = page(() => import('./families/PortalSettingsPage'), 'PortalSettingsPage');
const TalkRequestsPage = page(() => import('./checkins/TalkRequestsPage'), 'TalkRequestsPage');
// The family portal: parents and carers (family/), and pupils (pupil-portal/).
const FamilyHomePage = page(() => import('./family/FamilyHomePage'), 'FamilyHomePage');
const ChildPage = page(() => import('./family/ChildPage'), 'ChildPage');
const TellSchoolPage = page(() => import('./family/TellSchoolPage'), 'TellSchoolPage');
const AskSupportPage = page(() => import('./family/AskSupportPage'), 'AskSupportPage');
const ParentQuestionnairePage = page(() => import('./family/ParentQuestionnairePage'), 'ParentQuestionnairePage');
const PartnershipPage = page(() => import('./family/PartnershipPage'), 'PartnershipPage');
const FamilyServicesPage = page(() => import('./family/FamilyServicesPage'), 'FamilyServicesPage');
const FamilySettingsPage = page(() => import('./family/FamilySettingsPage'), 'FamilySettingsPage');
const PupilHomePage = page(() => import('./pupil-portal/PupilHomePage'), 'PupilHomePage');
const HelpNowPage = page(() => import('./pupil-portal/HelpNowPage'), 'HelpNowPage');
const PupilQuestionnairePage = page(() => import('./pupil-portal/PupilQuestionnairePage'), 'PupilQuestionnairePage');
const PupilSetUpPage = page(() => import('./pupil-portal/PupilSetUpPage'), 'PupilSetUpPage');
/** The device handed to a pupil: only the questionnaire (its own chunk, so first pages stay small). */
const HandedDevice = page(() => import('./questionnaires/HandedDevice'), 'HandedDevice');

const ROUTES: readonly Route[] = [
  { path: '/sign-in', access: 'signedOut', render: () => <SignInPage /> },
  { path: '/sign-in/two-factor', access: 'mfa', render: () => <TwoFactorPage /> },
  { path: '/set-up-two-factor', access: 'enrol', render: () => <SetUpTwoFactorPage /> },
  { path: '/forgot-password', access: 'public', render: () => <ForgotPasswordPage /> },
  { path: '/set-password', access: 'public', render: () => <SetPasswordPage /> },
  { path: '/set-up', access: 'signedOut', render: () => <PupilSetUpPage /> },
  { path: '/', access: 'complete', render: () => <HomeRedirect /> },
  { path: '/family', access: 'complete', render: () => <FamilyHomePage /> },
  { path: '/family/settings', access: 'complete', render: () => <FamilySettingsPage /> },
  {
    path: '/family/schools/:schoolId/children/:pupilId',
    access: 'complete',
    render: (x) => <ChildPage schoolId={p(x, 'schoolId')} pupilId={p(x, 'pupilId')} />,
  },
  {
    path: '/family/schools/:schoolId/children/:pupilId/tell',
    access: 'complete',
    render: (x) => <TellSchoolPage schoolId={p(x, 'schoolId')} pupilId={p(x, 'pupilId')} />,
  },
  {
    path: '/family/schools/:schoolId/children/:pupilId/ask-for-support',
    access: 'complete',
    render: (x) => <AskSupportPage schoolId={p(x, 'schoolId')} pupilId={p(x, 'pupilId')} />,
  },
  {
    path: '/family/schools/:schoolId/children/:pupilId/questionnaires/:questionnaireId',
    access: 'complete',
    render: (x) => (
      <ParentQuestionnairePage
        schoolId={p(x, 'schoolId')}
        pupilId={p(x, 'pupilId')}
        questionnaireId={p(x, 'questionnaireId')}
      />
    ),
  },
  {
    path: '/family/schools/:schoolId/partnership',
    access: 'complete',
    render: (x) => <PartnershipPage schoolId={p(x, 'schoolId')} />,
  },
  {
    path: '/family/schools/:schoolId/services',
    access: 'complete',
    render: (x) => <FamilyServicesPage schoolId={p(x, 'schoolId')} />,
  },
  { path: '/pupil', access: 'complete', render: () => <PupilHomePage /> },
  { path: '/pupil/help', access: 'complete', render: () => <HelpNowPage /> },
  {
    path: '/pupil/questionnaires/:questionnaireId',
    access: 'complete',
    render: (x) => <PupilQuestionnairePage questionnaireId={p(x, 'questionnaireId')} />,
  },
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
    path: '/schools/:schoolId/questionnaires/:questionnaireId',
    access: 'complete',
    render: (x) => <QuestionnairePage schoolId={p(x, 'schoolId')} questionnaireId={p(x, 'questionnaireId')} />,
  },
  {
    path: '/schools/:schoolId/measures',
    access: 'complete',
    render: (x) => <MeasuresPage schoolId={p(x, 'schoolId')} />,
  },
  {
    path: '/schools/:schoolId/measures/new',
    access: 'complete',
    render: (x) => <MeasureBuilderPage schoolId={p(x, 'schoolId')} />,
  },
  {
    path: '/schools/:schoolId/measures/:measureKey/edit',
    access: 'complete',
    render: (x) => <MeasureBuilderPage schoolId={p(x, 'schoolId')} measureKey={p(x, 'measureKey')} />,
  },
  {
    path: '/schools/:schoolId/interventions',
    access: 'complete',
    render: (x) => <InterventionsPage schoolId={p(x, 'schoolId')} />,
  },
  {
    path: '/schools/:schoolId/interventions/new',
    access: 'complete',
    render: (x) => <InterventionEditorPage schoolId={p(x, 'schoolId')} />,
  },
  {
    path: '/schools/:schoolId/interventions/:interventionId',
    access: 'complete',
    render: (x) => <InterventionPage schoolId={p(x, 'schoolId')} interventionId={p(x, 'interventionId')} />,
  },
  {
    path: '/schools/:schoolId/interventions/:interventionId/edit',
    access: 'complete',
    render: (x) => <InterventionEditorPage schoolId={p(x, 'schoolId')} interventionId={p(x, 'interventionId')} />,
  },
  {
    path: '/schools/:schoolId/intervention-outcomes',
    access: 'complete',
    render: (x) => <OutcomesPage schoolId={p(x, 'schoolId')} />,
  },
  {
    path: '/schools/:schoolId/pupils/:pupilId/emergency-referral',
    access: 'complete',
    render: (x) => <EmergencyReferralPage schoolId={p(x, 'schoolId')} pupilId={p(x, 'pupilId')} />,
  },
  {
    path: '/schools/:schoolId/referrals/:referralId',
    access: 'complete',
    render: (x) => <ReferralPage schoolId={p(x, 'schoolId')} referralId={p(x, 'referralId')} />,
  },
  {
    path: '/schools/:schoolId/referral-waits',
    access: 'complete',
    render: (x) => <ReferralWaitsPage schoolId={p(x, 'schoolId')} />,
  },
  {
    path: '/schools/:schoolId/services',
    access: 'complete',
    render: (x) => <ServicesPage schoolId={p(x, 'schoolId')} />,
  },
  {
    path: '/schools/:schoolId/services/new',
    access: 'complete',
    render: (x) => <ServiceEditorPage schoolId={p(x, 'schoolId')} />,
  },
  {
    path: '/schools/:schoolId/services/:serviceId',
    access: 'complete',
    render: (x) => <ServicePage schoolId={p(x, 'schoolId')} serviceId={p(x, 'serviceId')} />,
  },
  {
    path: '/schools/:schoolId/services/:serviceId/edit',
    access: 'complete',
    render: (x) => <ServiceEditorPage schoolId={p(x, 'schoolId')} serviceId={p(x, 'serviceId')} />,
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
    path: '/schools/:schoolId/concerns/sent/:concernId',
    access: 'complete',
    render: (x) => <ConcernSentPage schoolId={p(x, 'schoolId')} concernId={p(x, 'concernId')} />,
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
    path: '/schools/:schoolId/families',
    access: 'complete',
    render: (x) => <FamiliesPage schoolId={p(x, 'schoolId')} />,
  },
  {
    path: '/schools/:schoolId/pupil-accounts',
    access: 'complete',
    render: (x) => <PupilAccountsPage schoolId={p(x, 'schoolId')} />,
  },
  {
    path: '/schools/:schoolId/portal-settings',
    access: 'complete',
    render: (x) => <PortalSettingsPage schoolId={p(x, 'schoolId')} />,
  },
  {
    path: '/schools/:schoolId/talk-requests',
    access: 'complete',
    render: (x) => <TalkRequestsPage schoolId={p(x, 'schoolId')} />,
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
  {
    path: '/trusts/:trustId/services',
    access: 'complete',
    render: (x) => <TrustServicesPage trustId={p(x, 'trustId')} />,
  },
  {
    path: '/trusts/:trustId/services/new',
    access: 'complete',
    render: (x) => <TrustServiceEditorPage trustId={p(x, 'trustId')} />,
  },
  {
    path: '/trusts/:trustId/services/:serviceId',
    access: 'complete',
    render: (x) => <TrustServicePage trustId={p(x, 'trustId')} serviceId={p(x, 'serviceId')} />,
  },
  {
    path: '/trusts/:trustId/services/:serviceId/edit',
    access: 'complete',
    render: (x) => <TrustServiceEditorPage trustId={p(x, 'trustId')} serviceId={p(x, 'serviceId')} />,
  },
  // The whole-school tools, each area's pages in its own list.
  ...wholeSchoolRoutes,
  ...selfAssessmentRoutes,
  ...actionPlanRoutes,
  ...resourceRoutes,
  ...staffSurveyRoutes,
  ...trainingRoutes,
  ...policyRoutes,
  // Reports: the school's picture, termly reports and the trust view.
  ...reportRoutes,
  // Attendance, the missing list, reduced timetables and education elsewhere, pupils to review.
  ...attendanceRoutes,
  ...missingRoutes,
  ...provisionRoutes,
  ...transferRoutes,
  ...ssoRoutes,
  ...calendarRoutes,
  ...retentionRoutes,
  ...subjectAccessRoutes,
  ...earlyRoutes,
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

/**
 * A page's code may arrive after the navigation's focus moved to <main> (no heading yet): once it
 * has, move focus on to the heading, as useFocusOnNavigate would have.
 */
function FocusHeadingWhenLoaded() {
  const count = useNavigationCount();
  useEffect(() => {
    if (count === 0) return;
    const main = document.getElementById('main-content');
    if (main === null || document.activeElement !== main) return;
    document.getElementById('page-heading')?.focus({ preventScroll: true });
  }, [count]);
  return null;
}

/**
 * A family-only account (a parent or carer, or a pupil) has its own home: the staff home and the
 * school and trust pages are not for it, so those addresses lead there instead.
 */
function FamilyOnly({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const { pathname } = useLocation();
  const flash = useFlash();
  const home = familyHomeFor(session);
  if (home !== null && (pathname === '/' || /^\/(schools|trusts)(\/|$)/.test(pathname))) {
    return <Redirect to={home} flash={flash ?? undefined} />;
  }
  return <>{children}</>;
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
          <Gate access={found.route.access}>
            <FamilyOnly>
              <Suspense fallback={<Loading what="Loading the page" />}>
                <FocusHeadingWhenLoaded />
                {found.route.render(found.params)}
              </Suspense>
            </FamilyOnly>
          </Gate>
        )}
      </ErrorBoundary>
    </Shell>
  );
}

/**
 * Handed to a pupil: only the questionnaire, whatever the address, with no header, navigation or
 * live alerts, until the member of staff gives the device back with their password.
 */
function HandedDeviceGate({ children }: { children: ReactNode }) {
  const { session } = useSession();
  if (session.handedTo === null) return <>{children}</>;
  return (
    <ErrorBoundary>
      <Suspense fallback={<StartingUp />}>
        <HandedDevice handedTo={session.handedTo} />
      </Suspense>
    </ErrorBoundary>
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
        <HandedDeviceGate>
          <OutboxProvider>
            <AlertsProvider>
              <Routes />
            </AlertsProvider>
          </OutboxProvider>
        </HandedDeviceGate>
      </SessionProvider>
    </RouterProvider>
  );
}
