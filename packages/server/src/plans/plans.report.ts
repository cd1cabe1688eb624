/**
 * Plan reviews overdue, for the school's and the trust's reports (platform ReportSource): plans in
 * force on r.asOf for pupils on roll then, by kind, and those whose next review was before that day.
 */
import { sql, type SQL } from 'drizzle-orm';
import { PLAN_KINDS, PLAN_KIND_LABELS, londonToday, type Figure } from '@tandem/core';
import { addDays } from '../platform/dates';
import type { ReportRequest, ReportSource } from '../platform/registries';
import { pupilGroupSql, schoolIdsSql } from '../platform/report-filters';
import { GroupedRows, dayWords, figureMap, num, sqlRows } from '../platform/report-figures';

const KEY = 'plans.reviewsOverdue';

/**
 * The plans in force on r.asOf (of pupils on roll then, in the request's group) as `pl`, with
 * `due`, the next review date then. Today that is the plan's review date; on a past day it is the
 * one set by the last review recorded by then, or else the plan's review date now.
 */
function plansInForceSql(r: ReportRequest, schoolIds: SQL): SQL {
  const next = addDays(r.asOf, 1);
  const today = r.asOf >= londonToday(r.now);
  const inForce = today ? sql`pl.ended_at is null` : sql`(pl.ended_at is null or pl.ended_at >= ${next}::date)`;
  const due = today
    ? sql`pl.review_due`
    : sql`coalesce((select rv.next_review_on from plan_reviews rv
        where rv.plan_id = pl.id and rv.school_id = pl.school_id and rv.reviewed_on <= ${r.asOf}::date
          and rv.recorded_at < ${next}::date
        order by rv.reviewed_on desc, rv.recorded_at desc limit 1), pl.review_due)`;
  return sql`select pl.id, pl.school_id, pl.kind, pl.pupil_id, ${due} as due
    from plans pl
    join pupils p on p.id = pl.pupil_id and p.school_id = pl.school_id
    where pl.school_id = any(${schoolIds}) and pl.created_at < ${next}::date and ${inForce}
      and p.created_at < ${next}::date and (p.left_on is null or p.left_on > ${r.asOf}::date)
      and ${pupilGroupSql('p', r)}`;
}

interface PlanRow {
  school_id: string | null;
  kind: string | null;
  in_force: number;
  overdue: number;
}

export const planReport: ReportSource = {
  keys: [KEY],

  async figures(db, r, o) {
    const rows = await sqlRows<PlanRow>(
      db,
      sql`select x.school_id, x.kind, count(*)::int as in_force,
          (count(*) filter (where x.due < ${r.asOf}::date))::int as overdue
        from (${plansInForceSql(r, schoolIdsSql(r))}) x
        group by grouping sets ((x.school_id, x.kind), (x.kind), (x.school_id), ())`,
    );
    const by = new GroupedRows(rows, (x) => x.kind ?? 'total');
    const cells = (g: string, k: string) => {
      const x = by.get(g, k);
      return [num(x?.in_force), num(x?.overdue)];
    };
    return figureMap(r, o, [
      (g): Figure => ({
        key: KEY,
        section: 'overdue',
        title: 'Plan reviews overdue',
        description: `Plans in force on ${dayWords(r.asOf)} for pupils on roll then, and those whose next review was before that day.`,
        rowHeading: 'Plan',
        columns: [
          { key: 'inForce', label: 'In force', unit: 'count', basis: null },
          { key: 'overdue', label: 'Review overdue', unit: 'count', basis: null },
        ],
        rows: PLAN_KINDS.map((k) => ({ key: k, label: PLAN_KIND_LABELS[k], values: cells(g, k), highlight: null })),
        total: { key: 'total', label: 'All plans', values: cells(g, 'total'), highlight: null },
        partition: true,
        chart: { kind: 'bar', columns: ['overdue'] },
        drillColumn: 'overdue',
        trustColumns: ['overdue'],
      }),
    ]);
  },

  async drill(db, r, figure, rowKey) {
    if (figure !== KEY) return null;
    if (!(PLAN_KINDS as readonly string[]).includes(rowKey)) return [];
    const rows = await sqlRows<{ pupil_id: string }>(
      db,
      sql`select distinct x.pupil_id from (${plansInForceSql(r, sql`${`{${r.schoolId}}`}::uuid[]`)}) x
        where x.kind = ${rowKey} and x.due < ${r.asOf}::date order by x.pupil_id`,
    );
    return rows.map((x) => x.pupil_id);
  },
};
