/**
 * Reports as CSV: one figure as its table (a row per category, a column per measure, the total
 * last), or every figure in one long table (section, figure, row, column, value). Hidden cells say
 * "fewer than 5" or "hidden"; shares are percentages. Trust tables come already suppressed.
 */
import {
  csvCell as figureValue,
  REPORT_SECTION_LABELS,
  type Figure,
  type ReportScope,
  type TrustFigure,
} from '@tandem/core';
import { toCsv } from '../http/csv';

function unitWords(unit: string): string {
  return unit === 'percent' ? ' (%)' : unit === 'days' ? ' (days)' : unit === 'hours' ? ' (hours)' : '';
}

export function figureCsv(f: Figure): string {
  const header = [f.rowHeading, ...f.columns.map((c) => `${c.label}${unitWords(c.unit)}`)];
  const rows = [...f.rows, ...(f.total ? [f.total] : [])].map((r) => [
    r.label,
    ...f.columns.map((c, i) => figureValue(r.values[i], c.unit)),
  ]);
  return toCsv(header, rows);
}

export function figuresCsv(figures: readonly Figure[], scope: ReportScope): string {
  const rows = figures.flatMap((f) =>
    [...f.rows, ...(f.total ? [f.total] : [])].flatMap((r) =>
      f.columns.map((c, i) => [
        REPORT_SECTION_LABELS[f.section],
        f.title,
        r.label,
        `${c.label}${unitWords(c.unit)}`,
        figureValue(r.values[i], c.unit),
        scope.from,
        scope.to,
      ]),
    ),
  );
  return toCsv(['Section', 'Figure', 'Row', 'Column', 'Value', 'From', 'To'], rows);
}

export function trustFigureCsv(f: TrustFigure): string {
  const header = ['School', ...f.columns.map((c) => `${c.label}${unitWords(c.unit)}`)];
  return toCsv(
    header,
    f.rows.map((r) => [r.label, ...f.columns.map((c, i) => figureValue(r.values[i], c.unit))]),
  );
}

export function trustFiguresCsv(figures: readonly TrustFigure[], scope: ReportScope): string {
  const rows = figures.flatMap((f) =>
    f.rows.flatMap((r) =>
      f.columns.map((c, i) => [
        REPORT_SECTION_LABELS[f.section],
        f.title,
        r.label,
        `${c.label}${unitWords(c.unit)}`,
        figureValue(r.values[i], c.unit),
        scope.from,
        scope.to,
      ]),
    ),
  );
  return toCsv(['Section', 'Figure', 'School', 'Column', 'Value', 'From', 'To'], rows);
}

/** A file name for a report download: letters, digits and hyphens only. */
export function reportFileName(parts: readonly string[], ext: 'csv' | 'pdf'): string {
  const slug = parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug || 'report'}.${ext}`;
}
