/**
 * The lead's referral waits, per service and for the school: open referrals, median and 90th
 * percentile wait from sent to first appointment (first appointments held, and the days so far of
 * those still waiting, count alike: a long wait still open is the one that matters), how many exceed
 * the standard, the decline rate and the most common decline reasons.
 */
import {
  daysBetween,
  percentile,
  REFERRAL_SERVICE_LABELS,
  REFERRAL_SERVICES,
  type ReferralService,
  type ReferralWaits,
} from '@tandem/core';
import { toCsv } from '../http/csv';

export interface WaitInput {
  service: ReferralService;
  status: string;
  sentOn: string | null;
  firstAppointmentOn: string | null;
  declineReason: string | null;
}

const OPEN = new Set(['sent', 'acknowledged', 'accepted', 'waiting']);
const DECIDED = new Set(['accepted', 'declined', 'waiting', 'first_appointment']);

function row(service: ReferralService | null, rows: readonly WaitInput[], today: string, standard: number) {
  const waits = rows.flatMap((r) => {
    if (r.sentOn === null) return [];
    if (r.firstAppointmentOn !== null) return [daysBetween(r.sentOn, r.firstAppointmentOn)];
    return OPEN.has(r.status) ? [daysBetween(r.sentOn, today)] : [];
  });
  const declined = rows.filter((r) => r.status === 'declined' || (r.status === 'closed' && r.declineReason !== null));
  const decided = rows.filter(
    (r) =>
      DECIDED.has(r.status) || (r.status === 'closed' && (r.declineReason !== null || r.firstAppointmentOn !== null)),
  );
  const reasons = new Map<string, number>();
  for (const r of declined) {
    const reason = (r.declineReason ?? '').trim();
    if (reason) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  return {
    service,
    name: service ? REFERRAL_SERVICE_LABELS[service] : 'Whole school',
    open: rows.filter((r) => OPEN.has(r.status)).length,
    seen: rows.filter((r) => r.firstAppointmentOn !== null).length,
    medianWaitDays: percentile(waits, 0.5),
    p90WaitDays: percentile(waits, 0.9),
    overStandard: waits.filter((w) => w > standard).length,
    decided: decided.length,
    declined: declined.length,
    declineRate: decided.length > 0 ? declined.length / decided.length : null,
    commonDeclineReasons: [...reasons]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason))
      .slice(0, 3),
  };
}

export function referralWaits(rows: readonly WaitInput[], today: string, standard: number): ReferralWaits {
  return {
    standardDays: standard,
    rows: REFERRAL_SERVICES.map((s) =>
      row(
        s,
        rows.filter((r) => r.service === s),
        today,
        standard,
      ),
    ).filter((r) => r.open + r.seen + r.decided > 0),
    school: row(null, rows, today, standard),
  };
}

export function referralWaitsCsv(w: ReferralWaits): string {
  const head = [
    'Service',
    'Open',
    'Seen',
    'Median wait (days)',
    '90th percentile wait (days)',
    `Over ${w.standardDays} days`,
    'Decided',
    'Declined',
    'Decline rate (%)',
    'Most common decline reasons',
  ];
  const lines = [...w.rows, w.school].map((r) => [
    r.name,
    r.open,
    r.seen,
    r.medianWaitDays,
    r.p90WaitDays,
    r.overStandard,
    r.decided,
    r.declined,
    r.declineRate === null ? null : Math.round(r.declineRate * 100),
    r.commonDeclineReasons.map((x) => `${x.reason} (${x.count})`).join('; '),
  ]);
  return toCsv(head, lines);
}
