/**
 * The raw SQL of measurement 10: the lead's referral waits, per service and for the school, in one
 * statement giving the same answer as the app (checked in referrals-measure.ts).
 */
import { REFERRAL_SERVICE_LABELS, REFERRAL_SERVICES, type ReferralService } from '@tandem/core';
import type { Query } from './databases';

/**
 * The definitions of src/referrals/waits.ts. Drafts are left out; restricted referrals unless $3 (the
 * reader is of the DSL team). Open: sent, acknowledged, accepted, waiting. The wait: sent to first
 * appointment when one was held, else the days so far to $2 (today in London) while open; none for
 * a referral declined or closed without one. Declined: declined, or closed with a decline reason.
 * Decided: accepted, declined, waiting, first appointment, or closed with a decline reason or a first
 * appointment. Reasons trimmed, the three most common (ties by reason). The standard is the
 * school's (schools.referral_wait_days, four weeks unless set). $4 the services in their order
 * (JSON). A service's row only when it has an open, seen or decided referral.
 */
export const WAITS_SQL = `
  with std as (
    select referral_wait_days as days from schools where id = $1
  ), r as (
    select service, status, first_appointment_on,
           case when first_appointment_on is not null then first_appointment_on - sent_on
                when status in ('sent', 'acknowledged', 'accepted', 'waiting') then $2::date - sent_on end as wait,
           status = 'declined' or (status = 'closed' and decline_reason is not null) as declined,
           status in ('accepted', 'declined', 'waiting', 'first_appointment')
             or (status = 'closed' and (decline_reason is not null or first_appointment_on is not null)) as decided,
           nullif(trim(decline_reason), '') as reason
    from referrals
    where school_id = $1 and status <> 'draft' and ($3::boolean or not restricted)
  ), figures as (
    select service,
           (count(*) filter (where status in ('sent', 'acknowledged', 'accepted', 'waiting')))::int as open,
           (count(*) filter (where first_appointment_on is not null))::int as seen,
           percentile_cont(0.5) within group (order by wait) as median_wait,
           percentile_cont(0.9) within group (order by wait) as p90_wait,
           (count(*) filter (where wait > (select days from std)))::int as over_standard,
           (count(*) filter (where decided))::int as decided,
           (count(*) filter (where declined))::int as declined
    from r group by grouping sets ((service), ())
  ), reasons as (
    select service, reason, n, row_number() over (partition by service order by n desc, reason) as k
    from (
      select service, reason, count(*)::int as n from r
      where declined and reason is not null
      group by grouping sets ((service, reason), (reason))
    ) x
  ), rows as (
    select s.service, s.k from json_array_elements_text($4::json) with ordinality as s(service, k)
    union all select null, 1e9
  )
  select rw.service, (select days from std) as standard_days, f.open, f.seen, f.median_wait, f.p90_wait, f.over_standard, f.decided, f.declined,
         case when f.decided > 0 then f.declined::float / f.decided end as decline_rate,
         coalesce((select json_agg(json_build_object('reason', x.reason, 'count', x.n) order by x.k)
                   from reasons x where x.service is not distinct from rw.service and x.k <= 3), '[]') as common_reasons
  from rows rw
  join figures f on f.service is not distinct from rw.service
  where rw.service is null or f.open + f.seen + f.decided > 0
  order by rw.k`;

export interface WaitRow {
  service: ReferralService | null;
  name: string;
  open: number;
  seen: number;
  medianWaitDays: number | null;
  p90WaitDays: number | null;
  overStandard: number;
  decided: number;
  declined: number;
  declineRate: number | null;
  commonDeclineReasons: { reason: string; count: number }[];
}

export const waitsParams = (schoolId: string, today: string, seesRestricted: boolean) => [
  schoolId,
  today,
  seesRestricted,
  JSON.stringify(REFERRAL_SERVICES),
];

/** The school's standard (days), and the rows per service in REFERRAL_SERVICES' order, then the school's (last). */
export async function rawWaits(
  q: Query,
  schoolId: string,
  today: string,
  seesRestricted: boolean,
): Promise<{ standardDays: number; rows: WaitRow[] }> {
  const rows = await q(WAITS_SQL, waitsParams(schoolId, today, seesRestricted));
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const list = rows.map((r) => {
    const service = (r.service as ReferralService | null) ?? null;
    const reasons: unknown =
      typeof r.common_reasons === 'string' ? (JSON.parse(r.common_reasons) as unknown) : r.common_reasons;
    return {
      service,
      name: service ? REFERRAL_SERVICE_LABELS[service] : 'Whole school',
      open: Number(r.open),
      seen: Number(r.seen),
      medianWaitDays: num(r.median_wait),
      p90WaitDays: num(r.p90_wait),
      overStandard: Number(r.over_standard),
      decided: Number(r.decided),
      declined: Number(r.declined),
      declineRate: num(r.decline_rate),
      commonDeclineReasons: reasons as { reason: string; count: number }[],
    };
  });
  return { standardDays: Number(rows[0]?.standard_days), rows: list };
}

/** A row as compared: waits and rates to four places, fields in one order. */
export const roundedWait = (r: WaitRow) => {
  const four = (v: number | null) => (v === null ? null : Math.round(v * 1e4) / 1e4);
  return JSON.stringify({
    service: r.service,
    name: r.name,
    open: r.open,
    seen: r.seen,
    medianWaitDays: four(r.medianWaitDays),
    p90WaitDays: four(r.p90WaitDays),
    overStandard: r.overStandard,
    decided: r.decided,
    declined: r.declined,
    declineRate: four(r.declineRate),
    commonDeclineReasons: r.commonDeclineReasons.map((x) => ({ reason: x.reason, count: x.count })),
  });
};
