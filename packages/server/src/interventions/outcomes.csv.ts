/** The lead's outcomes as CSV: one row per intervention and one for the school. */
import type { OutcomesReport } from '@tandem/core';

const cell = (v: string | number | null): string => {
  if (v === null) return '';
  const s = String(v);
  // A cell a spreadsheet could run as a formula is written as text.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};
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
  return `${[head, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
