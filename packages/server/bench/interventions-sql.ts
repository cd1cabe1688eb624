/**
 * The raw SQL of measurement 9: the waiting list and the pupils in an intervention, and the lead's
 * outcomes table, each giving the same answer as the app (checked in interventions-measure.ts).
 */
import { BUILTIN_MEASURES } from '@tandem/core';
import { schoolYearStart } from '../src/interventions/outcomes';
import type { Query } from './databases';

/**
 * The waiting list by the rule of core's orderWaitingList: level first (higher first; none last),
 * then when asked for, then id. (No pupil of the generated lists was moved by hand.)
 */
export const WAITING_SQL = `
  select p.id, row_number() over (order by pu.current_level desc nulls last, p.requested_at, p.id)::int as position,
         pu.given_name, pu.family_name, pu.preferred_name, pu.year_group, pu.form, pu.current_level,
         p.requested_at, p.reason, p.source, u.display_name as requested_by_name
  from intervention_places p
  join pupils pu on pu.id = p.pupil_id
  join users u on u.id = p.requested_by
  where p.school_id = $1 and p.intervention_id = $2 and p.status = 'waiting'
  order by position`;

/** The pupils in it now, with the sessions each attended and missed. */
export const IN_PLACES_SQL = `
  select p.id, pu.given_name, pu.family_name, pu.preferred_name, pu.year_group, pu.form, pu.current_level, p.started_on,
         (count(*) filter (where a.attendance = 'attended'))::int as attended,
         (count(*) filter (where a.attendance = 'not_attended'))::int as missed
  from intervention_places p
  join pupils pu on pu.id = p.pupil_id
  left join intervention_attendance a on a.school_id = p.school_id and a.place_id = p.id
  where p.school_id = $1 and p.intervention_id = $2 and p.status = 'in'
  group by p.id, pu.id
  order by p.id`;

/**
 * The outcomes table in one statement: per intervention (by name) and for the school (last), the
 * definitions of src/interventions/outcomes.ts. $1 school, $2 1 September, $3 now, $4 1 September
 * as a date, $5 each measure's first score with a reliable-change threshold.
 */
export const OUTCOMES_SQL = `
  with pl as (
    select intervention_id, pupil_id, status, allocated_at,
           floor(extract(epoch from (coalesce(allocated_at, case when status = 'waiting' then $3::timestamptz end) - requested_at)) / 86400) as wait
    from intervention_places
    where school_id = $1 and (status in ('waiting', 'in') or (allocated_at is not null and allocated_at >= $2::timestamptz))
  ), places as (
    select intervention_id,
           count(distinct pupil_id::text || intervention_id::text) filter (where allocated_at is not null)::int as served,
           (count(*) filter (where status = 'waiting'))::int as waiting,
           percentile_cont(0.5) within group (order by wait) filter (where allocated_at is not null) as median_wait,
           max(wait) filter (where allocated_at is not null or status = 'waiting') as longest_wait
    from pl group by grouping sets ((intervention_id), ())
  ), att as (
    select s.intervention_id,
           count(*) filter (where a.attendance = 'attended') as attended,
           count(*) filter (where a.attendance = 'not_attended') as missed
    from intervention_attendance a join intervention_sessions s on s.id = a.session_id
    where a.school_id = $1 and s.held_on >= $4::date
    group by grouping sets ((s.intervention_id), ())
  ), rules as (
    select * from jsonb_to_recordset($5::jsonb) as r(key text, version int, score text, threshold numeric, higher boolean)
  ), pairs as (
    select p.intervention_id, bool_and(r.higher) as higher, max(r.threshold) as threshold,
           max(v.value) filter (where q.timepoint = 'baseline') as before,
           max(v.value) filter (where q.timepoint = 'follow_up') as after
    from questionnaires q
    join intervention_places p on p.id = q.place_id
    join rules r on r.key = q.measure_key and r.version = q.measure_version
    cross join lateral (select (e->>'value')::numeric as value from jsonb_array_elements(q.scores) e where e->>'id' = r.score) v
    where q.school_id = $1 and q.status = 'complete' and q.timepoint in ('baseline', 'follow_up') and p.ended_at >= $2::timestamptz
    group by p.intervention_id, p.id
  ), judged as (
    select intervention_id, count(*)::int as pairs,
           (count(*) filter (where (case when higher then after - before else before - after end) + 1e-9 >= threshold))::int as improved
    from pairs where before is not null and after is not null
    group by grouping sets ((intervention_id), ())
  ), rows as (
    select id, name, false as school from interventions where school_id = $1
    union all select null, 'Whole school', true
  )
  select r.id as intervention_id, r.name, coalesce(pa.served, 0) as served, coalesce(pa.waiting, 0) as waiting,
         pa.median_wait, pa.longest_wait,
         case when at.attended + at.missed > 0 then at.attended::float / (at.attended + at.missed) end as attendance_rate,
         coalesce(j.pairs, 0) as pairs, coalesce(j.improved, 0) as improved,
         case when j.pairs > 0 then j.improved::float / j.pairs end as improvement_share
  from rows r
  left join places pa on pa.intervention_id is not distinct from r.id
  left join att at on at.intervention_id is not distinct from r.id
  left join judged j on j.intervention_id is not distinct from r.id
  order by r.school, r.name`;

/** Each built-in measure's first score with a reliable-change threshold (what pairImproved judges). */
export const RELIABLE_RULES = JSON.stringify(
  BUILTIN_MEASURES.flatMap((m) => {
    const s = m.scores.find((d) => d.reliableChange !== null);
    return s?.reliableChange
      ? [
          {
            key: m.key,
            version: m.version,
            score: s.id,
            threshold: s.reliableChange.threshold,
            higher: s.higherIsBetter,
          },
        ]
      : [];
  }),
);

export async function rawIntervention(q: Query, schoolId: string, interventionId: string) {
  const waiting = await q<{ id: string; position: number }>(WAITING_SQL, [schoolId, interventionId]);
  const inPlaces = await q<{ id: string; attended: number; missed: number }>(IN_PLACES_SQL, [schoolId, interventionId]);
  return { waiting, inPlaces };
}

export interface OutcomeRow {
  interventionId: string | null;
  name: string;
  servedThisYear: number;
  waitingNow: number;
  medianWaitDays: number | null;
  longestWaitDays: number | null;
  attendanceRate: number | null;
  pairs: number;
  reliableImprovement: number;
  improvementShare: number | null;
}

export async function rawOutcomes(q: Query, schoolId: string, now: Date): Promise<OutcomeRow[]> {
  const since = schoolYearStart(now);
  const rows = await q(OUTCOMES_SQL, [
    schoolId,
    since.toISOString(),
    now.toISOString(),
    since.toISOString().slice(0, 10),
    RELIABLE_RULES,
  ]);
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return rows.map((r) => ({
    interventionId: (r.intervention_id as string | null) ?? null,
    name: r.name as string,
    servedThisYear: Number(r.served),
    waitingNow: Number(r.waiting),
    medianWaitDays: num(r.median_wait),
    longestWaitDays: num(r.longest_wait),
    attendanceRate: num(r.attendance_rate),
    pairs: Number(r.pairs),
    reliableImprovement: Number(r.improved),
    improvementShare: num(r.improvement_share),
  }));
}

/** A row as compared: rates to four places. */
export const rounded = (r: OutcomeRow) =>
  JSON.stringify({
    ...r,
    medianWaitDays: r.medianWaitDays === null ? null : Math.round(r.medianWaitDays * 10) / 10,
    attendanceRate: r.attendanceRate === null ? null : Math.round(r.attendanceRate * 1e4) / 1e4,
    improvementShare: r.improvementShare === null ? null : Math.round(r.improvementShare * 1e4) / 1e4,
  });
