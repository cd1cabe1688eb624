import { londonToday, type RecordAgreementBody } from '@tandem/core';
import { requireCaseAccessToPupilOf } from '../../platform/case-access';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { findSameAgreement, insertAgreement, lockPlan } from '../plans.queries';
import { requireCurrent, requireNotEnded, validation } from '../plans.rules';

/**
 * One party's agreement to the current version (how they agreed, and when). The same agreement
 * sent again (a double click, a retry) answers the first, unchanged, and audits nothing.
 */
export async function recordAgreement(deps: AppDeps, at: SchoolRequest, planId: string, body: RecordAgreementBody) {
  return inSchool(deps, at, 'plan.write', async (s) => {
    const { tx, schoolId, actor, now } = s;
    const plan = await lockPlan(tx, schoolId, planId);
    await requireCaseAccessToPupilOf(tx, actor, schoolId, plan);
    requireNotEnded(plan);
    await requireCurrent(tx, plan, body.version);
    if (body.agreedOn > londonToday(now)) throw validation('agreedOn', 'The date they agreed cannot be in the future');
    const same = await findSameAgreement(tx, { ...body, planId, version: plan.version, recordedBy: actor.userId });
    if (same) return { id: same };
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
