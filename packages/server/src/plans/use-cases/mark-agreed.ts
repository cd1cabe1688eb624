import { AGREEMENT_PARTY_LABELS, AppError, missingAgreements } from '@tandem/core';
import { requireCaseAccessToPupilOf } from '../../platform/case-access';
import type { AppDeps } from '../../platform/deps';
import { tellFamily } from '../../platform/family-news';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { mutation } from '../plans.mapping';
import { lockPlan, markVersionAgreed, partiesAgreed, setPlan } from '../plans.queries';
import { requireCurrent, requireLeadOrSmhl, requireNotEnded } from '../plans.rules';

/**
 * The lead says every needed agreement is in. Refused while a needed party has not agreed to this
 * version. Only the plan's lead or a Senior Mental Health Lead may say so.
 */
export async function markAgreed(deps: AppDeps, at: SchoolRequest, planId: string, version: number) {
  return inSchool(deps, at, 'plan.write', async (s) => {
    const { tx, schoolId, actor, now } = s;
    const plan = await lockPlan(tx, schoolId, planId);
    // Outside the reader's caseload the plan is not there at all (404), before any role question.
    await requireCaseAccessToPupilOf(tx, actor, schoolId, plan);
    requireLeadOrSmhl(actor, schoolId, plan);
    requireNotEnded(plan);
    await requireCurrent(tx, plan, version);
    if (plan.agreedVersion === plan.version) return mutation(plan);
    const missing = missingAgreements(plan.agreementsNeeded, await partiesAgreed(tx, planId, plan.version));
    if (missing.length > 0) {
      const who = missing.map((p) => AGREEMENT_PARTY_LABELS[p].toLowerCase()).join(', ');
      throw new AppError('validation', 'agreements missing', {
        userMessage: `This version cannot be marked agreed yet. Still to record agreement: ${who}.`,
        fields: [{ path: 'agreements', message: `Still to record agreement: ${who}` }],
      });
    }
    await markVersionAgreed(tx, planId, plan.version, { userId: actor.userId, at: now });
    // The plan row is locked and its version checked above, so this is the version agreed.
    await setPlan(tx, planId, { agreedVersion: plan.version, updatedAt: now });
    await s.audit({ action: 'plan.agreed', detail: { version: plan.version } }, { type: 'plan', id: planId });
    // A newly agreed version is new to parents when they see the plan (and new to the pupil's "my plan").
    if (plan.parentShareable) await tellFamily(tx, { schoolId, pupilId: plan.pupilId, now });
    return mutation({ ...plan, agreedVersion: plan.version });
  });
}
