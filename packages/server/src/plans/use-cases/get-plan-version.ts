import { requireCaseAccessToPupilOf } from '../../platform/case-access';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { versionOf } from '../plans.mapping';
import { loadPlan, loadVersion } from '../plans.queries';

/** An earlier (or the current) version's content, for case roles. Audited. */
export async function getPlanVersion(deps: AppDeps, at: SchoolRequest, planId: string, version: number) {
  return inSchool(deps, at, 'pupil.readCase', async (s) => {
    const { tx, schoolId } = s;
    const plan = await loadPlan(tx, schoolId, planId);
    await requireCaseAccessToPupilOf(tx, s.actor, schoolId, plan);
    const v = await loadVersion(tx, planId, version);
    await s.audit({ action: 'plan.version_viewed', detail: { version } }, { type: 'plan', id: planId });
    return versionOf(v);
  });
}
