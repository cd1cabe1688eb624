import { requireCaseAccessToPupilOf } from '../../platform/case-access';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { mutation } from '../plans.mapping';
import { lockPlan, setPlan } from '../plans.queries';
import { requireCurrent, requireNotEnded } from '../plans.rules';

/** The plan is no longer in force: staff stop seeing it, and it can no longer be changed. */
export async function endPlan(
  deps: AppDeps,
  at: SchoolRequest,
  planId: string,
  body: { version: number; reason: string },
) {
  return inSchool(deps, at, 'plan.write', async (s) => {
    const { tx, schoolId, actor, now } = s;
    const plan = await lockPlan(tx, schoolId, planId);
    await requireCaseAccessToPupilOf(tx, actor, schoolId, plan);
    requireNotEnded(plan);
    await requireCurrent(tx, plan, body.version);
    // The plan row is locked, and checked above as current and not ended.
    await setPlan(tx, planId, { endedAt: now, endedBy: actor.userId, endedReason: body.reason, updatedAt: now });
    await s.audit({ action: 'plan.ended', detail: { version: plan.version } }, { type: 'plan', id: planId });
    return mutation({ ...plan, endedAt: now });
  });
}
