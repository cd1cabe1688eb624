import { AppError } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { confirmReading, loadPlan, planAccessFor } from '../plans.queries';
import { requireVisible } from '../plans.rules';

/** A member of staff confirms they have read the current version of a plan they were given. */
export async function confirmRead(deps: AppDeps, at: SchoolRequest, planId: string, version: number) {
  return inSchool(deps, at, 'pupil.readList', async (s) => {
    const { tx, schoolId, actor, now } = s;
    const plan = await loadPlan(tx, schoolId, planId);
    requireVisible(await planAccessFor(tx, actor, plan));
    if (version !== plan.version) {
      throw new AppError('conflict', 'stale read confirmation', {
        userMessage: `This plan has been updated to version ${plan.version}. Please read the new version, then confirm.`,
      });
    }
    const confirmed = await confirmReading(tx, { schoolId, planId, version, userId: actor.userId, confirmedAt: now });
    // Confirming twice is harmless, and only the first is worth an entry in the trail.
    if (confirmed) await s.audit({ action: 'plan.read_confirmed', detail: { version } }, { type: 'plan', id: planId });
    return { ok: true as const };
  });
}
