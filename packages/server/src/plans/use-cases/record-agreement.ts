import { londonToday, type RecordAgreementBody } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { insertAgreement, lockPlan } from '../plans.queries';
import { requireCurrent, requireNotEnded, validation } from '../plans.rules';

/** One party's agreement to the current version (how they agreed, and when). */
export async function recordAgreement(deps: AppDeps, at: SchoolRequest, planId: string, body: RecordAgreementBody) {
  return inSchool(deps, at, 'plan.write', async (s) => {
    const { tx, schoolId, actor, now } = s;
    const plan = await lockPlan(tx, schoolId, planId);
    requireNotEnded(plan);
    await requireCurrent(tx, plan, body.version);
    if (body.agreedOn > londonToday(now)) throw validation('agreedOn', 'The date they agreed cannot be in the future');
    const id = await insertAgreement(tx, {
      schoolId,
      planId,
      version: plan.version,
      party: body.party,
      name: body.name,
      relationship: body.relationship,
      how: body.how,
      agreedOn: body.agreedOn,
      note: body.note,
      recordedBy: actor.userId,
      recordedAt: now,
    });
    await s.audit(
      { action: 'plan.agreement_recorded', detail: { version: plan.version, party: body.party, agreementId: id } },
      { type: 'plan', id: planId },
    );
    return { id };
  });
}
