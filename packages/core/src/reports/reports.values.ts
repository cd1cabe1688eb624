/**
 * The enumerated values of reports and dashboards. Each is one array from which its type, its zod
 * schema and its labels derive.
 */

/** The parts of a school's picture, in the order the dashboard shows them. */
export const REPORT_SECTIONS = ['levels', 'concerns', 'interventions', 'referrals', 'overdue'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];
export const REPORT_SECTION_LABELS: Record<ReportSection, string> = {
  levels: 'Levels of need',
  concerns: 'Concerns',
  interventions: 'Interventions',
  referrals: 'Referrals',
  overdue: 'Reviews and actions overdue',
};

/** The characteristics a report may be filtered by or broken down into: those of the pupil list. */
export { CHARACTERISTICS, CHARACTERISTIC_LABELS, type Characteristic } from '../pupils/pupils.values';

/** The periods a report covers: this term, this school year, the term before, or dates chosen. */
export const REPORT_PERIODS = ['this_term', 'last_term', 'this_year', 'custom'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];
export const REPORT_PERIOD_LABELS: Record<ReportPeriod, string> = {
  this_term: 'This term',
  last_term: 'Last term',
  this_year: 'This school year',
  custom: 'Dates I choose',
};

/**
 * What a column of a figure holds. `count` counts pupils, or things about pupils (concerns,
 * places, referrals), so it is what small-number suppression applies to. The others are worked out
 * from a count (their `basis` column): a median or longest time, a share, a rate ratio.
 */
export const FIGURE_UNITS = ['count', 'percent', 'ratio', 'days', 'hours'] as const;
export type FigureUnit = (typeof FIGURE_UNITS)[number];

/** How a figure is drawn beside its table. */
export const CHART_KINDS = ['bar', 'stacked', 'line'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

/** Who a school report is for: the leads (with drill-down) or governors (counts only, small ones hidden). */
export const REPORT_VERSIONS = ['leads', 'governors'] as const;
export type ReportVersion = (typeof REPORT_VERSIONS)[number];
