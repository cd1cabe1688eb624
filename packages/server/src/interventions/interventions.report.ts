/**
 * The interventions' figures for the school's and the trust's reports (platform ReportSource): per
 * intervention and for the whole school, who is waiting, places given and how long they waited,
 * attendance, and the share of before-and-after pairs showing a reliable improvement. One SQL
 * statement answers both figures (grouped by school and intervention, by school, and for the trust
 * by intervention and for all the schools together). The definitions agree with outcomes.ts: a
 * wait is whole days from asking to being given a place; a pair is a place ended with a completed
 * baseline and follow-up on a measure that publishes a reliable-change threshold, judged on its
 * first score with one (core's compareScores rule).
 */
import { sql, type SQL } from 'drizzle-orm';
import { BUILTIN_MEASURES, type CellValue, type Figure, type FigureColumn } from '@tandem/core';
import type { ReportRequest, ReportSource } from '../platform/registries';
import { pupilGroupSql, schoolIdsSql } from '../platform/report-filters';
import { daysWords, dayWords, fraction, numOrNull, reportGroups, sqlRows } from '../platform/report-figures';

const KEYS = ['interventions.byIntervention', 'interventions.summary'] as const;

type SqlRow = Record<string, unknown>;

const col = (key: string, label: string, unit: FigureColumn['unit'], basis: string | null = null): FigureColumn => ({
  key,
  label,
  unit,
  basis,
});

const COLUMNS: FigureColumn[] = [
  col('waiting', 'Waiting', 'count'),
  col('started', 'Places given', 'count'),
  col('medianWait', 'Median wait', 'days', 'started'),
  col('longestWait', 'Longest wait', 'days', 'started'),
  col('attended', 'Sessions attended', 'count'),
  col('marks', 'Attendance marks', 'count'),
  col('attendance', 'Attendance', 'percent', 'marks'),
  col('pairs', 'Before-and-after pairs', 'count'),
  col('improved', 'Reliable improvement', 'count'),
  col('improvedShare', 'Share improved', 'percent', 'pairs'),
];

/**
 * Each built-in measure's first score with a reliable-change threshold (the one outcomes.ts judges
 * a pair on), as a VALUES list. A school's own measures publish no threshold, so none of their
 * pairs is counted.
 */
function thresholdsSql(): SQL {
  const rows = BUILTIN_MEASURES.flatMap((m) => {
    const def = m.scores.find((d) => d.reliableChange !== null);
    if (!def?.reliableChange) return [];
    return [
      sql`(${m.key}::text, ${m.version}::int, ${def.id}::text, ${String(def.reliableChange.threshold)}::numeric, ${def.higherIsBetter}::boolean)`,
    ];
  });
  return sql`(values ${sql.join(rows, sql`, `)}) as t(measure_key, measure_version, score_id, threshold, higher_is_better)`;
}

/** The pupils row `p` of place `pl`, in these schools and the group asked for. */
function placePupilSql(r: ReportRequest): SQL {
  // Without a pupil filter every place counts: no need to read the pupils at all.
  if (r.yearGroup === null && r.characteristic === null) return sql``;
  return sql`join pupils p on p.id = pl.pupil_id and p.school_id = any(${schoolIdsSql(r)}) and ${pupilGroupSql('p', r)}`;
}

/** Places waiting on asOf: asked for by then, not yet given a place or ended (withdrawn) by then. */
function waitingOnSql(r: ReportRequest): SQL {
  return sql`pl.requested_at < ${r.asOf}::date + 1
    and (pl.allocated_at is null or pl.allocated_at >= ${r.asOf}::date + 1)
    and (pl.ended_at is null or pl.ended_at >= ${r.asOf}::date + 1)`;
}

function inDays(column: string, r: ReportRequest): SQL {
  const c = sql.raw(column);
  return sql`${c} >= ${r.from}::date and ${c} < ${r.to}::date + 1`;
}

/** One row per fact about a place, a pair or an intervention's marks, to be grouped. */
function factsSql(r: ReportRequest): SQL {
  const ids = schoolIdsSql(r);
  const value = (q: string) =>
    sql.raw(
      `(select (e->>'value')::numeric from jsonb_array_elements(${q}.scores) e where e->>'id' = t.score_id limit 1)`,
    );
  return sql`
    select pl.school_id, pl.intervention_id, 1 as waiting, 0 as started, null::numeric as wait_days,
      0 as attended, 0 as marks, 0 as pairs, 0 as improved
    from intervention_places pl ${placePupilSql(r)}
    where pl.school_id = any(${ids}) and ${waitingOnSql(r)}
    union all
    select pl.school_id, pl.intervention_id, 0, 1, floor(extract(epoch from (pl.allocated_at - pl.requested_at)) / 86400)::numeric,
      0, 0, 0, 0
    from intervention_places pl ${placePupilSql(r)}
    where pl.school_id = any(${ids}) and pl.allocated_at is not null and ${inDays('pl.allocated_at', r)}
    union all
    select pl.school_id, pl.intervention_id, 0, 0, null,
      (count(*) filter (where a.attendance = 'attended'))::int, count(*)::int, 0, 0
    from intervention_attendance a
    join intervention_sessions s on s.id = a.session_id and s.school_id = any(${ids})
    join intervention_places pl on pl.id = a.place_id and pl.school_id = any(${ids})
    ${placePupilSql(r)}
    where a.school_id = any(${ids}) and s.held_on >= ${r.from}::date and s.held_on <= ${r.to}::date
    group by pl.school_id, pl.intervention_id
    union all
    select school_id, intervention_id, 0, 0, null, 0, 0, 1,
      case when abs(d) + 0.000000001 >= threshold and (case when higher_is_better then d > 0 else d < 0 end)
        then 1 else 0 end
    from (
      select pl.school_id, pl.intervention_id, t.threshold, t.higher_is_better,
        round(${value('aq')} - ${value('bq')}, 6) as d
      from intervention_places pl ${placePupilSql(r)}
      join questionnaires bq on bq.place_id = pl.id and bq.school_id = any(${ids})
        and bq.timepoint = 'baseline' and bq.status = 'complete'
      join questionnaires aq on aq.place_id = pl.id and aq.school_id = any(${ids})
        and aq.timepoint = 'follow_up' and aq.status = 'complete' and aq.measure_key = bq.measure_key
      join ${thresholdsSql()} on t.measure_key = bq.measure_key and t.measure_version = bq.measure_version
      where pl.school_id = any(${ids}) and pl.ended_at is not null and ${inDays('pl.ended_at', r)}
    ) judged
    where d is not null
    union all
    select i.school_id, i.id, 0, 0, null, 0, 0, 0, 0
    from interventions i
    where i.school_id = any(${ids}) and i.status <> 'retired'`;
}

/** The figure's cells from a grouped row's values (zeros when the group had nothing). */
function cells(v: SqlRow | undefined): CellValue[] {
  const n = (k: string) => numOrNull(v?.[k]) ?? 0;
  const waiting = n('waiting');
  const started = n('started');
  const attended = n('attended');
  const marks = n('marks');
  const pairs = n('pairs');
  const improved = n('improved');
  return [
    waiting,
    started,
    numOrNull(v?.median_wait),
    numOrNull(v?.longest_wait),
    attended,
    marks,
    fraction(attended, marks),
    pairs,
    improved,
    fraction(improved, pairs),
  ];
}

function describe(r: ReportRequest): string {
  return (
    `Waiting on ${dayWords(r.asOf)}; places given, attendance and before-and-after pairs of places ended ` +
    `${daysWords(r.from, r.to)}. Waits are whole days from asking to being given a place.`
  );
}

function figureOf(key: (typeof KEYS)[number], r: ReportRequest, rows: Figure['rows'], total: Figure['total']): Figure {
  const summary = key === 'interventions.summary';
  return {
    key,
    section: 'interventions',
    title: summary ? 'Interventions: the whole picture' : 'Interventions',
    description: describe(r),
    rowHeading: 'Intervention',
    columns: COLUMNS,
    rows,
    total,
    partition: !summary,
    chart: summary ? null : { kind: 'bar', columns: ['improvedShare'] },
    drillColumn: 'waiting',
    trustColumns: summary ? ['waiting', 'started', 'medianWait', 'attendance', 'improvedShare'] : null,
  };
}

export const interventionReport: ReportSource = {
  keys: KEYS,
  async figures(db, r, { combined }) {
    const ids = schoolIdsSql(r);
    const sets = combined
      ? sql.raw('grouping sets ((f.school_id, f.intervention_id), (f.school_id), (f.intervention_id), ())')
      : sql.raw('grouping sets ((f.school_id, f.intervention_id), (f.school_id))');
    const rows = await sqlRows<SqlRow>(
      db,
      sql`select grouping(f.school_id) as g_school, grouping(f.intervention_id) as g_row,
        f.school_id::text as school_id, f.intervention_id::text as row_key, min(i.name) as name,
        sum(f.waiting)::int as waiting, sum(f.started)::int as started,
        (percentile_cont(0.5) within group (order by f.wait_days))::float8 as median_wait,
        max(f.wait_days)::float8 as longest_wait,
        sum(f.attended)::int as attended, sum(f.marks)::int as marks,
        sum(f.pairs)::int as pairs, sum(f.improved)::int as improved
      from (${factsSql(r)}) f
      join interventions i on i.id = f.intervention_id and i.school_id = any(${ids})
      group by ${sets}`,
    );
    const groups = new Map<string, { total?: SqlRow; rows: SqlRow[] }>();
    for (const row of rows) {
      const g = Number(row.g_school) === 1 ? 'all' : String(row.school_id);
      const entry = groups.get(g) ?? { rows: [] };
      if (Number(row.g_row) === 1) entry.total = row;
      else entry.rows.push(row);
      groups.set(g, entry);
    }
    const out = new Map<string, Figure[]>();
    for (const g of reportGroups(r, { combined })) {
      const entry = groups.get(g) ?? { rows: [] };
      const sorted = [...entry.rows].sort(
        (a, b) =>
          String(a.name).localeCompare(String(b.name), 'en-GB') || String(a.row_key).localeCompare(String(b.row_key)),
      );
      const total = { key: 'total', label: 'Whole school', values: cells(entry.total), highlight: null };
      out.set(g, [
        figureOf(
          'interventions.byIntervention',
          r,
          sorted.map((x) => ({ key: String(x.row_key), label: String(x.name), values: cells(x), highlight: null })),
          total,
        ),
        figureOf(
          'interventions.summary',
          r,
          [{ key: 'all', label: 'All interventions', values: cells(entry.total), highlight: null }],
          null,
        ),
      ]);
    }
    return out;
  },
  async drill(db, r, figure, row) {
    if (!(KEYS as readonly string[]).includes(figure)) return null;
    const one = { ...r, schoolIds: [r.schoolId] };
    const ids = schoolIdsSql(one);
    let which: SQL;
    if (row === 'all' || row === 'total') which = sql`true`;
    else if (figure === 'interventions.byIntervention' && /^[0-9a-f-]{36}$/i.test(row))
      which = sql`pl.intervention_id = ${row}::uuid`;
    else return [];
    const rows = await sqlRows<{ id: string }>(
      db,
      sql`select distinct pl.pupil_id::text as id
      from intervention_places pl ${placePupilSql(one)}
      where pl.school_id = any(${ids}) and ${waitingOnSql(one)} and ${which}`,
    );
    return rows.map((x) => x.id);
  },
};
