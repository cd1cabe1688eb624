/**
 * What the plans' and meetings' records are: the record class of each kind of plan, and what every
 * item of a plan or a meeting shares (its source, class and suggestion). Plans and meetings hold no
 * marker of a staff view given in confidence, so every item is suggested for disclosure.
 */
import { PLAN_KIND_LABELS, type PlanKind, type RecordClass } from '@tandem/core';
import { DISCLOSE_ABOUT_PUPIL } from '../platform/records';
import { lines } from '../platform/records';

/** The name of the plans' record source (matches `PupilRecordItem.source`). */
export const PLAN_RECORDS_SOURCE = 'plans';
const DISCLOSE = DISCLOSE_ABOUT_PUPIL;

/** Which record class each kind of plan is (IRMS: SEN records are kept to date of birth + 31 years). */
export const PLAN_RECORD_CLASSES: Record<PlanKind, RecordClass> = {
  care: 'wellbeing',
  crisis: 'wellbeing',
  risk: 'wellbeing',
  signs_of_safety: 'wellbeing',
};

/** The plan kinds of a record class. */
export const kindsOf = (recordClass: RecordClass) =>
  (Object.keys(PLAN_RECORD_CLASSES) as PlanKind[]).filter((k) => PLAN_RECORD_CLASSES[k] === recordClass);

/** The lines that have something to say, as one body. */
export { lines };

/** The pupil's plans by id: the parts of a plan and the meetings about one take their class from it. */
export type PlansById = ReadonlyMap<string, { kind: PlanKind }>;

/** The plan's kind, as a person reads it. */
export const planLabel = (byId: PlansById, planId: string) => PLAN_KIND_LABELS[byId.get(planId)?.kind ?? 'care'];

/** What every item of a plan, or of a meeting about it (or about no plan), shares. */
export const planTag = (byId: PlansById, planId: string | null) => ({
  source: PLAN_RECORDS_SOURCE,
  restricted: false,
  recordClass: planId && byId.has(planId) ? PLAN_RECORD_CLASSES[byId.get(planId)!.kind] : ('wellbeing' as const),
  suggested: DISCLOSE,
});
