/**
 * A pupil's weekly attendance as a line (the reports' visx line chart). Loaded on demand, so visx
 * stays out of the main bundle; the table beside it holds every number.
 */
import type { AttendanceWeek } from '@tandem/core';
import { formatIsoDay } from '../components/dates';
import { chartSummary, FigureChart, type ChartSpec } from '../reports/FigureChart';
import '../reports/reports.css';

export default function AttendanceChart({
  weeks,
  pupilName,
  describedBy,
}: {
  /** Newest first, as the answer gives them. */
  weeks: readonly AttendanceWeek[];
  pupilName: string;
  describedBy: string;
}) {
  const spec: ChartSpec = {
    kind: 'line',
    draw: ['percent'],
    columns: [{ key: 'percent', label: 'Attendance', unit: 'percent' }],
    rows: [...weeks].reverse().map((w) => ({
      key: w.weekStart,
      label: formatIsoDay(w.weekStart).replace(/ \d{4}$/, ''),
      values: [w.percent === null ? null : w.percent / 100],
    })),
    reference: null,
    rowsAre: 'week',
  };
  const title = `${pupilName}’s attendance each week`;
  return (
    <figure className="attendance-chart">
      <FigureChart spec={spec} title={title} describedBy={describedBy} />
      <figcaption className="visually-hidden">{chartSummary(spec, title)}</figcaption>
    </figure>
  );
}
