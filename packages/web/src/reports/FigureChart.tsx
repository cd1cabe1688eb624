/**
 * A figure's chart, drawn with visx as SVG at the width it is given: bars (one per row), stacked
 * bars (several columns per row) or lines (rows along the bottom, one line per column).
 *
 * The chart is a picture of the table beneath it, never the only place a number is: the SVG is one
 * image whose name says what it shows and what stands out, and it points to the table
 * (aria-describedby). Each bar carries its number in words; series differ by pattern and marker as
 * well as colour; a hidden cell draws no bar and says "fewer than 5".
 *
 * Only report pages import this file (and so visx), and they are loaded on demand.
 */
import { cellNumber, formatCell } from '@tandem/core';
import { BarChart } from './BarChart';
import { chartSummary, columnsOf, seriesAt, useWidth, type ChartSpec } from './chart-common';
import { LineChart } from './LineChart';

export { chartSummary, type ChartColumn, type ChartRow, type ChartSpec } from './chart-common';

export function FigureChart({ spec, title, describedBy }: { spec: ChartSpec; title: string; describedBy: string }) {
  const { ref, width } = useWidth();
  const drawn = columnsOf(spec);
  if (drawn.length === 0 || spec.rows.length === 0) return null;
  const summary = chartSummary(spec, title);
  return (
    <div className="report-chart" ref={ref}>
      {width > 0 &&
        (spec.kind === 'line' ? (
          <LineChart spec={spec} width={width} summary={summary} describedBy={describedBy} />
        ) : (
          <BarChart spec={spec} width={width} summary={summary} describedBy={describedBy} />
        ))}
      <Legend spec={spec} />
    </div>
  );
}

/** Which colour and line is which series, and what the dashed line and the marker mean. */
function Legend({ spec }: { spec: ChartSpec }) {
  const drawn = columnsOf(spec);
  const first = drawn[0];
  const reference =
    spec.kind !== 'line' && spec.reference !== null && first !== undefined
      ? cellNumber(spec.reference.values[first.index])
      : null;
  const highlighted = spec.kind === 'bar' && spec.rows.some((r) => (r.highlight ?? null) !== null);
  const series = spec.kind === 'bar' ? [] : drawn;
  if (series.length === 0 && reference === null && !highlighted) return null;
  return (
    <ul className="report-chart__legend" aria-hidden="true">
      {series.map((d, i) => (
        <li key={d.column.key}>
          <svg className="report-chart__key" viewBox="0 0 28 12" focusable="false">
            {spec.kind === 'line' ? (
              <line x1="0" y1="6" x2="28" y2="6" className={seriesAt(i).className} strokeDasharray={seriesAt(i).dash} />
            ) : (
              <rect x="0" y="0" width="28" height="12" className={seriesAt(i).className} />
            )}
          </svg>
          {d.column.label}
        </li>
      ))}
      {reference !== null && first !== undefined && spec.reference !== null && (
        <li>
          <svg className="report-chart__key" viewBox="0 0 28 12" focusable="false">
            <line x1="0" y1="6" x2="28" y2="6" className="report-chart__reference" />
          </svg>
          {spec.reference.label}: {formatCell(reference, first.column.unit)}
        </li>
      )}
      {highlighted && (
        <li>
          <span className="report-chart__mark">▲</span> Stands out: see the table
        </li>
      )}
    </ul>
  );
}
