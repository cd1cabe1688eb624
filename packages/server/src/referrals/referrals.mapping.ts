/** Referral rows to API answers, in one place. */
import { londonToday, referralWait, type ReferralSummary } from '@tandem/core';
import { pupilName } from '../platform/directory';
import type { ReferralListRow, ReferralRow } from './referrals.queries';

export function summaryOf(
  r: ReferralRow,
  o: {
    pupil: ReferralListRow['pupil'];
    madeByName: string;
    serviceName: string | null;
    now: Date;
    standardDays: number;
  },
): ReferralSummary {
  const wait = referralWait(r, londonToday(o.now));
  return {
    id: r.id,
    pupilId: r.pupilId,
    pupilName: pupilName(o.pupil),
    service: r.service,
    serviceName: o.serviceName,
    status: r.status,
    restricted: r.restricted,
    emergency: r.emergency,
    sentOn: r.sentOn,
    firstAppointmentOn: r.firstAppointmentOn,
    waitDays: wait?.days ?? null,
    overdue: wait !== null && !wait.finished && wait.days > o.standardDays,
    madeByName: o.madeByName,
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function listSummary(row: ReferralListRow, now: Date, standardDays: number): ReferralSummary {
  return summaryOf(row.r, {
    pupil: row.pupil,
    madeByName: row.madeByName,
    serviceName: row.serviceName?.name ?? null,
    now,
    standardDays,
  });
}
