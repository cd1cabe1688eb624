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
import { cellNumber, formatCell, type CellValue, type ChartKind, type FigureUnit } from '@tandem/core';
import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear, scalePoint } from '@visx/scale';
import { Bar, Line, LinePath } from '@visx/shape';
import { useLayoutEffect, useRef, useState } from 'react';

export interface ChartColumn {
  key: string;
  label: string;
  unit: FigureUnit;
}

export interface ChartRow {
  key: string;
  label: string;
  values: readonly CellValue[];
  /** Words that make the row stand out, or null. */
  highlight?: string | null;
}

export interface ChartSpec {
  kind: ChartKind;
  /** The keys of the columns drawn. */
  draw: readonly string[];
  columns: readonly ChartColumn[];
  rows: readonly ChartRow[];
  /** A row drawn as a dashed line across the bars (the whole school's rate), or null. */
  reference: ChartRow | null;
  /** What the rows are, in the chart's name: "year group", "school". */
  rowsAre: string;
  /** The columns are names (schools): keep their capitals in the chart's name. */
  columnsAreNames?: boolean;
}

/** Series: colour, and the dash and marker that tell them apart without colour. */
const SERIES = [
  { className: 'report-chart__series--1', dash: undefined, marker: 'circle' },
  { className: 'report-chart__series--2', dash: '7 4', marker: 'square' },
  { className: 'report-chart__series--3', dash: '2 3', marker: 'diamond' },
  { className: 'report-chart__series--4', dash: '10 3 2 3', marker: 'circle' },
  { className: 'report-chart__series--5', dash: '4 4', marker: 'square' },
  { className: 'report-chart__series--6', dash: '1 3', marker: 'diamond' },
] as const;
const seriesAt = (i: number) => SERIES[i % SERIES.length] ?? SERIES[0];

const FONT = 14;
/** Roughly how wide a character of the chart's text is, to shorten labels that would not fit. */
const CHAR = 7.6;

function shorten(text: string, width: number): string {
  const max = Math.max(4, Math.floor(width / CHAR));
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

const isHidden = (v: CellValue | undefined) => v !== undefined && v !== null && typeof v !== 'number';

/** The width the chart has, followed as the window changes. */
function useWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el === null) return;
    setWidth(el.clientWidth);
    const observer = new ResizeObserver(() => {
      setWidth(el.clientWidth);
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
    };
  }, []);
  return { ref, width };
}

function columnsOf(spec: ChartSpec): { column: ChartColumn; index: number }[] {
  return spec.draw.flatMap((key) => {
    const index = spec.columns.findIndex((c) => c.key === key);
    const column = spec.columns[index];
    return column === undefined ? [] : [{ column, index }];
  });
}

const lower = (s: string) => (/^[A-Z][a-z]/.test(s) ? `${s[0]?.toLowerCase() ?? ''}${s.slice(1)}` : s);

/** The chart's name: what it draws, by what, and the largest value. */
export function chartSummary(spec: ChartSpec, title: string): string {
  const drawn = columnsOf(spec);
  const names = drawn.map((d) => (spec.columnsAreNames === true ? d.column.label : lower(d.column.label)));
  const what =
    spec.kind === 'line'
      ? `Line chart of ${names.join(' and ')}, by ${spec.rowsAre}`
      : spec.kind === 'stacked'
        ? `Stacked bar chart of ${names.join(', ')}, for each ${spec.rowsAre}`
        : `Bar chart of ${names[0] ?? ''}, for each ${spec.rowsAre}`;
  const first = drawn[0];
  let top = '';
  if (first !== undefined && spec.kind === 'bar') {
    let best: ChartRow | null = null;
    let bestValue = -Infinity;
    for (const r of spec.rows) {
      const v = cellNumber(r.values[first.index]);
      if (v !== null && v > bestValue) {
        best = r;
        bestValue = v;
      }
    }
    if (best !== null) top = ` Highest: ${best.label}, ${formatCell(bestValue, first.column.unit)}.`;
  }
  const ref =
    spec.reference !== null && first !== undefined && cellNumber(spec.reference.values[first.index]) !== null
      ? ` Dashed line: ${spec.reference.label}, ${formatCell(spec.reference.values[first.index], first.column.unit)}.`
      : '';
  return `${title}. ${what}.${top}${ref} The table below gives every number.`;
}

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

/** Bars across, one row each: the label above the bar on a phone, beside it on wider screens. */
function BarChart({
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
  const drawn = spec.kind === 'stacked' ? columnsOf(spec) : columnsOf(spec).slice(0, 1);
  const unit = drawn[0]?.column.unit ?? 'count';
  const narrow = width < 520;
  const labelWidth = narrow ? 0 : Math.min(230, Math.round(width * 0.34));
  const someHidden = spec.rows.some((r) => drawn.some((d) => isHidden(r.values[d.index])));
  const valueWidth = spec.kind === 'stacked' ? (someHidden ? 120 : 56) : 110;
  const rowHeight = narrow ? 48 : 34;
  const barHeight = 22;
  const plotWidth = Math.max(40, width - labelWidth - valueWidth - 8);
  const totalOf = (r: ChartRow) => drawn.reduce((sum, d) => sum + (cellNumber(r.values[d.index]) ?? 0), 0);
  const referenceValue =
    spec.reference === null || drawn[0] === undefined ? null : cellNumber(spec.reference.values[drawn[0].index]);
  const max = Math.max(
    unit === 'percent' ? 0.05 : 1,
    referenceValue ?? 0,
    ...spec.rows.map((r) => (spec.kind === 'stacked' ? totalOf(r) : (cellNumber(r.values[drawn[0]?.index ?? 0]) ?? 0))),
  );
  const x = scaleLinear<number>({ domain: [0, max], range: [0, plotWidth], nice: true });
  const y = scaleBand<string>({ domain: spec.rows.map((r) => r.key), range: [0, spec.rows.length * rowHeight] });
  const height = spec.rows.length * rowHeight + 6;
  const barTop = narrow ? 22 : (rowHeight - barHeight) / 2;
  const valueWords = (r: ChartRow) =>
    drawn[0] === undefined ? '' : formatCell(r.values[drawn[0].index], drawn[0].column.unit);
  // A bar's number goes after its end, or after the dashed line when the line would cross it.
  const valueAt = (end: number, words: string) => {
    const at = end + 6;
    if (referenceValue === null || spec.kind !== 'bar') return at;
    const line = x(referenceValue);
    return line >= at - 3 && line <= at + words.length * CHAR + 3 ? line + 6 : at;
  };
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
      <Group top={2} left={labelWidth}>
        {spec.rows.map((r) => {
          const top = y(r.key) ?? 0;
          const marked = (r.highlight ?? null) !== null;
          const label = `${marked ? '▲ ' : ''}${r.label}`;
          let start = 0;
          return (
            <Group key={r.key} top={top}>
              <text
                x={narrow ? 0 : -8}
                y={narrow ? 15 : barTop + barHeight / 2}
                dy={narrow ? 0 : '0.35em'}
                textAnchor={narrow ? 'start' : 'end'}
                fontSize={FONT}
                className={marked ? 'report-chart__label report-chart__label--marked' : 'report-chart__label'}
              >
                {shorten(label, narrow ? width : labelWidth - 8)}
              </text>
              <Bar x={0} y={barTop} width={plotWidth} height={barHeight} className="report-chart__track" />
              {drawn.map((d, i) => {
                const v = cellNumber(r.values[d.index]);
                const w = v === null ? 0 : x(v);
                const left = start;
                start += w;
                const words = formatCell(r.values[d.index], d.column.unit);
                return (
                  <Group key={d.column.key}>
                    {w > 0 && (
                      <Bar
                        x={left}
                        y={barTop}
                        width={w}
                        height={barHeight}
                        className={
                          spec.kind === 'stacked'
                            ? `report-chart__segment ${seriesAt(i).className}`
                            : marked
                              ? 'report-chart__bar report-chart__bar--marked'
                              : 'report-chart__bar'
                        }
                      />
                    )}
                    {spec.kind === 'stacked' && w >= words.length * CHAR + 6 && (
                      <text
                        x={left + w / 2}
                        y={barTop + barHeight / 2}
                        dy="0.35em"
                        textAnchor="middle"
                        fontSize={FONT - 1}
                        className="report-chart__inside"
                      >
                        {words}
                      </text>
                    )}
                  </Group>
                );
              })}
              {spec.kind === 'bar' && drawn[0] !== undefined && (
                <text
                  x={valueAt(x(cellNumber(r.values[drawn[0].index]) ?? 0), valueWords(r))}
                  y={barTop + barHeight / 2}
                  dy="0.35em"
                  fontSize={FONT}
                  className="report-chart__value"
                >
                  {valueWords(r)}
                </text>
              )}
              {spec.kind === 'stacked' && (
                <text
                  x={start + 6}
                  y={barTop + barHeight / 2}
                  dy="0.35em"
                  fontSize={FONT}
                  className="report-chart__value"
                >
                  {drawn.some((d) => isHidden(r.values[d.index])) ? 'some not shown' : formatCell(totalOf(r), 'count')}
                </text>
              )}
            </Group>
          );
        })}
        {referenceValue !== null &&
          spec.kind === 'bar' &&
          // Across every bar; on a phone only across the bars, not the labels above them.
          (narrow ? (
            spec.rows.map((r) => (
              <Line
                key={r.key}
                from={{ x: x(referenceValue), y: (y(r.key) ?? 0) + barTop - 3 }}
                to={{ x: x(referenceValue), y: (y(r.key) ?? 0) + barTop + barHeight + 3 }}
                className="report-chart__reference"
              />
            ))
          ) : (
            <Line
              from={{ x: x(referenceValue), y: 0 }}
              to={{ x: x(referenceValue), y: height - 4 }}
              className="report-chart__reference"
            />
          ))}
      </Group>
    </svg>
  );
}

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
function LineChart({
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
