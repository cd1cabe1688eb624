/** Lines across the rows (months, terms), one per column, for a figure's chart (see FigureChart.tsx). */
import { cellNumber, formatCell } from '@tandem/core';
import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleLinear, scalePoint } from '@visx/scale';
import { Line, LinePath } from '@visx/shape';
import { CHAR, FONT, columnsOf, seriesAt, type ChartSpec } from './chart-common';

/** A marker that differs by shape as well as colour. */
function Marker({ kind, cx, cy, className }: { kind: string; cx: number; cy: number; className: string }) {
  if (kind === 'square') return <rect x={cx - 4} y={cy - 4} width={8} height={8} className={className} />;
  if (kind === 'diamond') {
    return (
      <path d={`M${cx} ${cy - 5.5}L${cx + 5.5} ${cy}L${cx} ${cy + 5.5}L${cx - 5.5} ${cy}Z`} className={className} />
    );
  }
  return <circle cx={cx} cy={cy} r={4.5} className={className} />;
}

/** "September 2026" → "Sep 2026", so that month names fit under the line. */
const shortMonth = (label: string) => label.replace(/^([A-Z][a-z]{2})[a-z]+ (\d{4})$/, '$1 $2');

/** Lines across the rows (months, terms), one per column, with a count axis on the left. */
export function LineChart({
  spec,
  width,
  summary,
  describedBy,
}: {
  spec: ChartSpec;
  width: number;
  summary: string;
  describedBy: string;
}) {
  const drawn = columnsOf(spec);
  const unit = drawn[0]?.column.unit ?? 'count';
  const margin = { top: 12, right: 16, bottom: 40, left: 48 };
  const height = 240;
  const plotWidth = Math.max(60, width - margin.left - margin.right);
  const plotHeight = height - margin.top - margin.bottom;
  const values = spec.rows.flatMap((r) => drawn.map((d) => cellNumber(r.values[d.index]) ?? 0));
  const max = Math.max(unit === 'count' ? 4 : 0.05, ...values);
  const x = scalePoint<string>({ domain: spec.rows.map((r) => r.key), range: [0, plotWidth], padding: 0.4 });
  const y = scaleLinear<number>({ domain: [0, max], range: [plotHeight, 0], nice: true });
  const labels = new Map(spec.rows.map((r) => [r.key, shortMonth(r.label)]));
  const longest = Math.max(...[...labels.values()].map((l) => l.length));
  const every = Math.max(1, Math.ceil((spec.rows.length * (longest * CHAR + 12)) / plotWidth));
  const ticks = spec.rows.filter((_, i) => i % every === 0).map((r) => r.key);
  return (
    <svg
      className="report-chart__svg"
      width={width}
      height={height}
      role="img"
      aria-label={summary}
      aria-describedby={describedBy}
      focusable="false"
    >
      <Group left={margin.left} top={margin.top}>
        {y.ticks(4).map((t) => (
          <Line key={t} from={{ x: 0, y: y(t) }} to={{ x: plotWidth, y: y(t) }} className="report-chart__grid" />
        ))}
        <AxisLeft
          scale={y}
          numTicks={4}
          tickFormat={(v) => formatCell(Number(v), unit === 'count' ? 'count' : unit)}
          tickValues={y.ticks(4).filter((t) => unit !== 'count' || Number.isInteger(t))}
          hideAxisLine
          hideTicks
          tickComponent={({ x: tx, y: ty, formattedValue }) => (
            <text x={tx} y={ty} dy="0.35em" textAnchor="end" fontSize={FONT - 1} className="report-chart__tick">
              {formattedValue}
            </text>
          )}
        />
        <AxisBottom
          top={plotHeight}
          scale={x}
          tickValues={ticks}
          tickFormat={(key) => labels.get(key) ?? key}
          axisLineClassName="report-chart__axis"
          tickClassName="report-chart__axis-tick"
          tickComponent={({ x: tx, y: ty, formattedValue }) => (
            <text x={tx} y={ty} dy="0.6em" textAnchor="middle" fontSize={FONT - 1} className="report-chart__tick">
              {formattedValue}
            </text>
          )}
        />
        {drawn.map((d, i) => {
          // A hidden or empty cell breaks the line rather than joining its neighbours across it.
          const all = spec.rows.map((r) => ({ key: r.key, v: cellNumber(r.values[d.index]) }));
          const points = all.flatMap((p) => (p.v === null ? [] : [{ key: p.key, v: p.v }]));
          const s = seriesAt(i);
          return (
            <Group key={d.column.key}>
              <LinePath
                data={all}
                defined={(p) => p.v !== null}
                x={(p) => x(p.key) ?? 0}
                y={(p) => y(p.v ?? 0)}
                className={`report-chart__line ${s.className}`}
                strokeDasharray={s.dash}
              />
              {points.map((p) => (
                <Marker
                  key={p.key}
                  kind={s.marker}
                  cx={x(p.key) ?? 0}
                  cy={y(p.v)}
                  className={`report-chart__marker ${s.className}`}
                />
              ))}
            </Group>
          );
        })}
      </Group>
    </svg>
  );
}
