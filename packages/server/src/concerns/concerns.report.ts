/**
 * The concerns' figures for the school's and the trust's reports (platform ReportSource): concerns
 * logged month by month, by warning sign, by route, and the time to acknowledgement. Each figure is
 * one SQL statement grouped by school and, for the trust, by all the schools together. Concerns in
 * the restricted safeguarding record are never counted. A concern counts for a pupil filter when
 * any of its pupils is in the group asked for.
 */
import { sql, type SQL } from 'drizzle-orm';
import {
  CONCERN_ROUTE_LABELS,
  CONCERN_ROUTES,
  monthsBetween,
  WARNING_SIGN_CODES,
  WARNING_SIGNS,
  type CellValue,
  type Figure,
  type FigureColumn,
} from '@tandem/core';
import type { DbOrTx } from '../db/client';
import type { ReportRequest, ReportSource } from '../platform/registries';
import { pupilGroupSql, schoolIdsSql } from '../platform/report-filters';
import { dayWords, daysWords, numOrNull, reportGroups, sqlRows } from '../platform/report-figures';

const KEYS = ['concerns.monthly', 'concerns.warningSigns', 'concerns.routes', 'concerns.acknowledgement'] as const;

type SqlRow = Record<string, unknown>;

const col = (key: string, label: string, unit: FigureColumn['unit'], basis: string | null = null): FigureColumn => ({
  key,
  label,
  unit,
  basis,
});

/**
 * Grouped SQL rows (g_school = grouping(school_id), g_row = grouping of the row key) into each
 * group's values by row key ('' for the total), per school id and 'all'.
 */
function byGroup(rows: readonly SqlRow[], valueKeys: readonly string[]) {
  const out = new Map<string, Map<string, (number | null)[]>>();
  for (const row of rows) {
    const group = Number(row.g_school) === 1 ? 'all' : String(row.school_id);
    const key = Number(row.g_row) === 1 ? '' : row.row_key === null ? null : (row.row_key as string);
    if (key === null) continue;
    const m = out.get(group) ?? new Map<string, (number | null)[]>();
    m.set(
      key,
      valueKeys.map((k) => numOrNull(row[k])),
    );
    out.set(group, m);
  }
  return out;
}

/** GROUPING SETS for a school and row key, with all the schools together when combined. */
function sets(rowExpr: string, combined: boolean): SQL {
  return combined
    ? sql.raw(`grouping sets ((c.school_id, ${rowExpr}), (c.school_id), (${rowExpr}), ())`)
    : sql.raw(`grouping sets ((c.school_id, ${rowExpr}), (c.school_id))`);
}

/**
 * Distinct concerns and pupils per school and row key (and per school in all), and, when
 * combined, all the schools together as the sum of the schools: a concern and a pupil each belong
 * to one school, so the sum is exact, and the trust is spared a second distinct count over every
 * school's rows.
 */
function distinctPerSchool(perSchool: SQL, combined: boolean): SQL {
  const all = combined
    ? sql`union all select 1, null, g_row, row_key, sum(concerns)::int, sum(pupils)::int from per group by g_row, row_key`
    : sql``;
  return sql`with per as (${perSchool})
    select 0 as g_school, school_id, g_row, row_key, concerns, pupils from per ${all}`;
}

/** The concerns counted: logged in the days asked for, in these schools, outside the restricted record. */
function loggedSql(r: ReportRequest): SQL {
  return sql`c.school_id = any(${schoolIdsSql(r)}) and not c.restricted
    and c.logged_at >= ${r.from}::date and c.logged_at < ${r.to}::date + 1`;
}

/** A concern counts when any of its pupils is in the group asked for. */
function anyPupilSql(r: ReportRequest): SQL {
  if (r.yearGroup === null && r.characteristic === null) return sql`true`;
  return sql`exists (select 1 from concern_pupils cp join pupils p on p.id = cp.pupil_id
    where cp.concern_id = c.id and cp.school_id = any(${schoolIdsSql(r)}) and p.school_id = any(${schoolIdsSql(r)})
    and ${pupilGroupSql('p', r)})`;
}

/**
 * The concern's pupils in the group asked for (joined as cp and p). Naming the schools on
 * concern_pupils too lets one school's rows be read through its index (bench 12: without it the
 * planner read the whole table for one school).
 */
function pupilsJoinSql(r: ReportRequest): SQL {
  const cp = sql`join concern_pupils cp on cp.concern_id = c.id and cp.school_id = any(${schoolIdsSql(r)})`;
  if (r.yearGroup === null && r.characteristic === null) return cp;
  return sql`${cp}
    join pupils p on p.id = cp.pupil_id and p.school_id = any(${schoolIdsSql(r)}) and ${pupilGroupSql('p', r)}`;
}

/**
 * A concern's warning signs, one row each. The limit (there are no more signs than that) tells the
 * planner how many rows to expect: left to guess a hundred a concern, it compiled the query (JIT)
 * at a cost of more than the query itself.
 */
function signsSql(): SQL {
  return sql.raw(
    `lateral (select x from jsonb_array_elements_text(c.warning_signs) x limit ${WARNING_SIGN_CODES.length}) as ws(sign)`,
  );
}

function describe(r: ReportRequest): string {
  return `Concerns logged ${daysWords(r.from, r.to)}, outside the restricted safeguarding record.`;
}

function valuesRow(key: string, label: string, values: (number | null)[] | undefined, width: number) {
  return {
    key,
    label,
    values: (values ?? Array.from({ length: width }, () => 0)) as CellValue[],
    highlight: null,
  };
}

async function monthly(db: DbOrTx, r: ReportRequest, combined: boolean): Promise<Map<string, Figure>> {
  const rows = await sqlRows<SqlRow>(
    db,
    sql`select grouping(c.school_id) as g_school, grouping(to_char(c.logged_at, 'YYYY-MM')) as g_row,
      c.school_id::text as school_id, to_char(c.logged_at, 'YYYY-MM') as row_key,
      count(*)::int as concerns, (count(*) filter (where c.urgent))::int as urgent
    from concerns c
    where ${loggedSql(r)} and ${anyPupilSql(r)}
    group by ${sets("to_char(c.logged_at, 'YYYY-MM')", combined)}`,
  );
  const values = byGroup(rows, ['concerns', 'urgent']);
  const months = monthsBetween(r.from, r.to);
  const out = new Map<string, Figure>();
  for (const g of reportGroups(r, { combined })) {
    const v = values.get(g);
    out.set(g, {
      key: 'concerns.monthly',
      section: 'concerns',
      title: 'Concerns logged, month by month',
      description: describe(r),
      rowHeading: 'Month',
      columns: [col('concerns', 'Concerns', 'count'), col('urgent', 'Urgent', 'count')],
      rows: months.map((m) => valuesRow(m.key, m.label, v?.get(m.key), 2)),
      total: valuesRow('total', 'All months', v?.get(''), 2),
      partition: true,
      chart: { kind: 'line', columns: ['concerns', 'urgent'] },
      drillColumn: null,
      trustColumns: ['concerns'],
    });
  }
  return out;
}

async function warningSigns(db: DbOrTx, r: ReportRequest, combined: boolean): Promise<Map<string, Figure>> {
  const rows = await sqlRows<SqlRow>(
    db,
    distinctPerSchool(
      sql`select grouping(ws.sign) as g_row, c.school_id::text as school_id, ws.sign as row_key,
        count(distinct c.id)::int as concerns, count(distinct cp.pupil_id)::int as pupils
      from concerns c
      ${pupilsJoinSql(r)}
      left join ${signsSql()} on true
      where ${loggedSql(r)}
      group by ${sets('ws.sign', false)}`,
      combined,
    ),
  );
  const values = byGroup(rows, ['concerns', 'pupils']);
  const order = new Map<string, number>(WARNING_SIGN_CODES.map((k, i) => [k, i]));
  const label = (k: string) => (WARNING_SIGNS as Record<string, string>)[k] ?? k;
  const out = new Map<string, Figure>();
  for (const g of reportGroups(r, { combined })) {
    const v = values.get(g) ?? new Map<string, (number | null)[]>();
    const seen = [...v.keys()]
      .filter((k) => k !== '')
      .sort((a, b) => (order.get(a) ?? 999) - (order.get(b) ?? 999) || a.localeCompare(b));
    out.set(g, {
      key: 'concerns.warningSigns',
      section: 'concerns',
      title: 'Concerns by warning sign',
      description: `${describe(r)} A concern may note several warning signs, or none.`,
      rowHeading: 'Warning sign',
      columns: [col('concerns', 'Concerns', 'count'), col('pupils', 'Pupils', 'count')],
      rows: seen.map((k) => valuesRow(k, label(k), v.get(k), 2)),
      total: valuesRow('total', 'All concerns', v.get(''), 2),
      partition: false,
      chart: { kind: 'bar', columns: ['concerns'] },
      drillColumn: 'pupils',
      trustColumns: ['concerns'],
    });
  }
  return out;
}

async function routes(db: DbOrTx, r: ReportRequest, combined: boolean): Promise<Map<string, Figure>> {
  const rows = await sqlRows<SqlRow>(
    db,
    distinctPerSchool(
      sql`select grouping(c.route) as g_row, c.school_id::text as school_id, c.route as row_key,
        count(distinct c.id)::int as concerns, count(distinct cp.pupil_id)::int as pupils
      from concerns c
      ${pupilsJoinSql(r)}
      where ${loggedSql(r)}
      group by ${sets('c.route', false)}`,
      combined,
    ),
  );
  const values = byGroup(rows, ['concerns', 'pupils']);
  const out = new Map<string, Figure>();
  for (const g of reportGroups(r, { combined })) {
    const v = values.get(g);
    out.set(g, {
      key: 'concerns.routes',
      section: 'concerns',
      title: 'Concerns by route',
      description: `${describe(r)} A pupil may have concerns on both routes.`,
      rowHeading: 'Route',
      columns: [col('concerns', 'Concerns', 'count'), col('pupils', 'Pupils', 'count')],
      rows: CONCERN_ROUTES.map((k) => valuesRow(k, CONCERN_ROUTE_LABELS[k], v?.get(k), 2)),
      total: valuesRow('total', 'All concerns', v?.get(''), 2),
      partition: true,
      chart: { kind: 'bar', columns: ['concerns'] },
      drillColumn: 'pupils',
      trustColumns: ['concerns'],
    });
  }
  return out;
}

async function acknowledgement(db: DbOrTx, r: ReportRequest, combined: boolean): Promise<Map<string, Figure>> {
  const kind = "case when c.urgent then 'urgent' else 'other' end";
  // Acknowledged by the end of the day the figures are taken on (closing a concern acknowledges it).
  const acked = sql`c.acknowledged_at is not null and c.acknowledged_at < ${r.asOf}::date + 1`;
  const hours = sql`extract(epoch from (c.acknowledged_at - c.logged_at)) / 3600`;
  const rows = await sqlRows<SqlRow>(
    db,
    sql`select grouping(c.school_id) as g_school, grouping(${sql.raw(kind)}) as g_row,
      c.school_id::text as school_id, ${sql.raw(kind)} as row_key,
      count(*)::int as concerns,
      (count(*) filter (where ${acked}))::int as acknowledged,
      (percentile_cont(0.5) within group (order by ${hours}) filter (where ${acked}))::float8 as median,
      (max(${hours}) filter (where ${acked}))::float8 as longest,
      (count(*) filter (where not (${acked})))::int as waiting
    from concerns c
    where ${loggedSql(r)} and ${anyPupilSql(r)}
    group by ${sets(kind, combined)}`,
  );
  const keys = ['concerns', 'acknowledged', 'median', 'longest', 'waiting'];
  const values = byGroup(rows, keys);
  const empty = [0, 0, null, null, 0];
  const out = new Map<string, Figure>();
  for (const g of reportGroups(r, { combined })) {
    const v = values.get(g);
    const row = (key: string, label: string, vals: (number | null)[] | undefined) =>
      valuesRow(key, label, vals ?? empty, keys.length);
    out.set(g, {
      key: 'concerns.acknowledgement',
      section: 'concerns',
      title: 'Time from logging to acknowledgement',
      description:
        `${describe(r)} Hours from logging to acknowledgement, for those acknowledged by ` +
        `${dayWords(r.asOf)}; waiting counts those not yet acknowledged then.`,
      rowHeading: 'Concerns',
      columns: [
        col('concerns', 'Concerns', 'count'),
        col('acknowledged', 'Acknowledged', 'count'),
        col('median', 'Median time', 'hours', 'acknowledged'),
        col('longest', 'Longest time', 'hours', 'acknowledged'),
        col('waiting', 'Not yet acknowledged', 'count'),
      ],
      rows: [row('urgent', 'Urgent', v?.get('urgent')), row('other', 'Not urgent', v?.get('other'))],
      total: row('total', 'All concerns', v?.get('')),
      partition: true,
      chart: { kind: 'bar', columns: ['median'] },
      drillColumn: null,
      trustColumns: ['acknowledged', 'median'],
    });
  }
  return out;
}

export const concernReport: ReportSource = {
  keys: KEYS,
  async figures(db, r, { combined }) {
    // Side by side: on PostgreSQL each statement takes a connection of the pool.
    const parts = await Promise.all([
      monthly(db, r, combined),
      warningSigns(db, r, combined),
      routes(db, r, combined),
      acknowledgement(db, r, combined),
    ]);
    const out = new Map<string, Figure[]>();
    for (const g of reportGroups(r, { combined }))
      out.set(
        g,
        parts.map((p) => p.get(g)!),
      );
    return out;
  },
  async drill(db, r, figure, row) {
    if (!(KEYS as readonly string[]).includes(figure)) return null;
    const one = { ...r, schoolIds: [r.schoolId] };
    let which: SQL;
    if (figure === 'concerns.warningSigns') {
      if (row === 'total') which = sql`true`;
      else which = sql`c.warning_signs @> jsonb_build_array(${row}::text)`;
    } else if (figure === 'concerns.routes') {
      if (row === 'total') which = sql`true`;
      else if ((CONCERN_ROUTES as readonly string[]).includes(row)) which = sql`c.route = ${row}`;
      else return [];
    } else {
      return [];
    }
    const rows = await sqlRows<SqlRow>(
      db,
      sql`select distinct cp.pupil_id::text as id
      from concerns c
      ${pupilsJoinSql(one)}
      where ${loggedSql(one)} and ${which}`,
    );
    return rows.map((x) => String(x.id));
  },
};
