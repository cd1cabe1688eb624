/**
 * The Signs of Safety ratings over time as a small line chart. The chart is a picture of the table
 * under it, which holds the same numbers for anyone who cannot see it (hidden from sight only).
 */
import { SAFETY_SCALE_MAX, SAFETY_SCALE_MIN } from '@tandem/core';
import { useId } from 'react';
import { formatDate, formatIsoDay } from '../components/dates';

const WIDTH = 420;
const HEIGHT = 240;
const LEFT = 36;
const RIGHT = 20;
const TOP = 24;
const BOTTOM = 44;

/** A rating's date, whether the server sends a day ("2026-11-22") or an instant. */
function dayText(on: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(on) ? formatIsoDay(on) : formatDate(on);
}

/** "3 Mar": enough to tell the points apart under the chart. */
function shortDay(on: string): string {
  return dayText(on).split(' ').slice(0, 2).join(' ');
}

export function SafetyChart({ ratings }: { ratings: readonly { on: string; value: number }[] }) {
  const id = useId();
  if (ratings.length === 0) {
    return <p className="secondary-text">No ratings yet. Each review of the record can add one.</p>;
  }
  const plotW = WIDTH - LEFT - RIGHT;
  const plotH = HEIGHT - TOP - BOTTOM;
  // Points stand clear of the axis, so their labels do not run into the scale's numbers.
  const inset = 28;
  const x = (i: number) =>
    ratings.length === 1 ? LEFT + plotW / 2 : LEFT + inset + (i * (plotW - 2 * inset)) / (ratings.length - 1);
  const y = (v: number) => TOP + plotH - ((v - SAFETY_SCALE_MIN) * plotH) / (SAFETY_SCALE_MAX - SAFETY_SCALE_MIN);
  const points = ratings.map((r, i) => `${x(i).toFixed(1)},${y(r.value).toFixed(1)}`).join(' ');
  const ticks = [0, 2, 4, 6, 8, 10];
  // Dates under the axis: all of them when few, else the first, the last and some between.
  const every = Math.ceil(ratings.length / 6);
  const first = ratings[0];
  const last = ratings[ratings.length - 1];
  const summary =
    first === undefined || last === undefined
      ? ''
      : ratings.length === 1
        ? `Safety scale: one rating, ${String(first.value)} out of 10 on ${dayText(first.on)}. The values are in the table below.`
        : `Safety scale from ${dayText(first.on)} to ${dayText(last.on)}: from ${String(first.value)} to ${String(last.value)} out of 10. The values are in the table below.`;

  return (
    <figure className="safety-chart">
      <svg
        className="safety-chart__svg"
        viewBox={`0 0 ${String(WIDTH)} ${String(HEIGHT)}`}
        role="img"
        aria-labelledby={`${id}-title`}
      >
        <title id={`${id}-title`}>{summary}</title>
        {ticks.map((t) => (
          <g key={t}>
            <line
              className={t === 0 ? 'safety-chart__axis' : 'safety-chart__grid'}
              x1={LEFT}
              x2={WIDTH - RIGHT}
              y1={y(t)}
              y2={y(t)}
            />
            <text className="safety-chart__tick" x={LEFT - 8} y={y(t) + 5} textAnchor="end">
              {t}
            </text>
          </g>
        ))}
        <line className="safety-chart__axis" x1={LEFT} x2={LEFT} y1={TOP} y2={TOP + plotH} />
        {ratings.length > 1 && <polyline className="safety-chart__line" points={points} />}
        {ratings.map((r, i) => (
          <g key={`${r.on}-${String(i)}`}>
            <circle className="safety-chart__point" cx={x(i)} cy={y(r.value)} r={5} />
            <text className="safety-chart__value" x={x(i)} y={y(r.value) - 10} textAnchor="middle">
              {r.value}
            </text>
            {(i % every === 0 || i === ratings.length - 1) && (
              <text className="safety-chart__date" x={x(i)} y={HEIGHT - BOTTOM + 22} textAnchor="middle">
                {shortDay(r.on)}
              </text>
            )}
          </g>
        ))}
      </svg>
      <figcaption className="safety-chart__caption">
        0 means harm is certain; 10 means everyone knows the child is safe enough to close the case.
      </figcaption>
      <table className="visually-hidden">
        <caption>Safety scale ratings, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Rating out of 10</th>
          </tr>
        </thead>
        <tbody>
          {ratings.map((r, i) => (
            <tr key={`${r.on}-${String(i)}`}>
              <td>{dayText(r.on)}</td>
              <td>{r.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
