/**
 * The staff training record's enumerations and their words: the courses a school records, how
 * often each is renewed by default, and the statuses a person's training can be in.
 */
import type { SchoolStaffRole } from '../auth/roles';

export const TRAINING_COURSES = [
  'safeguarding_level_1',
  'dsl_level_3',
  'mental_health_awareness',
  'mental_health_first_aid',
  'elsa',
  'smhl_training',
  'prevent',
  'other',
] as const;
export type TrainingCourse = (typeof TRAINING_COURSES)[number];

/** What each course is called in full (the "other" course carries its own name on the record). */
export const TRAINING_COURSE_LABELS: Record<TrainingCourse, string> = {
  safeguarding_level_1: 'Safeguarding and child protection for all staff, level 1',
  dsl_level_3: 'Designated safeguarding lead, level 3',
  mental_health_awareness: 'Mental health awareness',
  mental_health_first_aid: 'Mental Health First Aid',
  elsa: 'ELSA (emotional literacy support assistant)',
  smhl_training: 'Senior Mental Health Lead training',
  prevent: 'Prevent awareness',
  other: 'Other training',
};

/** The fewest words, for tables, counts and sentences ("DSL level 3: 1 of 2 DSLs overdue"). */
export const TRAINING_COURSE_SHORT_LABELS: Record<TrainingCourse, string> = {
  safeguarding_level_1: 'Safeguarding level 1',
  dsl_level_3: 'DSL level 3',
  mental_health_awareness: 'Mental health awareness',
  mental_health_first_aid: 'Mental Health First Aid',
  elsa: 'ELSA',
  smhl_training: 'Senior Mental Health Lead training',
  prevent: 'Prevent awareness',
  other: 'Other training',
};

/** Shown under the course when recording it. */
export const TRAINING_COURSE_HINTS: Record<TrainingCourse, string> = {
  safeguarding_level_1: 'Every member of staff, renewed every year.',
  dsl_level_3: 'For the DSL and deputy DSLs, renewed every two years.',
  mental_health_awareness: 'For the Senior Mental Health Lead and intervention staff, renewed every three years.',
  mental_health_first_aid: 'For first aiders, renewed every three years.',
  elsa: 'Does not expire, but an ELSA needs regular supervision with an educational psychologist.',
  smhl_training: 'The Department for Education’s Senior Mental Health Lead training. Does not expire.',
  prevent: 'Renewed every two years.',
  other: 'Any other training: give its name.',
};

/** How many months each course lasts before it is renewed by default; null when it does not expire. */
export const TRAINING_DEFAULT_RENEWAL_MONTHS: Record<TrainingCourse, number | null> = {
  safeguarding_level_1: 12,
  dsl_level_3: 24,
  mental_health_awareness: 36,
  mental_health_first_aid: 36,
  elsa: null,
  smhl_training: null,
  prevent: 24,
  other: null,
};

/** The longest renewal period a record may give (ten years). */
export const TRAINING_MAX_RENEWAL_MONTHS = 120;

/** A record the person added themself waits for the lead; one the lead added or confirmed is confirmed. */
export const TRAINING_RECORD_STATUSES = ['confirmed', 'awaiting_confirmation'] as const;
export type TrainingRecordStatus = (typeof TRAINING_RECORD_STATUSES)[number];

export const TRAINING_RECORD_STATUS_LABELS: Record<TrainingRecordStatus, string> = {
  confirmed: 'Confirmed',
  awaiting_confirmation: 'Awaiting confirmation',
};

/** Where one person stands on one course. */
export const TRAINING_STATUSES = ['up_to_date', 'due', 'overdue', 'missing', 'awaiting'] as const;
export type TrainingStatus = (typeof TRAINING_STATUSES)[number];

export const TRAINING_STATUS_LABELS: Record<TrainingStatus, string> = {
  up_to_date: 'Up to date',
  due: 'Due within 60 days',
  overdue: 'Overdue',
  missing: 'Missing',
  awaiting: 'Awaiting confirmation',
};

/** Training is "due" when it runs out within this many days. */
export const TRAINING_DUE_WITHIN_DAYS = 60;

/**
 * Who needs what: the one rule. "staff" is every member of staff; the others are roles. A person
 * needs the courses of every role they hold.
 */
export type TrainingRequirementHolder = 'staff' | SchoolStaffRole;

export const TRAINING_REQUIREMENTS: readonly { holder: TrainingRequirementHolder; course: TrainingCourse }[] = [
  { holder: 'staff', course: 'safeguarding_level_1' },
  { holder: 'dsl', course: 'dsl_level_3' },
  { holder: 'deputy_dsl', course: 'dsl_level_3' },
  { holder: 'smhl', course: 'smhl_training' },
  { holder: 'smhl', course: 'mental_health_awareness' },
  { holder: 'first_aider', course: 'mental_health_first_aid' },
  { holder: 'intervention_staff', course: 'mental_health_awareness' },
];

/** The holders of a requirement in a sentence, singular and plural ("1 of 2 DSLs"). */
export const TRAINING_HOLDER_WORDS: Record<TrainingRequirementHolder, { one: string; many: string }> = {
  staff: { one: 'member of staff', many: 'staff' },
  school_admin: { one: 'school administrator', many: 'school administrators' },
  headteacher: { one: 'headteacher', many: 'headteachers' },
  smhl: { one: 'Senior Mental Health Lead', many: 'Senior Mental Health Leads' },
  dsl: { one: 'DSL', many: 'DSLs' },
  deputy_dsl: { one: 'deputy DSL', many: 'deputy DSLs' },
  sendco: { one: 'SENDCO', many: 'SENDCOs' },
  early_help_lead: { one: 'Early Help lead', many: 'Early Help leads' },
  pastoral_lead: { one: 'pastoral lead', many: 'pastoral leads' },
  intervention_staff: { one: 'member of intervention staff', many: 'intervention staff' },
  teacher: { one: 'teacher', many: 'teachers' },
  support_staff: { one: 'member of support staff', many: 'support staff' },
  first_aider: { one: 'first aider', many: 'first aiders' },
};
