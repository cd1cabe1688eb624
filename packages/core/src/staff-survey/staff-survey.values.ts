/**
 * The anonymous staff wellbeing survey's enumerations, words and built-in statements, and the one
 * rule that puts a member of staff in a group (decided from their roles when the survey opens).
 */
import type { Role } from '../auth/roles';

export const SURVEY_STATUSES = ['draft', 'open', 'closed'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

export const SURVEY_STATUS_LABELS: Record<SurveyStatus, string> = {
  draft: 'Draft',
  open: 'Open',
  closed: 'Closed',
};

/** The groups results are shown for (each only with at least five respondents). */
export const STAFF_GROUPS = ['leadership', 'teaching', 'support'] as const;
export type StaffGroup = (typeof STAFF_GROUPS)[number];

export const STAFF_GROUP_LABELS: Record<StaffGroup, string> = {
  leadership: 'Leadership',
  teaching: 'Teaching staff',
  support: 'Support staff',
};

/** Who counts as leadership for the survey. */
const LEADERSHIP_ROLES: readonly Role[] = [
  'headteacher',
  'smhl',
  'dsl',
  'deputy_dsl',
  'sendco',
  'early_help_lead',
  'pastoral_lead',
];

/**
 * A member of staff's group, from the staff roles they hold in the school: any leadership role
 * makes them leadership; otherwise a teacher is teaching staff; anyone else (school administrator,
 * intervention staff, support staff, first aider) is support staff. Null for someone with no staff
 * role (a parent, a pupil, a trust role).
 */
export function staffGroupOf(roles: readonly Role[]): StaffGroup | null {
  if (roles.some((r) => LEADERSHIP_ROLES.includes(r))) return 'leadership';
  if (roles.includes('teacher')) return 'teaching';
  const support: readonly Role[] = ['school_admin', 'intervention_staff', 'support_staff', 'first_aider'];
  if (roles.some((r) => support.includes(r))) return 'support';
  return null;
}

/** The five-point agreement scale, 1 (strongly disagree) to 5 (strongly agree). */
export const AGREEMENT_SCALE = [1, 2, 3, 4, 5] as const;
export type Agreement = (typeof AGREEMENT_SCALE)[number];

export const AGREEMENT_LABELS: Record<Agreement, string> = {
  1: 'Strongly disagree',
  2: 'Disagree',
  3: 'Neither agree nor disagree',
  4: 'Agree',
  5: 'Strongly agree',
};

/** An answer of this or more counts as agreeing. */
export const AGREES_FROM: Agreement = 4;

export interface SurveyStatement {
  /** Stable across surveys, so a statement can be compared with the previous survey. */
  key: string;
  text: string;
}

/** The built-in statements: workload, support, being listened to, and wellbeing. */
export const BUILT_IN_STATEMENTS: readonly SurveyStatement[] = [
  { key: 'workload.manageable', text: 'My workload is manageable.' },
  { key: 'workload.time', text: 'I have enough time to do my job well.' },
  { key: 'workload.balance', text: 'I can keep a reasonable balance between work and home.' },
  { key: 'support.manager', text: 'I feel supported by my line manager.' },
  { key: 'support.colleagues', text: 'I can rely on my colleagues when things are difficult.' },
  { key: 'support.help', text: 'I know where to get help if I am struggling.' },
  { key: 'voice.listened', text: 'I feel listened to by the school’s leaders.' },
  { key: 'voice.decisions', text: 'I am involved in decisions that affect my work.' },
  { key: 'wellbeing.valued', text: 'I feel valued for the work I do.' },
  { key: 'wellbeing.cared', text: 'The school cares about my wellbeing.' },
];

/** The one optional free-text question. */
export const FREE_TEXT_QUESTION = 'Is there anything else you would like to tell us?';

/** What is and is not kept, shown at the top of the survey. */
export const SURVEY_REASSURANCE = [
  'Your answers are not stored with your name or any link to you.',
  'We keep your answers, your staff group (leadership, teaching or support) and the day you answered. We do not keep the time.',
  'Separately, we record that you have answered, so that you are not reminded again.',
  'Results are only shown once the survey has closed, and only for groups of at least 5 people.',
  'What you write in the last box is only read for groups of at least 5 people, never with your name or the day.',
] as const;
