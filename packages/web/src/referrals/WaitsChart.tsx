/**
 * Median waits by service, one bar each, with the standard drawn across every bar as a dashed line.
 * Each bar's number is written beside it and the line is named in the legend, so the chart reads
 * the same without the picture; the table above holds the same numbers (aria-describedby).
 */
import type { ReferralWaits } from '@tandem/core';
import { daysWords, standardWords } from './referralsApi';

type Row = ReferralWaits['rows'][number];

function medianWords(r: Row, standard: number): string {
  if (r.medianWaitDays === null) return 'No waits yet';
  const over = r.medianWaitDays > standard ? ', over the standard' : '';
  return `Median ${daysWords(Math.round(r.medianWaitDays))}${over}`;
}

export function WaitsChart({
  rows,
  standardDays,
  describedBy,
}: {
  rows: readonly Row[];
  standardDays: number;
  describedBy: string;
}) {
  if (rows.length === 0) return null;
  const scale = Math.max(standardDays, ...rows.map((r) => r.medianWaitDays ?? 0)) * 1.15;
  const at = (days: number) => (Math.max(0, days) / scale) * 100;
  return (
    <figure className="waits-chart" aria-labelledby="waits-chart-title" aria-describedby={describedBy}>
      <figcaption id="waits-chart-title" className="heading-s">
        Median wait from sent to first appointment, by service
      </figcaption>
      <p className="waits-chart__legend">
        <svg className="waits-chart__key" viewBox="0 0 24 10" aria-hidden="true" focusable="false">
          <line x1="0" y1="5" x2="24" y2="5" className="waits-chart__standard" />
        </svg>
        Dashed line: the standard, {standardWords(standardDays)} ({daysWords(standardDays)})
      </p>
      <ul className="waits-chart__list">
        {rows.map((r) => (
          <li key={r.service ?? 'school'} className="waits-chart__row">
            <span className="waits-chart__name">{r.name}</span>
            <svg
              className="waits-chart__bar"
              viewBox="0 0 100 10"
              preserveAspectRatio="none"
              aria-hidden="true"
              focusable="false"
            >
              <rect x="0" y="0" width="100" height="10" className="waits-chart__track" />
              <rect
                x="0"
                y="1.5"
                width={at(r.medianWaitDays ?? 0)}
                height="7"
                className={
                  (r.medianWaitDays ?? 0) > standardDays
                    ? 'waits-chart__fill waits-chart__fill--over'
                    : 'waits-chart__fill'
                }
              />
              <line
                x1={at(standardDays)}
                y1="0"
                x2={at(standardDays)}
                y2="10"
                className="waits-chart__standard"
                vectorEffect="non-scaling-stroke"
              />
            </svg>
            <span className="waits-chart__value">{medianWords(r, standardDays)}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
