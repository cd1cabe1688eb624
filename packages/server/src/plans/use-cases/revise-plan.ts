import { londonToday, partiesRequiredFor, type RevisePlanBody } from '@tandem/core';
import { requireCaseAccessToPupilOf } from '../../platform/case-access';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { mutation } from '../plans.mapping';
import { bumpVersion, insertVersion, loadPlan } from '../plans.queries';
import { requireContentForKind, requireNotEnded, staleVersion, validation } from '../plans.rules';

/**
 * A change of content: a new version with a reason. Earlier versions stay readable. The plan is not
 * locked while checked: the update only succeeds if it is still at the writer's version (0006).
 */
export async function revisePlan(deps: AppDeps, at: SchoolRequest, planId: string, body: RevisePlanBody) {
  return inSchool(deps, at, 'plan.write', async (s) => {
    const { tx, schoolId, actor, now } = s;
    const plan = await loadPlan(tx, schoolId, planId);
    await requireCaseAccessToPupilOf(tx, actor, schoolId, plan);
    requireNotEnded(plan);
    requireContentForKind(plan.kind, body.content);
    if (body.reviewDue < londonToday(now)) throw validation('reviewDue', 'The review date cannot be in the past');
    const updated = await bumpVersion(tx, planId, body.version, {
      reviewDue: body.reviewDue,
      agreementsNeeded: partiesRequiredFor(plan.kind, body.agreementsNeeded),
      updatedAt: now,
    });
    if (!updated) throw await staleVersion(tx, await loadPlan(tx, schoolId, planId));
    await insertVersion(tx, {
      schoolId,
      planId,
      version: updated.version,
      content: body.content,
      reason: body.reason,
      createdBy: actor.userId,
      createdAt: now,
    });
    await s.audit({ action: 'plan.revised', detail: { version: updated.version } }, { type: 'plan', id: planId });
    return mutation(updated);
  });
}
