/**
 * A figure on a report: a small table (rows of categories, columns of measures) with the chart to
 * draw beside it. Every feature's report source returns its figures in this one shape, so the
 * dashboard, the CSV, the governors' PDF, the termly report and the trust view handle them alike.
 *
 * A cell is a number, null (nothing to show: no pupils, so no median), or hidden by the
 * small-number rule (suppress.ts). Figures leave a source with numbers and nulls only; only
 * suppress.ts hides cells.
 */
import { z } from 'zod';
import { CHART_KINDS, FIGURE_UNITS, REPORT_SECTIONS, type FigureUnit } from './reports.values';

export const hiddenCellSchema = z.object({ hidden: z.enum(['small', 'complementary']) });
export const cellValueSchema = z.union([z.number(), z.null(), hiddenCellSchema]);
export type CellValue = z.infer<typeof cellValueSchema>;

export const figureColumnSchema = z.object({
  key: z.string(),
  label: z.string(),
  unit: z.enum(FIGURE_UNITS),
  /**
   * For a worked-out column (percent, ratio, days, hours): the count column of the same row it is
   * worked out from (the pupils a rate is of, the waits a median is of). Hidden when that is hidden.
   */
  basis: z.string().nullable(),
});
export type FigureColumn = z.infer<typeof figureColumnSchema>;

export const figureRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  values: z.array(cellValueSchema),
  /** Words that make the row stand out (a group over-represented at MH3 and above), or null. */
  highlight: z.string().nullable(),
});
export type FigureRow = z.infer<typeof figureRowSchema>;

export const figureSchema = z.object({
  /** Unique across every source, e.g. "levels.now", "concerns.warningSigns". */
  key: z.string(),
  section: z.enum(REPORT_SECTIONS),
  title: z.string(),
  /** One sentence: what is counted, over which days (e.g. "Pupils on roll on 6 December 2026."). */
  description: z.string(),
  /** The heading of the rows' label column, e.g. "Level", "Year group". */
  rowHeading: z.string(),
  columns: z.array(figureColumnSchema),
  rows: z.array(figureRowSchema),
  /** The whole school (or trust) row, or null when the rows do not add up to one. */
  total: figureRowSchema.nullable(),
  /** Whether each count column of the rows adds up to the total's (the rows share out one group). */
  partition: z.boolean(),
  chart: z.object({ kind: z.enum(CHART_KINDS), columns: z.array(z.string()) }).nullable(),
  /** The count column whose pupils a lead may list from a row (drill down), or null for none. */
  drillColumn: z.string().nullable(),
  /**
   * Whether the row labels are words staff typed (the reasons a service gave for declining): such
   * a figure is left out of the governors' version, as typed words may name someone.
   */
  freeTextRows: z.boolean().optional(),
  /** The columns the trust view shows for each school (and the trust), or null: not in the trust view. */
  trustColumns: z.array(z.string()).nullable(),
});
export type Figure = z.infer<typeof figureSchema>;

/** The index of a column by key; throws for a key the figure lacks (a programming error). */
export function columnIndex(figure: Pick<Figure, 'columns' | 'key'>, key: string): number {
  const i = figure.columns.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`figure ${figure.key} has no column ${key}`);
  return i;
}

/** A cell's number, or null when it is empty or hidden. */
export function cellNumber(v: CellValue | undefined): number | null {
  return typeof v === 'number' ? v : null;
}

/** "Fewer than 5" words for a hidden cell; a number in British style with its unit. */
export function formatCell(v: CellValue | undefined, unit: FigureUnit): string {
  if (v === undefined || v === null) return '–';
  if (typeof v !== 'number') return v.hidden === 'small' ? 'fewer than 5' : 'hidden';
  switch (unit) {
    case 'count':
      return v.toLocaleString('en-GB');
    case 'percent':
      return `${(Math.round(v * 1000) / 10).toLocaleString('en-GB')}%`;
    case 'ratio':
      return `${(Math.round(v * 100) / 100).toLocaleString('en-GB')}×`;
    case 'days':
      return `${Math.round(v * 10) / 10} ${v === 1 ? 'day' : 'days'}`;
    case 'hours':
      return `${Math.round(v * 10) / 10} ${v === 1 ? 'hour' : 'hours'}`;
  }
}

/** The value as a CSV field: hidden cells say so in words, empty ones are blank. */
export function csvCell(v: CellValue | undefined, unit: FigureUnit): string {
  if (v === undefined || v === null) return '';
  if (typeof v !== 'number') return v.hidden === 'small' ? 'fewer than 5' : 'hidden';
  if (unit === 'percent') return String(Math.round(v * 1000) / 10);
  if (unit === 'count') return String(v);
  return String(Math.round(v * 100) / 100);
}
