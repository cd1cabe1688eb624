/**
 * What the plan form holds, kept as the draft: empty for a new plan, filled in from a plan to
 * change it, turned into the plan's content as the server takes it, and the order of its fields
 * for the error summary.
 */
import {
  ADJUSTMENTS,
  AGREEMENT_PARTIES,
  KIND_HAS_ADJUSTMENTS,
  KIND_HAS_CONTACTS,
  KIND_SECTIONS,
  PLAN_KINDS,
  PLAN_SECTIONS,
  type Adjustment,
  type AgreementParty,
  type PlanKind,
  type PlanSection,
} from '@tandem/core';
import { z } from 'zod';
import { addDays, ukIsoDay } from '../components/dates';
import { newKey } from '../components/RepeatableRows';
import type { PlanContentOut, StaffOption } from './plansApi';

export interface ContactRow {
  key: string;
  name: string;
  relationship: string;
  phone: string;
}

/** What the plan form holds; kept as the draft. */
export interface PlanFormValues {
  kind: PlanKind | '';
  sections: Partial<Record<PlanSection, string>>;
  adjustmentsOn: Adjustment[];
  adjustmentText: Partial<Record<Adjustment, string>>;
  contacts: ContactRow[];
  safetyScale: string;
  reviewDue: string;
  agreementsNeeded: AgreementParty[];
  shareWithTeaching: boolean;
  sharedWith: StaffOption[];
  parentShareable: boolean;
  reason: string;
}

const staffOptionSchema = z.object({ userId: z.uuid(), name: z.string(), you: z.boolean().optional() });

/** A kept draft, read leniently: anything unexpected falls back to an empty answer. */
export const planValuesSchema = z.object({
  kind: z.enum(['', ...PLAN_KINDS]).catch(''),
  sections: z.partialRecord(z.enum(PLAN_SECTIONS), z.string()).catch({}),
  adjustmentsOn: z.array(z.enum(ADJUSTMENTS)).catch([]),
  adjustmentText: z.partialRecord(z.enum(ADJUSTMENTS), z.string()).catch({}),
  contacts: z
    .array(z.object({ key: z.string(), name: z.string(), relationship: z.string(), phone: z.string() }))
    .max(10)
    .catch([]),
  safetyScale: z.string().catch(''),
  reviewDue: z.string().catch(''),
  agreementsNeeded: z.array(z.enum(AGREEMENT_PARTIES)).catch([]),
  shareWithTeaching: z.boolean().catch(false),
  sharedWith: z.array(staffOptionSchema).max(50).catch([]),
  parentShareable: z.boolean().catch(false),
  reason: z.string().catch(''),
}) satisfies z.ZodType<PlanFormValues>;

/** A new plan's form: nothing chosen yet, and the review six weeks from today. */
export function emptyPlanValues(): PlanFormValues {
  return {
    kind: '',
    sections: {},
    adjustmentsOn: [],
    adjustmentText: {},
    contacts: [],
    safetyScale: '',
    reviewDue: addDays(ukIsoDay(), 42),
    agreementsNeeded: [],
    shareWithTeaching: false,
    sharedWith: [],
    parentShareable: false,
    reason: '',
  };
}

/** The form filled in from a plan as it is now, for changing it. */
export function valuesFromPlan(plan: {
  kind: PlanKind;
  content: PlanContentOut;
  reviewDue: string;
  agreementsNeeded: readonly AgreementParty[];
}): PlanFormValues {
  const on = ADJUSTMENTS.filter((a) => plan.content.adjustments[a] !== undefined);
  return {
    ...emptyPlanValues(),
    kind: plan.kind,
    sections: { ...plan.content.sections },
    adjustmentsOn: on,
    adjustmentText: { ...plan.content.adjustments },
    contacts: plan.content.contacts.map((c) => ({ key: newKey('contact'), ...c })),
    safetyScale: plan.content.safetyScale === null ? '' : String(plan.content.safetyScale),
    reviewDue: plan.reviewDue,
    agreementsNeeded: [...plan.agreementsNeeded],
  };
}

/** The plan's content as the server takes it: only the kind's own parts. */
export function contentFromValues(v: PlanFormValues, kind: PlanKind) {
  const sections: Partial<Record<PlanSection, string>> = {};
  for (const key of KIND_SECTIONS[kind]) {
    const text = v.sections[key] ?? '';
    if (text.trim() !== '') sections[key] = text;
  }
  const adjustments: Partial<Record<Adjustment, string>> = {};
  if (KIND_HAS_ADJUSTMENTS[kind]) {
    for (const a of v.adjustmentsOn) adjustments[a] = v.adjustmentText[a] ?? '';
  }
  return {
    sections,
    adjustments,
    contacts: KIND_HAS_CONTACTS[kind]
      ? v.contacts.map((c) => ({ name: c.name, relationship: c.relationship, phone: c.phone }))
      : [],
    safetyScale: kind === 'signs_of_safety' && v.safetyScale !== '' ? Number(v.safetyScale) : null,
  };
}

/** Field names in the order they appear, for the error summary. */
export function planFieldOrder(contacts: number): string[] {
  const sections = PLAN_SECTIONS.map((s) => `content.sections.${s}`);
  return [
    'kind',
    ...sections,
    'content.sections',
    ...ADJUSTMENTS.map((a) => `content.adjustments.${a}`),
    'content.adjustments',
    'content.contacts',
    ...Array.from({ length: contacts }, (_, i) => [
      `content.contacts.${String(i)}.name`,
      `content.contacts.${String(i)}.relationship`,
      `content.contacts.${String(i)}.phone`,
    ]).flat(),
    'content.safetyScale',
    'reviewDue',
    'agreementsNeeded',
    'shareWithTeaching',
    'sharedWith',
    'parentShareable',
    'leadUserId',
    'reason',
  ];
}
