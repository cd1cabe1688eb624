/**
 * Who may open a referral: case roles who may open the pupil's case; a restricted one (social care
 * without asking parents) only the DSL team. Anyone else, teachers, support and intervention staff
 * included, gets 404, as if it were not there.
 */
import { AppError, canInSchool, type Actor } from '@tandem/core';
import { mayOpenCase } from '../platform/case-access';
import type { DbOrTx } from '../db/client';
import type { ReferralRow } from './referrals.queries';

export function seesRestricted(actor: Actor, schoolId: string): boolean {
  return canInSchool(actor, 'safeguarding.read', schoolId);
}

export async function requireReferralAccess(
  db: DbOrTx,
  actor: Actor,
  schoolId: string,
  r: Pick<ReferralRow, 'restricted' | 'pupilId'>,
): Promise<void> {
  if (r.restricted) {
    if (!seesRestricted(actor, schoolId)) throw new AppError('not_found', 'restricted referral');
    return;
  }
  if (!canInSchool(actor, 'referral.write', schoolId) || !(await mayOpenCase(db, actor, schoolId, r.pupilId))) {
    throw new AppError('not_found', 'referral not open to reader');
  }
}
