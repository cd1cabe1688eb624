/**
 * What each feature contributes to the platform's registries: its part of a pupil's chronology,
 * its due jobs, the evidence a level change may cite, and so on. This file and app.ts are the only
 * places that know every feature; a feature never imports another, or this file.
 */
import type { Registries } from './platform/registries';
import { pupilChronology } from './pupils/pupils.chronology';
import { levelChronology } from './levels/levels.chronology';
import { seedFrameworkForNewSchool } from './levels/levels.school';
import { levelsOfPupil } from './levels/levels.pupil';
import { concernChronology } from './concerns/concerns.chronology';
import { concernDueJobs } from './concerns/concerns.jobs';
import { concernEvidence } from './concerns/concerns.evidence';
import { concernAlertLinks } from './concerns/concerns.alert-links';
import { planChronology } from './plans/plans.chronology';
import { meetingChronology } from './plans/meetings.chronology';
import { planDueJobs } from './plans/plans.jobs';
import { plansGivenToStaff } from './plans/plans.given';
import { planMyWork } from './plans/plans.my-work';
import { concernMyWork } from './concerns/concerns.my-work';
import { urgentConcernRoute } from './concerns/concerns.urgent-route';
import { interventionChronology } from './interventions/interventions.chronology';
import { scoreEvidence } from './interventions/interventions.evidence';
import { interventionMyWork } from './interventions/interventions.my-work';
import { referralChronology } from './referrals/referrals.chronology';
import { referralMyWork } from './referrals/referrals.my-work';
import { seedDirectoryForNewSchool } from './referrals/referrals.school';
import { levelFamilyView } from './levels/levels.family';
import { planFamilyView } from './plans/plans.family';
import { interventionFamilyRequests, interventionFamilyView } from './interventions/interventions.family';
import { referralFamilyView } from './referrals/referrals.family';
import { referralFamilyDirectory } from './referrals/referrals.family-directory';
import { concernFamilyRequests } from './concerns/concerns.family';
import { familyDueJobs } from './family/family.jobs';
import { mailDueJobs } from './mail/outbox';
import { rateLimitDueJobs } from './http/rate-limit-store';
import { checkinDueJobs } from './family/checkins.jobs';
import { checkinMyWork } from './family/checkins.my-work';
import { actionMyWork } from './improvement/actions.my-work';
import { actionDueJobs } from './improvement/actions.jobs';
import { resourceMyWork } from './resources/resources.my-work';
import { seedLibraryForNewSchool } from './resources/resources.school';
import { staffSurveyMyWork } from './staff-survey/staff-survey.my-work';
import { staffSurveyDueJobs } from './staff-survey/staff-survey.jobs';
import { trainingMyWork } from './training/training.my-work';
import { trainingRecords } from './training/training.records';
import { policyMyWork } from './policies/policies.my-work';
import { policyDueJobs } from './policies/policies.jobs';
import { policyRecords } from './policies/policies.records';
import { levelReport } from './levels/levels.report';
import { concernReport } from './concerns/concerns.report';
import { interventionReport } from './interventions/interventions.report';
import { referralReport } from './referrals/referrals.report';
import { planReport } from './plans/plans.report';
import { actionReport } from './improvement/actions.report';
import { termlyReportJobs } from './reports/reports.jobs';
import { missingChronology } from './attendance/missing.chronology';
import { missingMyWork } from './attendance/missing.my-work';
import { provisionMyWork } from './provision/provision.my-work';
import { subjectAccessMyWork } from './subject-access/subject-access.my-work';
import { retentionMyWork } from './retention/retention.my-work';
import { timetableSummary } from './provision/provision.summary';
import { provisionDueJobs } from './provision/provision.jobs';
import { provisionChronology } from './provision/provision.chronology';
import { provisionFamilyView } from './provision/provision.family';
import { attendanceSignals } from './attendance/attendance.signals';
import { concernSignals } from './concerns/concerns.signals';
import { interventionSignals } from './interventions/interventions.signals';
import { checkinSignals } from './family/checkins.signals';
import { transferChronology } from './transfers/transfers.chronology';
import { transferDueJobs } from './transfers/transfers.jobs';
import { ssoDueJobs } from './sso/sso.jobs';
import { transferMyWork } from './transfers/transfers.my-work';
import { createTransferOnLeaving } from './transfers/transfers.hook';
import { interventionRecords } from './interventions/interventions.records';
import { referralRecords } from './referrals/referrals.records';
import { attendanceRecords } from './attendance/attendance.records';
import { provisionRecords } from './provision/provision.records';
import { familyRecords } from './family/family.records';
import { pupilDetailRecords } from './pupils/pupils.records';
import { levelRecords } from './levels/levels.records';
import { concernRecords } from './concerns/concerns.records';
import { planRecords } from './plans/plans.records';
import { earlyRecords } from './early-identification/early.records';
import { planCalendar } from './plans/plans.calendar';
import { concernCalendar } from './concerns/concerns.calendar';
import { provisionCalendar } from './provision/provision.calendar';

export const registries: Registries = {
  chronology: [
    pupilChronology,
    levelChronology,
    concernChronology,
    planChronology,
    meetingChronology,
    interventionChronology,
    referralChronology,
    missingChronology,
    provisionChronology,
    transferChronology,
  ],
  dueJobs: [
    ...concernDueJobs,
    ...planDueJobs,
    ...familyDueJobs,
    ...checkinDueJobs,
    ...actionDueJobs,
    ...policyDueJobs,
    ...provisionDueJobs,
    ...staffSurveyDueJobs,
    ...termlyReportJobs,
    ...transferDueJobs,
    ...ssoDueJobs,
    // Last, so that one run also sends what the jobs above queued and could not send at once.
    ...mailDueJobs,
    ...rateLimitDueJobs,
  ],
  evidence: [concernEvidence, scoreEvidence],
  plansGiven: plansGivenToStaff,
  pupilLevels: levelsOfPupil,
  onSchoolCreated: [seedFrameworkForNewSchool, seedDirectoryForNewSchool, seedLibraryForNewSchool],
  alertLinks: [concernAlertLinks],
  myWork: [
    planMyWork,
    concernMyWork,
    interventionMyWork,
    referralMyWork,
    checkinMyWork,
    actionMyWork,
    resourceMyWork,
    staffSurveyMyWork,
    trainingMyWork,
    policyMyWork,
    missingMyWork,
    provisionMyWork,
    transferMyWork,
    subjectAccessMyWork,
    // Its past-review count gathers through the record sources below, read when asked.
    retentionMyWork(() => registries.pupilRecords),
  ],
  urgentRoute: urgentConcernRoute,
  familyView: [levelFamilyView, planFamilyView, interventionFamilyView, referralFamilyView, provisionFamilyView],
  familyRequests: { ...concernFamilyRequests, ...interventionFamilyRequests },
  familyDirectory: referralFamilyDirectory,
  schoolRecords: [policyRecords, trainingRecords],
  reportSources: [levelReport, concernReport, interventionReport, referralReport, planReport, actionReport],
  earlySignals: [attendanceSignals, concernSignals, interventionSignals, checkinSignals],
  timetableSummary,
  pupilRecords: [
    pupilDetailRecords,
    levelRecords,
    concernRecords,
    planRecords,
    earlyRecords,
    interventionRecords,
    referralRecords,
    attendanceRecords,
    provisionRecords,
    familyRecords,
  ],
  onPupilLeft: [createTransferOnLeaving],
  calendarEvents: [planCalendar, concernCalendar, provisionCalendar],
};
