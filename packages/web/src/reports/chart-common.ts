/**
 * What the report charts share: the chart's input (a figure's rows and columns as drawn), the
 * series' colours and patterns, the width a chart is drawn at, and the words that name a chart.
 */
import { cellNumber, formatCell, type CellValue, type ChartKind, type FigureUnit } from '@tandem/core';
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
export const SERIES = [
  { className: 'report-chart__series--1', dash: undefined, marker: 'circle' },
  { className: 'report-chart__series--2', dash: '7 4', marker: 'square' },
  { className: 'report-chart__series--3', dash: '2 3', marker: 'diamond' },
  { className: 'report-chart__series--4', dash: '10 3 2 3', marker: 'circle' },
  { className: 'report-chart__series--5', dash: '4 4', marker: 'square' },
  { className: 'report-chart__series--6', dash: '1 3', marker: 'diamond' },
] as const;
export const seriesAt = (i: number) => SERIES[i % SERIES.length] ?? SERIES[0];

export const FONT = 14;
/** Roughly how wide a character of the chart's text is, to shorten labels that would not fit. */
export const CHAR = 7.6;

export function shorten(text: string, width: number): string {
  const max = Math.max(4, Math.floor(width / CHAR));
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

export const isHidden = (v: CellValue | undefined) => v !== undefined && v !== null && typeof v !== 'number';

/** The width the chart has, followed as the window changes. */
export function useWidth() {
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

export function columnsOf(spec: ChartSpec): { column: ChartColumn; index: number }[] {
  return spec.draw.flatMap((key) => {
    const index = spec.columns.findIndex((c) => c.key === key);
    const column = spec.columns[index];
    return column === undefined ? [] : [{ column, index }];
  });
}

export const lower = (s: string) => (/^[A-Z][a-z]/.test(s) ? `${s[0]?.toLowerCase() ?? ''}${s.slice(1)}` : s);

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
