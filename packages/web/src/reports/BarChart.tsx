/** Bars across, one per row, or stacked bars, for a figure's chart (see FigureChart.tsx). */
import { cellNumber, formatCell } from '@tandem/core';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar, Line } from '@visx/shape';
import { CHAR, FONT, columnsOf, isHidden, seriesAt, shorten, type ChartRow, type ChartSpec } from './chart-common';

/** Bars across, one row each: the label above the bar on a phone, beside it on wider screens. */
export function BarChart({
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
