/**
 * Addresses, filters and small words shared by the report pages: the school's picture, the pupils
 * behind a number, termly reports and the trust view. The filters live in the page's address, so
 * that a view can be shared and reloaded; the API takes the same query.
 */
import {
  CHARACTERISTICS,
  CHARACTERISTIC_LABELS,
  REPORT_PERIODS,
  REPORT_VERSIONS,
  YEAR_GROUP_MAX,
  YEAR_GROUP_MIN,
  yearGroupLabel,
  type Characteristic,
  type ReportPeriod,
  type ReportScope,
  type ReportVersion,
} from '@tandem/core';
import { enc, withQuery } from '../api/client';
import { schoolCan, trustCan, type SessionSchool, type SessionTrust } from '../auth/session';
import { isOneOf } from '../components/format';
import { schoolApi, schoolPage } from '../pupils/pupilsApi';

export interface ReportFilters {
  period: ReportPeriod;
  /** ISO days, only with period "custom" (or what was typed, in the form). */
  from: string;
  to: string;
  yearGroup: number | null;
  characteristic: Characteristic | null;
  version: ReportVersion;
}

export const DEFAULT_FILTERS: ReportFilters = {
  period: 'this_term',
  from: '',
  to: '',
  yearGroup: null,
  characteristic: null,
  version: 'leads',
};

/** The filters a page's address holds; anything unknown falls back to the default. */
export function readFilters(params: URLSearchParams): ReportFilters {
  const period = params.get('period');
  const version = params.get('version');
  const characteristic = params.get('characteristic');
  const year = params.get('yearGroup');
  const yearGroup = year !== null && /^-?\d{1,2}$/.test(year) ? Number(year) : null;
  const custom = period === 'custom';
  return {
    period: isOneOf(REPORT_PERIODS, period) ? period : 'this_term',
    from: custom ? (params.get('from') ?? '') : '',
    to: custom ? (params.get('to') ?? '') : '',
    yearGroup: yearGroup !== null && yearGroup >= YEAR_GROUP_MIN && yearGroup <= YEAR_GROUP_MAX ? yearGroup : null,
    characteristic: isOneOf(CHARACTERISTICS, characteristic) ? characteristic : null,
    version: isOneOf(REPORT_VERSIONS, version) ? version : 'leads',
  };
}

/** The query for the filters, leaving out the defaults (so a plain address means "this term, everyone"). */
export function filtersQuery(
  f: ReportFilters,
  { version = true }: { version?: boolean } = {},
): Record<string, string | number | undefined> {
  return {
    period: f.period === 'this_term' ? undefined : f.period,
    from: f.period === 'custom' ? f.from : undefined,
    to: f.period === 'custom' ? f.to : undefined,
    yearGroup: f.yearGroup ?? undefined,
    characteristic: f.characteristic ?? undefined,
    version: version && f.version !== 'leads' ? f.version : undefined,
  };
}

/** Whether any pupil filter is set (year group or characteristic). */
export const hasPupilFilter = (f: ReportFilters) => f.yearGroup !== null || f.characteristic !== null;

// The school's picture.
export const schoolReportsApi = (schoolId: string) => `${schoolApi(schoolId)}/reports`;
export const schoolReportApi = (schoolId: string, f: ReportFilters) =>
  withQuery(schoolReportsApi(schoolId), filtersQuery(f));
export const schoolCsvApi = (schoolId: string, f: ReportFilters, figure?: string) =>
  withQuery(`${schoolReportsApi(schoolId)}.csv`, { ...filtersQuery(f), figure });
export const schoolPdfApi = (schoolId: string, f: ReportFilters) =>
  withQuery(`${schoolReportsApi(schoolId)}.pdf`, filtersQuery({ ...f, version: 'governors' }, { version: false }));
export const drillApi = (schoolId: string, f: ReportFilters, figure: string, row: string) =>
  withQuery(`${schoolReportsApi(schoolId)}/drill`, { ...filtersQuery(f), figure, row });
export const termlyListApi = (schoolId: string) => `${schoolReportsApi(schoolId)}/termly`;
export const termlyApi = (schoolId: string, termKey: string, version: ReportVersion) =>
  withQuery(`${termlyListApi(schoolId)}/${enc(termKey)}`, { version: version === 'leads' ? undefined : version });
export const termlyPdfApi = (schoolId: string, termKey: string) => `${termlyListApi(schoolId)}/${enc(termKey)}/pdf`;

// The trust view.
export const trustReportsApi = (trustId: string) => `/api/trusts/${enc(trustId)}/reports`;
export const trustReportApi = (trustId: string, f: ReportFilters) =>
  withQuery(trustReportsApi(trustId), filtersQuery(f, { version: false }));
export const trustCsvApi = (trustId: string, f: ReportFilters, figure?: string) =>
  withQuery(`${trustReportsApi(trustId)}.csv`, { ...filtersQuery(f, { version: false }), figure });

// Pages.
export const reportsPage = (schoolId: string, f?: ReportFilters) =>
  withQuery(`${schoolPage(schoolId)}/reports`, f === undefined ? {} : filtersQuery(f));
export const drillPage = (schoolId: string, f: ReportFilters, figure: string, row: string) =>
  withQuery(`${schoolPage(schoolId)}/reports/pupils`, { ...filtersQuery(f), figure, row });
export const termlyListPage = (schoolId: string) => `${schoolPage(schoolId)}/reports/termly`;
export const termlyPage = (schoolId: string, termKey: string, version: ReportVersion = 'leads') =>
  withQuery(`${termlyListPage(schoolId)}/${encodeURIComponent(termKey)}`, {
    version: version === 'leads' ? undefined : version,
  });
export const trustReportsPage = (trustId: string) => `/trusts/${encodeURIComponent(trustId)}/reports`;

/** The headteacher and the Senior Mental Health Lead (the server decides; this only hides the way in). */
export const mayViewSchoolReports = (school: SessionSchool | undefined) => schoolCan(school, 'reports.viewSchool');
/** The trust lead and the trust administrator. */
export const mayViewTrustReports = (trust: SessionTrust | undefined) => trustCan(trust, 'trust.viewReports');

/** "Year 9, pupil premium": who the figures are about, in words; "All pupils" without filters. */
export function pupilsInWords(scope: Pick<ReportScope, 'yearGroup' | 'characteristic'>): string {
  const parts = [
    scope.yearGroup === null ? null : yearGroupLabel(scope.yearGroup),
    scope.characteristic === null ? null : CHARACTERISTIC_LABELS[scope.characteristic],
  ].filter((p): p is string => p !== null);
  return parts.length === 0 ? 'All pupils' : parts.join(', ');
}

/** A file name for a download: "pupils-by-level.csv". */
export function fileSlug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'report'
  );
}
