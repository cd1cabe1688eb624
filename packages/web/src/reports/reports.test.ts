import { describe, expect, test } from 'vitest';
import { chartSummary, type ChartSpec } from './FigureChart';
import { drillPage, filtersQuery, readFilters, reportsPage, schoolPdfApi, trustReportApi } from './reportsApi';

const SCHOOL = '00000000-0000-4000-8000-000000000001';

describe('report filters in the address', () => {
  test('a plain address is this term, everyone, the leads’ version', () => {
    expect(readFilters(new URLSearchParams(''))).toEqual({
      period: 'this_term',
      from: '',
      to: '',
      yearGroup: null,
      characteristic: null,
      version: 'leads',
    });
    expect(reportsPage(SCHOOL, readFilters(new URLSearchParams('')))).toBe(`/schools/${SCHOOL}/reports`);
  });

  test('filters survive the round trip; the defaults are left out', () => {
    const search =
      'period=custom&from=2026-09-01&to=2026-10-31&yearGroup=9&characteristic=pupil_premium&version=governors';
    const f = readFilters(new URLSearchParams(search));
    expect(new URLSearchParams(reportsPage(SCHOOL, f).split('?')[1]).toString()).toBe(search);
    expect(filtersQuery({ ...f, period: 'this_year' })).toMatchObject({ period: 'this_year', from: undefined });
  });

  test('unknown values fall back to the defaults; dates only go with chosen dates', () => {
    const f = readFilters(
      new URLSearchParams('period=decade&yearGroup=99&characteristic=tall&version=x&from=2026-01-01'),
    );
    expect(f).toMatchObject({ period: 'this_term', from: '', yearGroup: null, characteristic: null, version: 'leads' });
    expect(readFilters(new URLSearchParams('yearGroup=0')).yearGroup).toBe(0);
  });

  test('the PDF is the governors’ version whatever is shown; the trust view has no version; a drill keeps the filters', () => {
    const f = readFilters(new URLSearchParams('yearGroup=9&version=governors'));
    expect(schoolPdfApi(SCHOOL, f)).toBe(`/api/schools/${SCHOOL}/reports.pdf?yearGroup=9`);
    expect(trustReportApi('t', f)).toBe('/api/trusts/t/reports?yearGroup=9');
    expect(drillPage(SCHOOL, { ...f, version: 'leads' }, 'levels.now', 'MH3')).toBe(
      `/schools/${SCHOOL}/reports/pupils?yearGroup=9&figure=levels.now&row=MH3`,
    );
  });
});

describe('a chart’s name', () => {
  const spec: ChartSpec = {
    kind: 'bar',
    draw: ['rate'],
    columns: [
      { key: 'mh3', label: 'MH3 and above', unit: 'count' },
      { key: 'rate', label: 'Rate', unit: 'percent' },
    ],
    rows: [
      { key: 'y7', label: 'Year 7', values: [3, 0.05] },
      { key: 'y9', label: 'Year 9', values: [{ hidden: 'small' }, { hidden: 'small' }] },
      { key: 'y8', label: 'Year 8', values: [12, 0.2] },
    ],
    reference: { key: 'total', label: 'Whole school', values: [15, 0.1] },
    rowsAre: 'year group',
  };

  test('says what is drawn, the highest value (never a hidden one) and the reference line', () => {
    expect(chartSummary(spec, 'MH3 and above by year group')).toBe(
      'MH3 and above by year group. Bar chart of rate, for each year group. Highest: Year 8, 20%. Dashed line: Whole school, 10%. The table below gives every number.',
    );
  });
});
