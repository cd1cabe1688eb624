/**
 * Requests and answers of reports: the school's picture (leads' and governors' versions), the
 * pupils behind a figure, termly reports, and the trust view.
 */
import { z } from 'zod';
import { LEVEL_CODES } from '../levels/levels.values';
import { YEAR_GROUP_MAX, YEAR_GROUP_MIN } from '../pupils/pupils.values';
import { cellValueSchema, figureSchema } from './figure';
import { CHARACTERISTICS } from '../pupils/pupils.values';
import { CHART_KINDS, FIGURE_UNITS, REPORT_PERIODS, REPORT_SECTIONS, REPORT_VERSIONS } from './reports.values';

/** The filters a report is asked with, as query parameters (all optional: this term, everyone). */
export const reportQuery = z.strictObject({
  period: z.enum(REPORT_PERIODS).default('this_term'),
  /** Only with period=custom. */
  from: z.iso.date('Enter the first day as a date, like 2026-09-01').optional(),
  to: z.iso.date('Enter the last day as a date, like 2026-12-31').optional(),
  yearGroup: z.coerce.number().int().min(YEAR_GROUP_MIN).max(YEAR_GROUP_MAX).optional(),
  characteristic: z.enum(CHARACTERISTICS).optional(),
  version: z.enum(REPORT_VERSIONS).default('leads'),
  /** For a CSV: one figure's key; all figures when absent. */
  figure: z.string().max(80).optional(),
});
export type ReportQuery = z.infer<typeof reportQuery>;

/** The pupils behind one number: the figure, the row, and the same filters. */
export const drillQuery = reportQuery.extend({
  figure: z.string().min(1).max(80),
  row: z.string().min(1).max(80),
});
export type DrillQuery = z.infer<typeof drillQuery>;

/** The days and groups a report covers, as resolved on the server. */
export const reportScope = z.object({
  period: z.enum(REPORT_PERIODS),
  from: z.iso.date(),
  to: z.iso.date(),
  /** e.g. "Autumn term 2026 (1 September to 31 December 2026)" */
  label: z.string(),
  yearGroup: z.number().int().nullable(),
  characteristic: z.enum(CHARACTERISTICS).nullable(),
  /** The day "now" figures (levels, waiting now, overdue) are taken on. */
  asOf: z.iso.date(),
});
export type ReportScope = z.infer<typeof reportScope>;

export const schoolReportResponse = z.object({
  school: z.object({ id: z.uuid(), name: z.string() }),
  version: z.enum(REPORT_VERSIONS),
  scope: reportScope,
  generatedAt: z.iso.datetime({ offset: true }),
  /** Whether the viewer may list the pupils behind a figure (leads' version only). */
  mayDrill: z.boolean(),
  figures: z.array(figureSchema),
  /** The year groups the school has, for the filter. */
  yearGroups: z.array(z.number().int()),
});
export type SchoolReportResponse = z.infer<typeof schoolReportResponse>;

export const drillResponse = z.object({
  figure: z.object({ key: z.string(), title: z.string() }),
  row: z.object({ key: z.string(), label: z.string() }),
  scope: reportScope,
  pupils: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      yearGroup: z.number().int(),
      form: z.string(),
      level: z.enum(LEVEL_CODES).nullable(),
    }),
  ),
});
export type DrillResponse = z.infer<typeof drillResponse>;

export const trustFigureColumnSchema = z.object({
  /** "<row key of the school figure>:<column key>", or "total:<column key>". */
  key: z.string(),
  label: z.string(),
  unit: z.enum(FIGURE_UNITS),
  basis: z.string().nullable(),
});
export type TrustFigureColumn = z.infer<typeof trustFigureColumnSchema>;

export const trustFigureRowSchema = z.object({
  /** The school, or null for the trust as a whole (the last row). */
  schoolId: z.uuid().nullable(),
  label: z.string(),
  values: z.array(cellValueSchema),
});
export type TrustFigureRow = z.infer<typeof trustFigureRowSchema>;

export const trustFigureSchema = z.object({
  key: z.string(),
  section: z.enum(REPORT_SECTIONS),
  title: z.string(),
  description: z.string(),
  columns: z.array(trustFigureColumnSchema),
  rows: z.array(trustFigureRowSchema),
  chart: z.object({ kind: z.enum(CHART_KINDS), columns: z.array(z.string()) }).nullable(),
});
export type TrustFigure = z.infer<typeof trustFigureSchema>;

export const trustReportResponse = z.object({
  trust: z.object({ id: z.uuid(), name: z.string() }),
  scope: reportScope,
  generatedAt: z.iso.datetime({ offset: true }),
  schools: z.array(z.object({ id: z.uuid(), name: z.string() })),
  figures: z.array(trustFigureSchema),
  /** The year groups any school of the trust has, for the filter. */
  yearGroups: z.array(z.number().int()),
});
export type TrustReportResponse = z.infer<typeof trustReportResponse>;

export const termlyReportSummary = z.object({
  termKey: z.string(),
  label: z.string(),
  from: z.iso.date(),
  to: z.iso.date(),
  preparedAt: z.iso.datetime({ offset: true }),
});
export type TermlyReportSummary = z.infer<typeof termlyReportSummary>;

export const termlyReportListResponse = z.object({
  reports: z.array(termlyReportSummary),
  /** The term whose report will be prepared next, and on which day. */
  next: z.object({ label: z.string(), preparedOn: z.iso.date() }),
});
export type TermlyReportListResponse = z.infer<typeof termlyReportListResponse>;

export const termlyReportResponse = termlyReportSummary.extend({
  school: z.object({ id: z.uuid(), name: z.string() }),
  version: z.enum(REPORT_VERSIONS),
  figures: z.array(figureSchema),
});
export type TermlyReportResponse = z.infer<typeof termlyReportResponse>;

export const termParams = z.strictObject({
  schoolId: z.uuid(),
  termKey: z.string().regex(/^\d{4}-(autumn|spring|summer)$/, 'Choose a term, like 2026-autumn'),
});
export const termlyReportQuery = z.strictObject({ version: z.enum(REPORT_VERSIONS).default('leads') });
