/**
 * The enumerated values of concerns, their files and alerts. Each is one array from which its type,
 * its zod schema and its labels derive. This module imports nothing, so the tables and the zod
 * schemas can both import it without a cycle.
 */

/** What a concern is about; a restricted concern is always a safeguarding one. */
export const CONCERN_CATEGORIES = ['mental_health', 'safeguarding'] as const;
export type ConcernCategory = (typeof CONCERN_CATEGORIES)[number];
export const CONCERN_CATEGORY_LABELS: Record<ConcernCategory, string> = {
  mental_health: 'Mental health',
  safeguarding: 'Safeguarding',
};

/** Whose queue a concern is in (decided by `routeConcern`). */
export const CONCERN_ROUTES = ['mental_health_lead', 'dsl'] as const;
export type ConcernRoute = (typeof CONCERN_ROUTES)[number];
export const CONCERN_ROUTE_LABELS: Record<ConcernRoute, string> = {
  mental_health_lead: 'The Mental Health Lead and SENDCO',
  dsl: 'The DSL team',
};

/** 'open' until someone who may triage it acknowledges it. */
export const CONCERN_STATUSES = ['open', 'acknowledged', 'closed'] as const;
export type ConcernStatus = (typeof CONCERN_STATUSES)[number];
export const CONCERN_STATUS_LABELS: Record<ConcernStatus, string> = {
  open: 'New',
  acknowledged: 'Acknowledged',
  closed: 'Closed',
};

/** The triage queues: the Mental Health Lead's and the DSL team's. */
export const CONCERN_QUEUES = ['mental_health', 'dsl'] as const;
export type ConcernQueue = (typeof CONCERN_QUEUES)[number];
export const CONCERN_QUEUE_LABELS: Record<ConcernQueue, string> = {
  mental_health: 'Mental Health Lead queue',
  dsl: 'DSL queue',
};

/** What a queue may be filtered by: a status, or 'active' (anything not closed). */
export const CONCERN_QUEUE_FILTERS = [...CONCERN_STATUSES, 'active'] as const;
export type ConcernQueueFilter = (typeof CONCERN_QUEUE_FILTERS)[number];
export const CONCERN_QUEUE_FILTER_LABELS: Record<ConcernQueueFilter, string> = {
  active: 'Still open',
  open: 'New (not acknowledged)',
  acknowledged: 'Acknowledged',
  closed: 'Closed',
};

export const CONCERN_OUTCOMES = [
  'no_further_action',
  'monitor',
  'level_changed',
  'plan',
  'intervention',
  'referral',
  'passed_to_dsl',
  'other',
] as const;
export type ConcernOutcome = (typeof CONCERN_OUTCOMES)[number];
export const CONCERN_OUTCOME_LABELS: Record<ConcernOutcome, string> = {
  no_further_action: 'No further action',
  monitor: 'Monitor',
  level_changed: 'Level changed',
  plan: 'Care plan or support plan',
  intervention: 'In-school intervention',
  referral: 'Referral to an outside service',
  passed_to_dsl: 'Passed to the DSL',
  other: 'Other',
};

/**
 * What becomes of an action still open when its concern is closed: done now; carried to the pupil's
 * case (it stays open, with its owner and due date, on the owner's work list and in the pupil's
 * chronology, and can still be marked done); or dropped, with the reason recorded.
 */
export const CONCERN_ACTION_FATES = ['done', 'carried', 'dropped'] as const;
export type ConcernActionFate = (typeof CONCERN_ACTION_FATES)[number];
export const CONCERN_ACTION_FATE_LABELS: Record<ConcernActionFate, string> = {
  done: 'It has been done',
  carried: "Carry it to the pupil's case (it stays open with its owner and due date)",
  dropped: 'Drop it, with a reason',
};

/** Whether the pupil agreed to what they disclosed being passed on. */
export const DISCLOSURE_CONSENT = ['given', 'refused', 'not_sought'] as const;
export type DisclosureConsent = (typeof DISCLOSURE_CONSENT)[number];
export const DISCLOSURE_CONSENT_LABELS: Record<DisclosureConsent, string> = {
  given: 'Yes, the pupil agreed',
  refused: 'No, the pupil did not agree',
  not_sought: 'Consent was not asked for',
};

/**
 * Where telling parents stands: never for a possible child-protection matter or the restricted
 * record; otherwise to be told, or the pupil tells them first by a deadline, then told.
 */
export const PARENTS_STATUSES = ['not_to_be_told', 'to_be_told', 'pupil_telling', 'told'] as const;
export type ParentsStatus = (typeof PARENTS_STATUSES)[number];
export const PARENTS_STATUS_LABELS: Record<ParentsStatus, string> = {
  not_to_be_told: 'Not to be told by school: possible child protection',
  to_be_told: 'To be told',
  pupil_telling: 'The pupil is telling them first',
  told: 'Told',
};

export const PARENTS_TOLD_HOW = ['in_person', 'phone', 'letter', 'email', 'meeting'] as const;
export type ParentsToldHow = (typeof PARENTS_TOLD_HOW)[number];
export const PARENTS_TOLD_HOW_LABELS: Record<ParentsToldHow, string> = {
  in_person: 'In person',
  phone: 'By phone',
  letter: 'By letter',
  email: 'By email',
  meeting: 'At a meeting',
};
/** How parents were told, as it reads mid-sentence: "Parents told by e-mail about concern C-2026-0042". */
export const PARENTS_TOLD_HOW_PHRASES: Record<ParentsToldHow, string> = {
  in_person: 'in person',
  phone: 'by phone',
  letter: 'by letter',
  email: 'by e-mail',
  meeting: 'at a meeting',
};

/** What a correction of a concern changed (concern_corrections.field). */
export const CONCERN_CORRECTION_FIELDS = ['category', 'occurredAt', 'pupils', 'restricted'] as const;
export type ConcernCorrectionField = (typeof CONCERN_CORRECTION_FIELDS)[number];
export const CONCERN_CORRECTION_FIELD_LABELS: Record<ConcernCorrectionField, string> = {
  category: 'Category',
  occurredAt: 'When it happened',
  pupils: 'Pupils',
  restricted: 'Safeguarding record',
};
/** The field corrected, as it reads mid-sentence: "Concern C-2026-0042 corrected: date and time". */
export const CONCERN_CORRECTION_FIELD_PHRASES: Record<ConcernCorrectionField, string> = {
  category: 'category',
  occurredAt: 'date and time',
  pupils: 'pupils it is about',
  restricted: 'safeguarding record',
};

/** Content types a browser may send a file as; the real type is decided from the file itself. */
export const CONCERN_FILE_UPLOAD_TYPES = [
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/heic',
  'image/heif',
  'application/pdf',
  'application/octet-stream',
] as const;

/** The types Tandem stores, decided from the file's first bytes. */
export const CONCERN_FILE_TYPES = [
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/heic',
  'image/heif',
  'application/pdf',
] as const;
export type ConcernFileType = (typeof CONCERN_FILE_TYPES)[number];

/** What an alert is about. Its message never names a pupil or carries case text. */
export const ALERT_KINDS = [
  'concern_logged',
  'urgent_concern_logged',
  'concern_escalated_to_dsl',
  'urgent_unacknowledged',
  'pupil_tells_deadline_passed',
  'plan_reviews_overdue',
  'emergency_referral_started',
  'pupil_wants_to_talk',
  'talk_unacknowledged',
  'action_overdue',
  'policy_review_overdue',
  'termly_report_ready',
  'missing_pupil_absent',
  'timetable_review_due',
  'timetable_end_due',
  'timetable_overdue',
  'visit_missed',
  'transfer_overdue',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** The alerts about an urgent concern: they carry the urgent mark and interrupt whoever is signed in. */
export const ALERT_URGENT_KINDS: ReadonlySet<AlertKind> = new Set<AlertKind>([
  'urgent_concern_logged',
  'urgent_unacknowledged',
  'missing_pupil_absent',
]);

/** Largest file that may be attached to a concern. */
export const MAX_CONCERN_FILE_BYTES = 5 * 1024 * 1024;
/** Most files one concern may carry. */
export const MAX_FILES_PER_CONCERN = 10;

/** DSL duty days: 1 = Monday .. 5 = Friday. */
export const WEEKDAY_LABELS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'] as const;
