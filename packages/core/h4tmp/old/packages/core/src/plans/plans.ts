/**
 * Plans (module 3): Individual Care Plans, crisis plans, risk assessments and Signs of Safety
 * records. Which sections each kind has, which of them staff and parents may see, and the rules a
 * plan keeps (assess, plan, do, review), decided here once and used by the server and the web app.
 *
 * Seeds: 002 "Individual Care Plans" and Appendix 3 (Signs of Safety); 000 (crisis plan, risk
 * assessment, key person, reasonable adjustments); 004 (assess, plan, do, review).
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
};

/** The sections of each kind, in the order they are written and printed. */
export const KIND_SECTIONS: Record<PlanKind, readonly PlanSection[]> = {
  care: ['condition', 'requirements', 'medication', 'emergency', 'schoolProvides', 'homeDoes'],
  crisis: ['background', 'warningSigns', 'emergency', 'staffMust', 'schoolProvides', 'homeDoes'],
  risk: ['risks', 'triggers', 'warningSigns', 'staffMust', 'homeDoes'],
  signs_of_safety: ['worries', 'workingWell', 'needsToHappen'],
};

/** Sections that must be written before a plan can be saved. */
export const REQUIRED_SECTIONS: Record<PlanKind, readonly PlanSection[]> = {
  care: ['condition', 'emergency', 'schoolProvides'],
  crisis: ['background', 'emergency', 'staffMust'],
  risk: ['risks', 'staffMust'],
  signs_of_safety: ['worries', 'workingWell', 'needsToHappen'],
};

/** Sections a parent may see on the portal when the plan is marked shareable (never the rest). */
export const PARENT_SECTIONS: ReadonlySet<PlanSection> = new Set(['schoolProvides', 'homeDoes', 'emergency']);

/**
 * Sections staff who are given the plan see on the pupil's staff summary: what they must know and
 * do. "What happened" in a crisis plan stays with the case team.
 */
export const STAFF_SECTIONS: ReadonlySet<PlanSection> = new Set([
  'condition',
  'requirements',
  'medication',
  'warningSigns',
  'risks',
  'triggers',
  'emergency',
  'staffMust',
  'schoolProvides',
]);

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
/** Which kinds record reasonable adjustments. */
export const KIND_HAS_ADJUSTMENTS: Record<PlanKind, boolean> = {
  care: true,
  crisis: true,
  risk: true,
  signs_of_safety: false,
};
/** Which kinds list emergency contacts. */
export const KIND_HAS_CONTACTS: Record<PlanKind, boolean> = {
  care: true,
  crisis: true,
  risk: true,
  signs_of_safety: false,
};
/** Which kinds may be given to staff. Signs of Safety is the case team's own working record. */
export const KIND_SHAREABLE_WITH_STAFF: Record<PlanKind, boolean> = {
  care: true,
  crisis: true,
  risk: true,
  signs_of_safety: false,
};
/** Which kinds have parent-facing parts at all. */
export const KIND_SHAREABLE_WITH_PARENTS: Record<PlanKind, boolean> = {
  care: true,
  crisis: true,
  risk: true,
  signs_of_safety: false,
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

/** A crisis plan is always agreed with parents (seed 000). */
export function partiesRequiredFor(kind: PlanKind, chosen: readonly AgreementParty[]): AgreementParty[] {
  const set = new Set(chosen);
  if (kind === 'crisis') set.add('parent');
  return AGREEMENT_PARTIES.filter((p) => set.has(p));
}

/** The parties still to record agreement to this version; empty when the lead may mark it agreed. */
export function missingAgreements(
  needed: readonly AgreementParty[],
  recorded: readonly { party: AgreementParty }[],
): AgreementParty[] {
  const have = new Set(recorded.map((r) => r.party));
  return needed.filter((p) => !have.has(p));
}

export const PLAN_STATUSES = ['awaiting_agreement', 'agreed', 'ended'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  awaiting_agreement: 'Awaiting agreement',
  agreed: 'Agreed',
  ended: 'Ended',
};

export function planStatus(p: { version: number; agreedVersion: number | null; endedAt: unknown }): PlanStatus {
  if (p.endedAt) return 'ended';
  return p.agreedVersion === p.version ? 'agreed' : 'awaiting_agreement';
}

/** The 0..10 Signs of Safety scale: 0 = certain the child will be harmed, 10 = safe enough to close. */
export const SAFETY_SCALE_MIN = 0;
export const SAFETY_SCALE_MAX = 10;
export const SAFETY_SCALE_QUESTION =
  'On a scale of 0 to 10, where 10 means everyone knows the child is safe enough to close the case and 0 means harm is certain, where are we today?';

/** A review is overdue when its due date is before today (in school, in England). */
export function isReviewOverdue(reviewDue: string, today: string): boolean {
  return reviewDue < today;
}

/** Today's date in England, as YYYY-MM-DD. */
export function londonToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export interface PlanContentShape {
  sections: Partial<Record<PlanSection, string>>;
  adjustments: Partial<Record<Adjustment, string>>;
  contacts: { name: string; relationship: string; phone: string }[];
  safetyScale: number | null;
}

/**
 * What a parent may see of a plan: only an agreed version, only when the lead marked it shareable,
 * only the parent-facing sections and the emergency contacts. Never anything else, so a
 * safeguarding matter written elsewhere in the plan cannot reach the portal.
 */
export function parentFacingPlan(plan: {
  kind: PlanKind;
  parentShareable: boolean;
  endedAt: unknown;
  agreedContent: PlanContentShape | null;
}): { sections: { key: PlanSection; label: string; text: string }[]; contacts: PlanContentShape['contacts'] } | null {
  if (!plan.parentShareable || plan.endedAt || !plan.agreedContent) return null;
  if (!KIND_SHAREABLE_WITH_PARENTS[plan.kind]) return null;
  const sections = KIND_SECTIONS[plan.kind]
    .filter((k) => PARENT_SECTIONS.has(k))
    .map((k) => ({ key: k, label: SECTION_INFO[k].label, text: plan.agreedContent?.sections[k] ?? '' }))
    .filter((s) => s.text.trim() !== '');
  return { sections, contacts: plan.agreedContent.contacts };
}

/** What staff given the plan see: the staff sections, the adjustments and the contacts. */
export function staffFacingContent(kind: PlanKind, content: PlanContentShape): PlanContentShape {
  const sections: Partial<Record<PlanSection, string>> = {};
  for (const k of KIND_SECTIONS[kind]) {
    const text = content.sections[k];
    if (STAFF_SECTIONS.has(k) && text) sections[k] = text;
  }
  return { sections, adjustments: content.adjustments, contacts: content.contacts, safetyScale: null };
}

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

/** Seed 002: every parent meeting ends with agreed next steps. */
export function meetingNeedsNextStep(kind: MeetingKind): boolean {
  return kind === 'parent';
}
