/**
 * Referrals' part of a pupil's chronology: each referral started, and each of its steps. Restricted
 * referrals (social care without asking parents) only for the DSL team: for anyone else they are
 * never loaded.
 */
import { and, eq } from 'drizzle-orm';
import { REFERRAL_SERVICE_LABELS, REFERRAL_STATUS_LABELS, type ChronologyEntry } from '@tandem/core';
import { referrals, referralSteps, users } from '@tandem/core/schema';
import type { ChronologySource } from '../platform/registries';

export const referralChronology: ChronologySource = {
  name: 'referrals',
  kindOrder: { referral_started: 1, referral_step: 2 },
  async entries(db, { schoolId, pupilId, seeRestricted }) {
    const visible = and(
      eq(referrals.schoolId, schoolId),
      eq(referrals.pupilId, pupilId),
      seeRestricted ? undefined : eq(referrals.restricted, false),
    );
    const started = await db
      .select({ r: referrals, by: users.displayName })
      .from(referrals)
      .innerJoin(users, eq(users.id, referrals.madeBy))
      .where(visible);
    const entries: ChronologyEntry[] = started.map(({ r, by }) => ({
      id: `${r.id}-started`,
      kind: 'referral_started',
      at: r.createdAt.toISOString(),
      title: `Referral to ${REFERRAL_SERVICE_LABELS[r.service]} started${r.emergency ? ' (emergency)' : ''}`,
      detail: null,
      byName: by,
      referralId: r.id,
      ...(r.restricted ? { restricted: true } : {}),
    }));
    const steps = await db
      .select({ s: referralSteps, r: referrals, by: users.displayName })
      .from(referralSteps)
      .innerJoin(referrals, eq(referrals.id, referralSteps.referralId))
      .innerJoin(users, eq(users.id, referralSteps.recordedBy))
      .where(visible);
    for (const { s, r, by } of steps) {
      entries.push({
        id: s.id,
        kind: 'referral_step',
        at: s.recordedAt.toISOString(),
        title: `Referral to ${REFERRAL_SERVICE_LABELS[r.service]}: ${REFERRAL_STATUS_LABELS[s.status].toLowerCase()} (${s.on})`,
        detail:
          s.status === 'declined'
            ? [r.declineReason, r.signpostedTo ? `Signposted to ${r.signpostedTo}` : null].filter(Boolean).join('\n')
            : s.note || null,
        byName: by,
        referralId: r.id,
        ...(r.restricted ? { restricted: true } : {}),
      });
    }
    return entries;
  },
};
