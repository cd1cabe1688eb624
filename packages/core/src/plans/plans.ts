/**
 * Plans (module 3): Individual Care Plans, crisis plans, risk assessments and Signs of Safety
 * records. Which sections each kind has, which of them staff and parents may see, and the rules a
 * plan keeps (assess, plan, do, review), decided here once and used by the server and the web app.
 *
 * Seeds: 002 "Individual Care Plans" and Appendix 3 (Signs of Safety); 000 (crisis plan, risk
 * assessment, key person, reasonable adjustments); 004 (assess, plan, do, review).
 */
import {
  AGREEMENT_PARTIES,
  SECTION_INFO,
  type Adjustment,
  type AgreementParty,
  type MeetingKind,
  type PlanKind,
  type PlanSection,
  type PlanStatus,
} from './plans.values';

/** The sections of each kind, in the order they are written and printed. */
export const KIND_SECTIONS: Record<PlanKind, readonly PlanSection[]> = {
  care: ['condition', 'requirements', 'medication', 'emergency', 'schoolProvides', 'homeDoes', 'forPupil'],
  crisis: ['background', 'warningSigns', 'emergency', 'staffMust', 'schoolProvides', 'homeDoes', 'forPupil'],
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

export function planStatus(p: { version: number; agreedVersion: number | null; endedAt: unknown }): PlanStatus {
  if (p.endedAt) return 'ended';
  return p.agreedVersion === p.version ? 'agreed' : 'awaiting_agreement';
}

/** The 0..10 Signs of Safety scale: 0 = certain the child will be harmed, 10 = safe enough to close. */
export const SAFETY_SCALE_MIN = 0;
export const SAFETY_SCALE_MAX = 10;
/** What a person is told when the scale is missing or out of range, wherever it is checked. */
export const SAFETY_SCALE_MESSAGE = 'Choose a number from 0 to 10';
/** What a person is told when a plan or review other than Signs of Safety carries a rating. */
export const SAFETY_SCALE_ONLY_SOS_MESSAGE = 'Only Signs of Safety uses the scale';
export const SAFETY_SCALE_QUESTION =
  'On a scale of 0 to 10, where 10 means everyone knows the child is safe enough to close the case and 0 means harm is certain, where are we today?';

/** A review is overdue when its due date is before today (in school, in England). */
export function isReviewOverdue(reviewDue: string, today: string): boolean {
  return reviewDue < today;
}

const LONDON_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in England, as YYYY-MM-DD (one formatter for the process: making one is not cheap). */
export function londonToday(now: Date): string {
  return LONDON_DAY.format(now);
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

/** Kinds whose agreed version may hold "my plan", written for the pupil to read on their own page. */
export const KIND_HAS_PUPIL_SECTION: Record<PlanKind, boolean> = {
  care: true,
  crisis: true,
  risk: false,
  signs_of_safety: false,
};

/**
 * What a pupil may see of a plan: only the "my plan" section written for them, only from an agreed
 * version, and only while the plan is in force. Nothing else of the plan ever reaches the pupil.
 */
export function pupilFacingPlan(plan: {
  kind: PlanKind;
  endedAt: unknown;
  agreedContent: Pick<PlanContentShape, 'sections'> | null;
}): string | null {
  if (plan.endedAt || !plan.agreedContent || !KIND_HAS_PUPIL_SECTION[plan.kind]) return null;
  if (!KIND_SECTIONS[plan.kind].includes('forPupil')) return null;
  const text = plan.agreedContent.sections.forPupil?.trim() ?? '';
  return text === '' ? null : text;
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

/** Seed 002: every parent meeting ends with agreed next steps. */
export function meetingNeedsNextStep(kind: MeetingKind): boolean {
  return kind === 'parent';
}

/**
 * Owners of a meeting's next step that mean the child's parents or carers, whoever they are
 * ("Parent", "Mum"): such a step is marked as theirs in the parent portal. Compared after
 * `ownerWords` (lower case, spaces and slashes evened out).
 */
export const PARENT_OWNER_WORDS: ReadonlySet<string> = new Set([
  'parent',
  'parents',
  'parent/carer',
  'parents/carers',
  'parent or carer',
  'parents or carers',
  'parent and carer',
  'parents and carers',
  'carer',
  'carers',
  'mum',
  'mom',
  'mother',
  'dad',
  'father',
  'mum and dad',
  'mum/dad',
  'family',
  'home',
]);

/** An owner's name as compared: any case and spacing, without a trailing "(mother)" or "(dad)". */
function ownerWords(name: string): string {
  return name
    .trim()
    .replace(/\s*\([^)]*\)$/, '')
    .toLowerCase()
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s+/g, ' ');
}

/**
 * Whether a meeting's next step is for this parent: owned by their own account, named as them (one
 * of the names the school holds for them, any case), or owned by "Parent", "Mum", "Family" and the like.
 */
export function isParentsStep(
  step: { ownerUserId: string | null; ownerName: string },
  parent: { userId: string; names: readonly string[] },
): boolean {
  if (step.ownerUserId !== null && step.ownerUserId === parent.userId) return true;
  const owner = ownerWords(step.ownerName);
  if (owner === '') return false;
  return PARENT_OWNER_WORDS.has(owner) || parent.names.some((n) => ownerWords(n) === owner);
}
