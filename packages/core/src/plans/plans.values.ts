/**
 * The enumerated values of plans and meetings, with their labels. Each is one array from which its
 * type, its zod schema and its labels derive. This module imports nothing, so the tables and the
 * zod schemas can both import it without a cycle; the rules that use them are in plans.ts.
 */

export const PLAN_KINDS = ['care', 'crisis', 'risk', 'signs_of_safety'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

export const PLAN_KIND_LABELS: Record<PlanKind, string> = {
  care: 'Individual Care Plan',
  crisis: 'Crisis plan',
  risk: 'Risk assessment',
  signs_of_safety: 'Signs of Safety',
};

/** Written sections a plan can hold. Each kind uses some of them, in its own order. */
export const PLAN_SECTIONS = [
  'background',
  'condition',
  'requirements',
  'medication',
  'warningSigns',
  'risks',
  'triggers',
  'emergency',
  'staffMust',
  'schoolProvides',
  'homeDoes',
  'worries',
  'workingWell',
  'needsToHappen',
  'forPupil',
] as const;
export type PlanSection = (typeof PLAN_SECTIONS)[number];

export interface SectionInfo {
  label: string;
  /** A line under the label saying what to write. */
  hint: string;
}

export const SECTION_INFO: Record<PlanSection, SectionInfo> = {
  background: {
    label: 'What happened',
    hint: 'For example a hospital attendance or an overdose: when, and what is known. Keep to facts.',
  },
  condition: { label: "The pupil's condition", hint: 'What the pupil and family have told school, in plain words.' },
  requirements: {
    label: 'Special requirements and precautions',
    hint: 'What staff need to allow for or avoid, in lessons, on trips and at breaks.',
  },
  medication: {
    label: 'Medication and its side effects',
    hint: 'Name, dose and time if taken in school; side effects staff may notice.',
  },
  warningSigns: {
    label: 'Warning signs',
    hint: 'What staff may notice when things are getting worse.',
  },
  risks: { label: 'Risks', hint: 'What could harm the pupil or others, and how likely it is.' },
  triggers: { label: 'Triggers', hint: 'What is known to make things worse.' },
  emergency: {
    label: 'What to do in an emergency',
    hint: 'Steps in order, and whom to call. Add the contacts below.',
  },
  staffMust: { label: 'What staff must do', hint: 'Clear instructions every member of staff can follow.' },
  schoolProvides: { label: 'What school provides', hint: 'The support school gives, who gives it, and when.' },
  homeDoes: { label: 'What home does', hint: 'What parents or carers have agreed to do at home.' },
  worries: {
    label: 'What are we worried about?',
    hint: 'Past harm, future danger, and what makes things harder.',
  },
  workingWell: { label: "What's working well?", hint: 'Strengths, people and safety already in place.' },
  needsToHappen: {
    label: 'What needs to happen?',
    hint: 'Next steps, and what safety would look like.',
  },
  forPupil: {
    label: 'My plan (for the pupil to read)',
    hint: 'Written to the pupil, in words they will understand: what school will do, who to go to, what helps.',
  },
};

/** Reasonable adjustments (seed 000). */
export const ADJUSTMENTS = ['timetable', 'keyPerson', 'meetAndGreet', 'safeSpace', 'exitCard'] as const;
export type Adjustment = (typeof ADJUSTMENTS)[number];
export const ADJUSTMENT_LABELS: Record<Adjustment, string> = {
  timetable: 'Timetable changes',
  keyPerson: 'Key person',
  meetAndGreet: 'Meet and greet',
  safeSpace: 'Safe space',
  exitCard: 'Exit card',
};

/** Who may need to agree a plan. */
export const AGREEMENT_PARTIES = ['pupil', 'parent', 'professional'] as const;
export type AgreementParty = (typeof AGREEMENT_PARTIES)[number];
export const AGREEMENT_PARTY_LABELS: Record<AgreementParty, string> = {
  pupil: 'The pupil',
  parent: 'A parent or carer',
  professional: 'A health professional',
};

export const AGREEMENT_HOW = ['in_person', 'meeting', 'phone', 'email', 'letter'] as const;
export type AgreementHow = (typeof AGREEMENT_HOW)[number];
export const AGREEMENT_HOW_LABELS: Record<AgreementHow, string> = {
  in_person: 'In person',
  meeting: 'At a meeting',
  phone: 'By phone',
  email: 'By e-mail',
  letter: 'By signed letter',
};

export const PLAN_STATUSES = ['awaiting_agreement', 'agreed', 'ended'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  awaiting_agreement: 'Awaiting agreement',
  agreed: 'Agreed',
  ended: 'Ended',
};

export const MEETING_KINDS = ['mh_review', 'parent'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  mh_review: 'Mental health review meeting',
  parent: 'Parent meeting',
};

export const ATTENDEE_KINDS = ['staff', 'parent', 'pupil', 'professional'] as const;
export type AttendeeKind = (typeof ATTENDEE_KINDS)[number];
export const ATTENDEE_KIND_LABELS: Record<AttendeeKind, string> = {
  staff: 'Staff',
  parent: 'Parent or carer',
  pupil: 'Pupil',
  professional: 'Professional',
};

/** Whether a meeting has been held yet (answered, not stored: a held meeting has completed_at). */
export const MEETING_STATUSES = ['planned', 'completed'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  planned: 'Planned',
  completed: 'Held',
};

/** Why a member of staff was given a plan: named on it, or teaching the pupil. */
export const PLAN_READER_REASONS = ['named', 'teaches'] as const;
export type PlanReaderReason = (typeof PLAN_READER_REASONS)[number];
export const PLAN_READER_REASON_LABELS: Record<PlanReaderReason, string> = {
  named: 'Named on the plan',
  teaches: 'Teaches the pupil',
};

/** Why a member of staff was given a plan, naming the pupil: "Teaches Ava Begum" (the readers list). */
export const PLAN_READER_REASON_PHRASES: Record<PlanReaderReason, (pupilName: string) => string> = {
  named: () => PLAN_READER_REASON_LABELS.named,
  teaches: (pupilName) => `Teaches ${pupilName}`,
};
