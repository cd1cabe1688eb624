/**
 * The share of pupils with a reliable improvement, one bar per intervention. Each bar is drawn in
 * SVG beside its name and its number in words, so the chart reads the same without the picture;
 * the table above it holds the same numbers (aria-describedby points to it).
 */
import type { OutcomesReport } from '@tandem/core';

type Row = OutcomesReport['rows'][number];

/** "40% (2 of 5 pairs)", or why there is no share. */
export function improvementWords(r: Row): string {
  if (r.improvementShare === null || r.pairs === 0) return 'No before-and-after pairs yet';
  return `${String(Math.round(r.improvementShare * 100))}% (${String(r.reliableImprovement)} of ${String(r.pairs)} pairs)`;
}

export function OutcomesChart({ rows, describedBy }: { rows: readonly Row[]; describedBy: string }) {
  if (rows.length === 0) return null;
  return (
    <figure className="outcomes-chart" aria-labelledby="outcomes-chart-title" aria-describedby={describedBy}>
      <figcaption id="outcomes-chart-title" className="heading-s">
        Share of pupils with a reliable improvement, by intervention
      </figcaption>
      <ul className="outcomes-chart__list">
        {rows.map((r) => {
          const share = r.improvementShare ?? 0;
          return (
            <li key={r.interventionId ?? r.name} className="outcomes-chart__row">
              <span className="outcomes-chart__name">{r.name}</span>
              <svg
                className="outcomes-chart__bar"
                viewBox="0 0 100 10"
                preserveAspectRatio="none"
                aria-hidden="true"
                focusable="false"
              >
                <rect x="0" y="0" width="100" height="10" className="outcomes-chart__track" />
                <rect
                  x="0"
                  y="0"
                  width={Math.max(0, Math.min(1, share)) * 100}
                  height="10"
                  className="outcomes-chart__fill"
                />
              </svg>
              <span className="outcomes-chart__value">{improvementWords(r)}</span>
            </li>
          );
        })}
      </ul>
      <p className="secondary-text">
        Counted only for measures with a reliable-change threshold. Where a measure has none, its pairs are not in these
        numbers.
      </p>
    </figure>
  );
}
