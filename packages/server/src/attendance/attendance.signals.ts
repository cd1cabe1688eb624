/**
 * Attendance's figures for early identification (platform EarlySignalSource): for every pupil on
 * roll at once, the last `weeks` weeks with data since the term before ended against that whole
 * term (core reports/terms). One SQL statement over the school's weeks since the term before began,
 * read through (school_id, week_start); only pupils whose drop reaches the school's points come back,
 * and core's `earlyRuleFires` decides (it also refuses to judge from too few sessions).
 */
import { sql } from 'drizzle-orm';
import { previousTerm, termOf } from '@tandem/core';
import type { DbOrTx } from '../db/client';
import type { EarlySignal, EarlySignalSource } from '../platform/registries';
import { num, sqlRows } from '../platform/report-figures';

interface Row {
  pupil_id: string;
  recent_possible: unknown;
  recent_attended: unknown;
  recent_weeks: unknown;
  baseline_possible: unknown;
  baseline_attended: unknown;
}

/** The figures of every pupil on roll whose attendance fell by `points` or more. */
export async function attendanceDropFigures(
  db: DbOrTx,
  o: { schoolId: string; today: string; points: number; weeks: number },
): Promise<EarlySignal[]> {
  const baseline = previousTerm(termOf(o.today));
  const rows = await sqlRows<Row>(
    db,
    sql`with recent as (
        select w.pupil_id, w.possible, w.attended,
          row_number() over (partition by w.pupil_id order by w.week_start desc) as rn
        from attendance_weeks w
        where w.school_id = ${o.schoolId} and w.week_start > ${baseline.to}::date and w.week_start <= ${o.today}::date
      ), r as (
        select pupil_id, sum(possible) as possible, sum(attended) as attended, count(*) as weeks
        from recent where rn <= ${o.weeks} group by pupil_id
      ), b as (
        select w.pupil_id, sum(w.possible) as possible, sum(w.attended) as attended
        from attendance_weeks w
        where w.school_id = ${o.schoolId} and w.week_start >= ${baseline.from}::date and w.week_start <= ${baseline.to}::date
        group by w.pupil_id
      )
      select r.pupil_id, r.possible as recent_possible, r.attended as recent_attended, r.weeks as recent_weeks,
        b.possible as baseline_possible, b.attended as baseline_attended
      from r join b on b.pupil_id = r.pupil_id
      join pupils p on p.id = r.pupil_id and p.school_id = ${o.schoolId} and p.left_on is null
      where r.possible > 0 and b.possible > 0
        and 100.0 * b.attended / b.possible - 100.0 * r.attended / r.possible >= ${o.points} - 0.000001`,
  );
  return rows.map((r) => ({
    pupilId: r.pupil_id,
    kind: 'attendance_drop' as const,
    figures: {
      recentPossible: num(r.recent_possible),
      recentAttended: num(r.recent_attended),
      recentWeeks: num(r.recent_weeks),
      baselinePossible: num(r.baseline_possible),
      baselineAttended: num(r.baseline_attended),
      baselineTerm: baseline.label,
    },
  }));
}

export const attendanceSignals: EarlySignalSource = {
  kinds: ['attendance_drop'],
  async signals(db, o) {
    const rule = o.rules.find((r) => r.kind === 'attendance_drop');
    if (!rule?.enabled || rule.kind !== 'attendance_drop') return [];
    return attendanceDropFigures(db, { schoolId: o.schoolId, today: o.today, ...rule.params });
  },
};
