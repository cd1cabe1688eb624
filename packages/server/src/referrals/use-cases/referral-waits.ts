import { londonToday, type ReferralWaits } from '@tandem/core';
import { referralWaitDaysOf } from '../../platform/directory';
import { and, eq, ne } from 'drizzle-orm';
import { referrals } from '@tandem/core/schema';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { seesRestricted } from '../referrals.access';
import { referralWaits } from '../waits';

/** The lead's referral waits (SMHL, headteacher): figures only. Restricted referrals count only for the DSL team. Audited. */
export async function referralWaitsView(
  deps: AppDeps,
  at: SchoolRequest,
  format: 'screen' | 'csv',
): Promise<ReferralWaits> {
  return inSchool(deps, at, 'referral.viewWaits', async (s) => {
    const rows = await s.tx
      .select({
        service: referrals.service,
        status: referrals.status,
        sentOn: referrals.sentOn,
        firstAppointmentOn: referrals.firstAppointmentOn,
        declineReason: referrals.declineReason,
      })
      .from(referrals)
      .where(
        and(
          eq(referrals.schoolId, s.schoolId),
          ne(referrals.status, 'draft'),
          seesRestricted(s.actor, s.schoolId) ? undefined : eq(referrals.restricted, false),
        ),
      );
    await s.audit({ action: 'referral.waits_viewed', detail: { format } });
    return referralWaits(rows, londonToday(s.now), await referralWaitDaysOf(s.tx, s.schoolId));
  });
}
