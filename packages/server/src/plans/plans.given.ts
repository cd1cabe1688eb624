/** The plans given to a member of staff for a pupil, for the pupil's staff summary. */
import { KIND_SHAREABLE_WITH_STAFF, type SharedPlan } from '@tandem/core';
import type { DbOrTx } from '../db/client';
import type { PlansGivenSource } from '../platform/registries';
import { sharedPlanOf } from './plans.mapping';
import { plansGivenTo } from './plans.queries';

/**
 * The plans a member of staff was given for one pupil, for the pupil's staff summary: current
 * versions, staff sections only, and whether they have confirmed reading each. Case roles read
 * plans in full elsewhere, so this is only for the summary and basic views.
 */
export async function sharedPlansFor(
  db: DbOrTx,
  userId: string,
  schoolId: string,
  pupilId: string,
  teaches: boolean,
): Promise<SharedPlan[]> {
  const rows = await plansGivenTo(db, { userId, schoolId, pupilId, teaches });
  return rows.filter(({ p }) => KIND_SHAREABLE_WITH_STAFF[p.kind]).map(sharedPlanOf);
}

export const plansGivenToStaff: PlansGivenSource = {
  plansGiven: (db, r) => sharedPlansFor(db, r.userId, r.schoolId, r.pupilId, r.teachesPupil),
};
