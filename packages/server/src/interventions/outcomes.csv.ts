/** The lead's outcomes as CSV: one row per intervention and one for the school. */
import type { OutcomesReport } from '@tandem/core';
import { toCsv } from '../http/csv';

const pct = (v: number | null) => (v === null ? null : Math.round(v * 100));

export function outcomesCsv(report: OutcomesReport): string {
  const head = [
    'Intervention',
    'Pupils served this year',
    'Waiting now',
    'Median wait (days)',
    'Longest wait (days, including those still waiting)',
    'Attendance (%)',
    'Before-and-after pairs with a reliable-change figure',
    'Reliable improvement',
    'Reliable improvement (%)',
  ];
  const rows = [...report.rows, report.school].map((r) => [
    r.name,
    r.servedThisYear,
    r.waitingNow,
    r.medianWaitDays,
    r.longestWaitDays,
    pct(r.attendanceRate),
    r.pairs,
    r.reliableImprovement,
    pct(r.improvementShare),
  ]);
  return toCsv(head, rows);
}
