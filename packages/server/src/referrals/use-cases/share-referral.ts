import { AppError, type ReferralDetail, type ShareReferralBody } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { tellFamily } from '../../platform/family-news';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { requireReferralAccess } from '../referrals.access';
import { loadReferral, updateReferral } from '../referrals.queries';
import { getReferral } from './get-referral';

/**
 * Share a referral with the child's parents: from now on they see in the portal where it stands,
 * the wait so far, and support while they wait. Who may progress the referral may share it. Never a
 * restricted referral (made without asking parents, because asking could put the child at risk),
 * and never a draft. Sharing twice changes nothing. Answers the referral in full, as it now is.
 */
export async function shareReferral(
  deps: AppDeps,
  at: SchoolRequest,
  referralId: string,
  body: ShareReferralBody,
): Promise<ReferralDetail> {
  await inSchool(deps, at, 'pupil.readList', async (s) => {
    const { tx, schoolId, actor, now } = s;
    const r = await loadReferral(tx, schoolId, referralId, true);
    await requireReferralAccess(tx, actor, schoolId, r);
    if (r.restricted) {
      throw new AppError('conflict', 'restricted referral cannot be shared', {
        userMessage:
          'This referral cannot be shared with parents. It was made without asking them, to keep the child safe, so Tandem never tells them about it.',
      });
    }
    if (r.status === 'draft') {
      throw new AppError('conflict', 'draft referral cannot be shared', {
        userMessage: 'Send the referral before you share it with parents.',
      });
    }
    if (r.sharedWithParentsAt !== null) return;
    if (r.version !== body.version) {
      throw new AppError('conflict', 'stale referral', {
        userMessage: 'Someone changed this referral while you were looking at it. Load it again to see the change.',
      });
    }
    await updateReferral(tx, referralId, {
      sharedWithParentsAt: now,
      sharedWithParentsBy: actor.userId,
      version: r.version + 1,
      updatedAt: now,
    });
    await s.audit({ action: 'referral.shared_with_parents', detail: {} }, { type: 'referral', id: referralId });
    await tellFamily(tx, { schoolId, pupilId: r.pupilId, now });
  });
  return getReferral(deps, at, referralId);
}
