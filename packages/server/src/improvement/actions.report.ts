/**
 * Action-plan actions open and overdue, for the school's and the trust's reports (platform
 * ReportSource). Actions are the school's, not a pupil's: the pupil filters do not apply.
 */
import { sql } from 'drizzle-orm';
import { londonToday, type Figure } from '@tandem/core';
import { addDays } from '../platform/dates';
import type { ReportSource } from '../platform/registries';
import { schoolIdsSql } from '../platform/report-filters';
import { GroupedRows, dayWords, figureMap, num, sqlRows } from '../platform/report-figures';

const KEY = 'improvement.actionsOverdue';

interface ActionRow {
  school_id: string | null;
  open: number;
  overdue: number;
}

export const actionReport: ReportSource = {
  keys: [KEY],

  async figures(db, r, o) {
    const next = addDays(r.asOf, 1);
    // Today an action's status is its own; on a past day it is the one its last note by then left.
    const status =
      r.asOf >= londonToday(r.now)
        ? sql`a.status`
        : sql`coalesce((select n.status_after from improvement_action_notes n
            where n.action_id = a.id and n.school_id = a.school_id and n.written_at < ${next}::date
            order by n.written_at desc limit 1), 'not_started')`;
    const rows = await sqlRows<ActionRow>(
      db,
      sql`select x.school_id, count(*)::int as open, (count(*) filter (where x.due_on < ${r.asOf}::date))::int as overdue
        from (select a.school_id, a.due_on, ${status} as status from improvement_actions a
          where a.school_id = any(${schoolIdsSql(r)}) and a.created_at < ${next}::date) x
        where x.status in ('not_started', 'in_progress')
        group by grouping sets ((x.school_id), ())`,
    );
    const by = new GroupedRows(rows, () => 'all');
    return figureMap(r, o, [
      (g): Figure => {
        const x = by.get(g, 'all');
        return {
          key: KEY,
          section: 'overdue',
          title: 'Action-plan actions',
          description:
            `Actions of the school's improvement plan not done or dropped on ${dayWords(r.asOf)}, and those ` +
            `due before that day. The year group and characteristic chosen do not apply.`,
          rowHeading: 'Actions',
          columns: [
            { key: 'open', label: 'Open', unit: 'count', basis: null },
            { key: 'overdue', label: 'Overdue', unit: 'count', basis: null },
          ],
          rows: [{ key: 'all', label: 'All actions', values: [num(x?.open), num(x?.overdue)], highlight: null }],
          total: null,
          partition: false,
          chart: null,
          drillColumn: null,
          trustColumns: ['open', 'overdue'],
        };
      },
    ]);
  },

  async drill(_db, _r, figure) {
    return figure === KEY ? [] : null;
  },
};
