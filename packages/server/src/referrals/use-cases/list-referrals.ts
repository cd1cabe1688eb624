import { AppError, canInSchool } from '@tandem/core';
import { referralWaitDaysOf } from '../../platform/directory';
import { requireCaseAccess } from '../../platform/case-access';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { seesRestricted } from '../referrals.access';
import { listSummary } from '../referrals.mapping';
import { listReferrals } from '../referrals.queries';

/** A pupil's referrals (case roles who may open the pupil's case; restricted ones for the DSL team). Audited. */
export async function pupilReferrals(deps: AppDeps, at: SchoolRequest, pupilId: string) {
  return inSchool(deps, at, 'pupil.readList', async (s) => {
    // Anyone outside the case roles has no referrals to see: as if there were none (404).
    if (!canInSchool(s.actor, 'referral.write', s.schoolId)) {
      throw new AppError('not_found', 'referrals not open to reader');
    }
    await requireCaseAccess(s.tx, s.actor, s.schoolId, pupilId);
    const rows = await listReferrals(s.tx, s.schoolId, { pupilId, seeRestricted: seesRestricted(s.actor, s.schoolId) });
    const standard = await referralWaitDaysOf(s.tx, s.schoolId);
    await s.audit(
      { action: 'referral.listed', detail: { pupilId, count: rows.length } },
      { type: 'pupil', id: pupilId },
    );
    return {
      referrals: rows.map((r) => listSummary(r, s.now, standard)),
      canStart: canInSchool(s.actor, 'referral.write', s.schoolId),
      standardDays: standard,
    };
  });
}
