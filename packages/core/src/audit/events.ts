/**
 * Every audited event, as a typed union. Details carry identifiers, never names or case text, so
 * the trail itself never becomes a second copy of sensitive content.
 */
import type { Role } from '../auth/roles';
import type {
  ConcernCorrectionField,
  ConcernFileType,
  ConcernOutcome,
  ConcernRoute,
  ParentsToldHow,
} from '../concerns/concerns.values';
import type { LevelCode } from '../levels/levels.values';
import type { AgreementParty, MeetingKind, PlanKind } from '../plans/plans.values';
import type { CaseTeamSource } from '../pupils/case-team.values';
import type { ImportKind } from '../pupils/pupils.values';
import type { ReferralService, ReferralStatus } from '../referrals/referrals.values';
import type { ConfirmableItem, FamilyMessageKind, NoAccessReason } from '../family/family.values';
import type { PlaceEnding, QuestionnaireStatus, RequestSource, Timepoint } from '../interventions/interventions.values';
import {
  IMPROVEMENT_AUDIT_LABELS,
  IMPROVEMENT_SUBJECT_LABELS,
  IMPROVEMENT_SUBJECT_TYPES,
  type ImprovementAuditEvent,
} from '../improvement/improvement.audit';
import {
  RESOURCE_AUDIT_LABELS,
  RESOURCE_SUBJECT_LABELS,
  RESOURCE_SUBJECT_TYPES,
  type ResourceAuditEvent,
} from '../resources/resources.audit';
import {
  STAFF_SURVEY_AUDIT_LABELS,
  STAFF_SURVEY_SUBJECT_LABELS,
  STAFF_SURVEY_SUBJECT_TYPES,
  type StaffSurveyAuditEvent,
} from '../staff-survey/staff-survey.audit';
import {
  TRAINING_AUDIT_LABELS,
  TRAINING_SUBJECT_LABELS,
  TRAINING_SUBJECT_TYPES,
  type TrainingAuditEvent,
} from '../training/training.audit';
import {
  POLICY_AUDIT_LABELS,
  POLICY_SUBJECT_LABELS,
  POLICY_SUBJECT_TYPES,
  type PolicyAuditEvent,
} from '../policies/policies.audit';
import {
  ATTENDANCE_AUDIT_LABELS,
  ATTENDANCE_SUBJECT_LABELS,
  ATTENDANCE_SUBJECT_TYPES,
  type AttendanceAuditEvent,
} from '../attendance/attendance.audit';
import {
  PROVISION_AUDIT_LABELS,
  PROVISION_SUBJECT_LABELS,
  PROVISION_SUBJECT_TYPES,
  type ProvisionAuditEvent,
} from '../provision/provision.audit';
import {
  RETENTION_AUDIT_LABELS,
  RETENTION_SUBJECT_LABELS,
  RETENTION_SUBJECT_TYPES,
  type RetentionAuditEvent,
} from '../retention/retention.audit';
import {
  SUBJECT_ACCESS_AUDIT_LABELS,
  SUBJECT_ACCESS_SUBJECT_LABELS,
  SUBJECT_ACCESS_SUBJECT_TYPES,
  type SubjectAccessAuditEvent,
} from '../subject-access/subject-access.audit';
import {
  EARLY_AUDIT_LABELS,
  EARLY_SUBJECT_LABELS,
  EARLY_SUBJECT_TYPES,
  type EarlyAuditEvent,
} from '../early-identification/early.audit';
import {
  REPORT_AUDIT_LABELS,
  REPORT_SUBJECT_LABELS,
  REPORT_SUBJECT_TYPES,
  type ReportAuditEvent,
} from '../reports/reports.audit';
import {
  DOCUMENT_AUDIT_LABELS,
  DOCUMENT_SUBJECT_LABELS,
  DOCUMENT_SUBJECT_TYPES,
  type DocumentAuditEvent,
} from './documents.audit';
import {
  TRANSFER_AUDIT_LABELS,
  TRANSFER_SUBJECT_LABELS,
  TRANSFER_SUBJECT_TYPES,
  type TransferAuditEvent,
} from '../transfers/transfers.audit';
import { TERM_DATES_AUDIT_LABELS, type TermDatesAuditEvent } from '../schools/term-dates.audit';
import { SSO_AUDIT_LABELS, type SsoAuditEvent } from '../sso/sso.audit';
import type { SsoProvider } from '../sso/sso.values';
import { CALENDAR_AUDIT_LABELS, type CalendarAuditEvent } from '../calendar/calendar.audit';

export type AuditEvent =
  | { action: 'auth.signed_in'; detail: { mfa: boolean; method?: 'password' | 'sso'; provider?: SsoProvider } }
  | { action: 'auth.sign_in_failed'; detail: { reason: 'bad_credentials' | 'locked' | 'disabled' } }
  | { action: 'auth.mfa_failed'; detail: Record<string, never> }
  | { action: 'auth.signed_out'; detail: Record<string, never> }
  | { action: 'auth.session_expired'; detail: Record<string, never> }
  | { action: 'auth.account_locked'; detail: { until: string } }
  | { action: 'auth.mfa_enrolled'; detail: Record<string, never> }
  | { action: 'auth.recovery_code_used'; detail: { remaining: number } }
  | { action: 'auth.password_reset_requested'; detail: Record<string, never> }
  | { action: 'auth.password_changed'; detail: { via: 'reset' | 'invitation' } }
  | { action: 'trust.school_created'; detail: { schoolId: string } }
  | { action: 'school.settings_changed'; detail: { fields: string[] } }
  | { action: 'staff.invited'; detail: { userId: string; roles: Role[] } }
  | { action: 'staff.invitation_resent'; detail: { userId: string } }
  | { action: 'role.granted'; detail: { userId: string; role: Role } }
  | { action: 'role.revoked'; detail: { userId: string; role: Role } }
  | { action: 'audit.viewed'; detail: { filters: Record<string, string> } }
  | { action: 'audit.exported'; detail: { filters: Record<string, string>; rows: number } }
  | { action: 'pupil.viewed'; detail: { view: 'case' | 'summary' | 'basic' } }
  | { action: 'pupil.updated'; detail: { fields: string[] } }
  | {
      action: 'pupil.import_previewed';
      /** otherDestination: a CTF addressed to another school, confirmed by the importer as theirs. */
      detail: { importId: string; kind: ImportKind; rows: number; errors: number; otherDestination?: boolean };
    }
  | {
      action: 'pupil.import_applied';
      detail: { importId: string; kind: ImportKind; added: number; updated: number; left: number };
    }
  | { action: 'pupil.list_exported'; detail: { rows: number } }
  | { action: 'pupil.case_team_added'; detail: { userId: string; source: CaseTeamSource } }
  | { action: 'pupil.case_team_removed'; detail: { userId: string } }
  | {
      action: 'role.scope_changed';
      detail: { userId: string; role: Role; yearGroups: number[]; wholeSchool: boolean };
    }
  | { action: 'pupil.chronology_viewed'; detail: { format: 'screen' | 'pdf' } }
  | { action: 'concern.logged'; detail: { route: ConcernRoute; urgent: boolean; pupils: number } }
  | { action: 'concern.viewed'; detail: { access: string } }
  | { action: 'concern.access_refused'; detail: Record<string, never> }
  | { action: 'concern.acknowledged'; detail: Record<string, never> }
  | { action: 'concern.action_added'; detail: { actionId: string; ownerUserId: string; dueOn: string } }
  | { action: 'concern.action_completed'; detail: { actionId: string } }
  | { action: 'concern.addendum_added'; detail: { addendumId: string } }
  | { action: 'concern.escalated_to_dsl'; detail: Record<string, never> }
  | { action: 'concern.moved_to_restricted'; detail: Record<string, never> }
  | {
      action: 'concern.closed';
      detail: { outcome: ConcernOutcome; actionsDone?: string[]; actionsCarried?: string[]; actionsDropped?: string[] };
    }
  | { action: 'concern.action_carried'; detail: { actionId: string } }
  | { action: 'concern.action_dropped'; detail: { actionId: string } }
  | { action: 'concern.corrected'; detail: { fields: ConcernCorrectionField[] } }
  | { action: 'concern.parents_told'; detail: { how: ParentsToldHow } }
  | { action: 'concern.pupil_will_tell_parents'; detail: { by: string } }
  | { action: 'concern.file_added'; detail: { fileId: string; contentType: ConcernFileType; size: number } }
  | { action: 'concern.file_viewed'; detail: { fileId: string } }
  | { action: 'concern.escalation_alert_sent'; detail: { recipients: number } }
  | { action: 'concern.pupil_tells_deadline_passed'; detail: { recipients: number } }
  | { action: 'pupil.chronology_exported'; detail: { entries: number; order?: 'oldest' | 'newest' } }
  | { action: 'plan.created'; detail: { kind: PlanKind; pupilId: string } }
  | { action: 'plan.viewed'; detail: { view: 'case' | 'staff'; version: number } }
  | { action: 'plan.version_viewed'; detail: { version: number } }
  | { action: 'plan.revised'; detail: { version: number } }
  | {
      action: 'plan.sharing_changed';
      detail: { named: number; teaching: boolean; parents: boolean; leadUserId: string };
    }
  | { action: 'plan.agreement_recorded'; detail: { version: number; party: AgreementParty; agreementId: string } }
  | { action: 'plan.agreed'; detail: { version: number } }
  | { action: 'plan.read_confirmed'; detail: { version: number } }
  | { action: 'plan.reviewed'; detail: { reviewId: string; nextReviewOn: string } }
  | { action: 'plan.ended'; detail: { version: number } }
  | { action: 'plan.exported'; detail: { version: number; view: 'case' | 'staff' } }
  | { action: 'plan.review_reminder_sent'; detail: { reviewDue: string } }
  | {
      action: 'meeting.recorded';
      detail: { kind: MeetingKind; pupilId: string; completed: boolean; nextSteps: number };
    }
  | { action: 'meeting.viewed'; detail: Record<string, never> }
  | { action: 'meeting.updated'; detail: { completed: boolean; nextStepsAdded: number } }
  | { action: 'meeting.next_step_completed'; detail: { actionId: string } }
  | { action: 'dsl.duty_changed'; detail: { weekdays: number[] } }
  | { action: 'level.changed'; detail: { from: LevelCode | null; to: LevelCode | null; evidence: number } }
  | { action: 'level.reworded'; detail: { code: LevelCode; version: number } }
  | {
      action: 'level.letters_generated';
      detail: {
        batchId: string;
        pupils: number;
        yearGroup: number | null;
        /** Letters made: one per household of contacts with parental responsibility. */
        letters?: number;
        /** Pupils at MH4 or MH5 left out, to be spoken to in person. */
        leftOut?: number;
      };
    }
  | { action: 'level.letter_included_in_person'; detail: { batchId: string; level: LevelCode; reason: string } }
  | { action: 'level.staff_briefing_generated'; detail: { batchId: string; pupils: number; groups: number } }
  | { action: 'intervention.added'; detail: { places: number } }
  | { action: 'intervention.changed'; detail: { fields: string[]; version: number } }
  | { action: 'intervention.viewed'; detail: { waiting: number; in: number; names: boolean } }
  | { action: 'intervention.place_requested'; detail: { placeId: string; pupilId: string; source: RequestSource } }
  | {
      action: 'intervention.waiting_list_reordered';
      detail: { placeId: string; from: number; to: number };
    }
  | { action: 'intervention.place_allocated'; detail: { placeId: string; pupilId: string; outOfTurn: boolean } }
  | { action: 'intervention.place_ended'; detail: { placeId: string; pupilId: string; ending: PlaceEnding } }
  | { action: 'intervention.place_withdrawn'; detail: { placeId: string; pupilId: string } }
  | { action: 'intervention.parents_told'; detail: { placeId: string; pupilId: string } }
  | { action: 'intervention.letter_printed'; detail: { placeId: string; pupilId: string } }
  | { action: 'intervention.session_recorded'; detail: { sessionId: string; cancelled: boolean; pupils: number } }
  | { action: 'intervention.outcomes_viewed'; detail: { format: 'screen' | 'csv' } }
  | { action: 'measure.added'; detail: { measureId: string; version: number } }
  | { action: 'measure.revised'; detail: { measureId: string; version: number } }
  | { action: 'questionnaire.started'; detail: { pupilId: string; measureKey: string; timepoint: Timepoint } }
  | { action: 'questionnaire.viewed'; detail: { pupilId: string; status: QuestionnaireStatus } }
  | { action: 'questionnaire.answered'; detail: { pupilId: string; item: string } }
  | { action: 'questionnaire.completed'; detail: { pupilId: string; measureKey: string; riskRaised: boolean } }
  | { action: 'questionnaire.handed_to_pupil'; detail: { pupilId: string } }
  | { action: 'questionnaire.handed_back'; detail: Record<string, never> }
  | { action: 'questionnaire.risk_raised'; detail: { pupilId: string; concernId: string; items: string[] } }
  | { action: 'pupil.outcomes_viewed'; detail: { questionnaires: number } }
  | { action: 'service.added'; detail: { scope: 'school' | 'trust' } }
  | { action: 'service.changed'; detail: { version: number; status: string } }
  | { action: 'service.checked'; detail: Record<string, never> }
  | {
      action: 'referral.started';
      detail: { pupilId: string; service: ReferralService; emergency: boolean };
    }
  | { action: 'referral.viewed'; detail: { pupilId: string; restricted: boolean } }
  | { action: 'referral.saved'; detail: { version: number; restricted: boolean } }
  | { action: 'referral.stepped'; detail: { from: ReferralStatus; to: ReferralStatus; on: string } }
  | { action: 'referral.exported'; detail: { pupilId: string } }
  | { action: 'referral.listed'; detail: { pupilId: string | null; count: number } }
  | { action: 'referral.waits_viewed'; detail: { format: 'screen' | 'csv' } }
  | { action: 'referral.shared_with_parents'; detail: Record<string, never> }
  | { action: 'family.settings_changed'; detail: { fields: string[] } }
  | { action: 'family.parent_invited'; detail: { contactId: string; userId: string; resent: boolean } }
  | { action: 'family.no_access_set'; detail: { contactId: string; reasonKind: NoAccessReason } }
  | { action: 'family.no_access_lifted'; detail: { contactId: string } }
  | { action: 'family.contacts_listed'; detail: { count: number } }
  | { action: 'family.child_viewed'; detail: { as: 'parent' | 'pupil'; part: string } }
  | {
      action: 'family.message_sent';
      detail: { kind: FamilyMessageKind; concernId: string | null; placeId: string | null };
    }
  | { action: 'family.read_confirmed'; detail: { item: ConfirmableItem; itemId: string; version: number } }
  | { action: 'family.letter_downloaded'; detail: { letterId: string } }
  | { action: 'family.pupil_codes_issued'; detail: { pupils: number; newAccounts: number } }
  | { action: 'family.pupil_account_set_up'; detail: { pupilId: string } }
  | { action: 'family.trusted_adult_set'; detail: { userId: string } }
  | { action: 'checkin.made'; detail: { wantsToTalk: boolean; riskRaised: boolean } }
  | { action: 'checkin.acknowledged'; detail: Record<string, never> }
  | { action: 'checkin.escalated'; detail: Record<string, never> }
  | { action: 'checkin.viewed'; detail: { pupilId: string | null } }
  // The whole-school tools keep their events beside their own code.
  | ImprovementAuditEvent
  | ReportAuditEvent
  | AttendanceAuditEvent
  | ProvisionAuditEvent
  | RetentionAuditEvent
  | SubjectAccessAuditEvent
  | EarlyAuditEvent
  | ResourceAuditEvent
  | StaffSurveyAuditEvent
  | TrainingAuditEvent
  | PolicyAuditEvent
  | TransferAuditEvent
  | SsoAuditEvent
  | TermDatesAuditEvent
  | CalendarAuditEvent
  | DocumentAuditEvent;

export type AuditAction = AuditEvent['action'];

/** Where an audited event happened and to what: written alongside the event. */
export interface AuditContext {
  actorUserId: string | null;
  trustId: string | null;
  schoolId: string | null;
  subjectType?: AuditSubjectType | null;
  subjectId?: string | null;
  ip?: string | null;
}

/** Plain-English descriptions for the audit viewer. */
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  'auth.signed_in': 'Signed in',
  'auth.sign_in_failed': 'Sign-in failed',
  'auth.mfa_failed': 'Two-factor code refused',
  'auth.signed_out': 'Signed out',
  'auth.session_expired': 'Session timed out',
  'auth.account_locked': 'Sign-in paused after repeated failures',
  'auth.mfa_enrolled': 'Set up two-factor sign-in',
  'auth.recovery_code_used': 'Used a recovery code',
  'auth.password_reset_requested': 'Asked for a password reset',
  'auth.password_changed': 'Set a new password',
  'trust.school_created': 'Added a school',
  'school.settings_changed': 'Changed school settings',
  'staff.invited': 'Invited a member of staff',
  'staff.invitation_resent': 'Sent an invitation again',
  'role.granted': 'Gave a role',
  'role.revoked': 'Removed a role',
  'audit.viewed': 'Viewed the audit trail',
  'audit.exported': 'Exported the audit trail',
  'pupil.viewed': 'Opened a pupil record',
  'pupil.updated': 'Changed pupil details',
  'pupil.import_previewed': 'Checked an MIS file before import',
  'pupil.import_applied': 'Imported from the MIS',
  'pupil.list_exported': 'Exported a pupil list',
  'pupil.case_team_added': "Added someone to a pupil's case team",
  'pupil.case_team_removed': "Removed someone from a pupil's case team",
  'role.scope_changed': 'Changed whose cases a member of staff may see',
  'pupil.chronology_viewed': "Viewed a pupil's chronology",
  'concern.logged': 'Logged a concern',
  'concern.viewed': 'Read a concern',
  'concern.access_refused': 'Was refused a concern in the safeguarding record',
  'concern.acknowledged': 'Acknowledged a concern',
  'concern.action_added': 'Added an action to a concern',
  'concern.action_completed': 'Completed an action',
  'concern.addendum_added': 'Added to a concern',
  'concern.escalated_to_dsl': 'Passed a concern to the DSL',
  'concern.moved_to_restricted': 'Moved a concern to the safeguarding record',
  'concern.closed': 'Closed a concern',
  'concern.action_carried': "Carried an open action to the pupil's case",
  'concern.action_dropped': 'Dropped an open action, with a reason',
  'concern.corrected': 'Corrected a concern',
  'concern.parents_told': 'Recorded that parents were told',
  'concern.pupil_will_tell_parents': 'Recorded that the pupil will tell their parents',
  'concern.file_added': 'Attached a file to a concern',
  'concern.file_viewed': 'Opened a file on a concern',
  'concern.escalation_alert_sent': 'Alerted deputies: urgent concern not acknowledged',
  'concern.pupil_tells_deadline_passed': 'Reminded the lead: 24 hours for the pupil to tell parents have passed',
  'pupil.chronology_exported': "Printed or exported a pupil's chronology",
  'plan.created': 'Wrote a plan',
  'plan.viewed': 'Read a plan',
  'plan.version_viewed': 'Read an earlier version of a plan',
  'plan.revised': 'Changed a plan (new version)',
  'plan.sharing_changed': 'Changed who is given a plan',
  'plan.agreement_recorded': 'Recorded agreement to a plan',
  'plan.agreed': 'Marked a plan agreed',
  'plan.read_confirmed': 'Confirmed reading a plan',
  'plan.reviewed': 'Reviewed a plan',
  'plan.ended': 'Ended a plan',
  'plan.exported': 'Printed or exported a plan',
  'plan.review_reminder_sent': 'Reminded the lead: plan review overdue',
  'meeting.recorded': 'Recorded a meeting',
  'meeting.viewed': 'Read a meeting record',
  'meeting.updated': 'Updated a meeting record',
  'meeting.next_step_completed': 'Completed a next step from a meeting',
  'dsl.duty_changed': 'Changed the DSL duty rota',
  'level.changed': "Changed a pupil's level",
  'level.reworded': 'Reworded a level',
  'level.letters_generated': 'Made termly level letters for parents',
  'level.letter_included_in_person':
    'Included a pupil at MH4 or MH5 in the termly letters rather than speaking to the family in person',
  'level.staff_briefing_generated': 'Made the termly staff briefing',
  'intervention.added': 'Added an intervention',
  'intervention.changed': 'Changed an intervention',
  'intervention.viewed': 'Opened an intervention and its waiting list',
  'intervention.place_requested': 'Asked for a place on an intervention',
  'intervention.waiting_list_reordered': 'Moved a pupil on a waiting list',
  'intervention.place_allocated': 'Gave a pupil a place on an intervention',
  'intervention.place_ended': "Ended a pupil's place on an intervention",
  'intervention.place_withdrawn': 'Took a pupil off a waiting list',
  'intervention.parents_told': 'Recorded that parents were told of an intervention',
  'intervention.letter_printed': 'Printed the letter home about an intervention',
  'intervention.session_recorded': 'Recorded an intervention session',
  'intervention.outcomes_viewed': 'Viewed intervention outcomes',
  'measure.added': "Added the school's own questionnaire",
  'measure.revised': "Changed the school's own questionnaire (new version)",
  'questionnaire.started': 'Started a questionnaire',
  'questionnaire.viewed': 'Opened a questionnaire and its scores',
  'questionnaire.answered': 'Answered a questionnaire item',
  'questionnaire.completed': 'Completed a questionnaire',
  'questionnaire.handed_to_pupil': 'Handed a device to a pupil to answer a questionnaire',
  'questionnaire.handed_back': 'Took the device back from a pupil',
  'questionnaire.risk_raised': 'A questionnaire answer opened the urgent safeguarding route',
  'pupil.outcomes_viewed': "Viewed a pupil's questionnaire scores",
  'service.added': 'Added a service to the directory',
  'service.changed': 'Changed a service in the directory',
  'service.checked': 'Checked a service in the directory',
  'referral.started': 'Started a referral',
  'referral.viewed': 'Read a referral',
  'referral.saved': 'Saved a referral',
  'referral.stepped': "Recorded a referral's next step",
  'referral.exported': 'Printed or downloaded a referral',
  'referral.listed': 'Listed referrals',
  'referral.waits_viewed': 'Viewed referral waits',
  'referral.shared_with_parents': 'Shared a referral with parents',
  'family.settings_changed': 'Changed the portal settings',
  'family.parent_invited': 'Invited a parent or carer',
  'family.no_access_set': 'Stopped a parent or carer seeing a child',
  'family.no_access_lifted': 'Gave a parent or carer access back',
  'family.contacts_listed': 'Listed parents and carers',
  'family.child_viewed': 'Viewed in the family portal',
  'family.message_sent': 'Sent the school a message from home',
  'family.read_confirmed': 'Confirmed reading',
  'family.letter_downloaded': 'Downloaded a letter in the family portal',
  'family.pupil_codes_issued': 'Made set-up codes for pupils',
  'family.pupil_account_set_up': 'A pupil set up their account',
  'family.trusted_adult_set': "Set a pupil's trusted adult",
  'checkin.made': 'Checked in',
  'checkin.acknowledged': "Acknowledged a pupil's request to talk",
  'checkin.escalated': 'Sent an unread request to talk to the lead',
  'checkin.viewed': "Viewed a pupil's check-ins",
  ...IMPROVEMENT_AUDIT_LABELS,
  ...REPORT_AUDIT_LABELS,
  ...ATTENDANCE_AUDIT_LABELS,
  ...PROVISION_AUDIT_LABELS,
  ...RETENTION_AUDIT_LABELS,
  ...SUBJECT_ACCESS_AUDIT_LABELS,
  ...EARLY_AUDIT_LABELS,
  ...RESOURCE_AUDIT_LABELS,
  ...STAFF_SURVEY_AUDIT_LABELS,
  ...TRAINING_AUDIT_LABELS,
  ...POLICY_AUDIT_LABELS,
  ...TRANSFER_AUDIT_LABELS,
  ...SSO_AUDIT_LABELS,
  ...TERM_DATES_AUDIT_LABELS,
  ...CALENDAR_AUDIT_LABELS,
  ...DOCUMENT_AUDIT_LABELS,
};

const ACTION_LABELS: ReadonlyMap<string, string> = new Map(Object.entries(AUDIT_ACTION_LABELS));

/**
 * The words for an audited action as stored. The trail is kept for ever, so a row may name an action
 * no longer in the list: it is shown as it was stored.
 */
export function auditActionLabel(action: string): string {
  return ACTION_LABELS.get(action) ?? action;
}

/** Every audited action (audit_events.action), in the order the viewer lists them. */
export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as AuditAction[];

/** What an audited event is about (audit_events.subject_type). */
export const AUDIT_SUBJECT_TYPES = [
  'user',
  'school',
  'trust',
  'audit',
  'pupil',
  'pupil_list',
  'pupil_import',
  'level_definition',
  'level_share_batch',
  'concern',
  'plan',
  'meeting',
  'intervention',
  'questionnaire',
  'measure',
  'service',
  'referral',
  'contact',
  'checkin',
  'family_message',
  ...IMPROVEMENT_SUBJECT_TYPES,
  ...REPORT_SUBJECT_TYPES,
  ...ATTENDANCE_SUBJECT_TYPES,
  ...PROVISION_SUBJECT_TYPES,
  ...RETENTION_SUBJECT_TYPES,
  ...SUBJECT_ACCESS_SUBJECT_TYPES,
  ...EARLY_SUBJECT_TYPES,
  ...RESOURCE_SUBJECT_TYPES,
  ...STAFF_SURVEY_SUBJECT_TYPES,
  ...TRAINING_SUBJECT_TYPES,
  ...POLICY_SUBJECT_TYPES,
  ...TRANSFER_SUBJECT_TYPES,
  ...DOCUMENT_SUBJECT_TYPES,
] as const;
export type AuditSubjectType = (typeof AUDIT_SUBJECT_TYPES)[number];
export const AUDIT_SUBJECT_TYPE_LABELS: Record<AuditSubjectType, string> = {
  user: 'Person',
  school: 'School',
  trust: 'Trust',
  audit: 'Audit trail',
  pupil: 'Pupil',
  pupil_list: 'Pupil list',
  pupil_import: 'MIS import',
  level_definition: 'Level wording',
  level_share_batch: 'Termly sharing of levels',
  concern: 'Concern',
  plan: 'Plan',
  meeting: 'Meeting',
  intervention: 'Intervention',
  questionnaire: 'Questionnaire',
  measure: 'Questionnaire (measure)',
  service: 'Directory entry',
  referral: 'Referral',
  contact: 'Parent or carer',
  checkin: 'Check-in',
  family_message: 'Message from home',
  ...IMPROVEMENT_SUBJECT_LABELS,
  ...REPORT_SUBJECT_LABELS,
  ...ATTENDANCE_SUBJECT_LABELS,
  ...PROVISION_SUBJECT_LABELS,
  ...RETENTION_SUBJECT_LABELS,
  ...SUBJECT_ACCESS_SUBJECT_LABELS,
  ...EARLY_SUBJECT_LABELS,
  ...RESOURCE_SUBJECT_LABELS,
  ...STAFF_SURVEY_SUBJECT_LABELS,
  ...TRAINING_SUBJECT_LABELS,
  ...POLICY_SUBJECT_LABELS,
  ...TRANSFER_SUBJECT_LABELS,
  ...DOCUMENT_SUBJECT_LABELS,
};
