import { describe, expect, it } from 'vitest';
import { lastEndedTerm, monthsBetween, previousTerm, termByKey, termOf, termsBetween } from './terms';
import { resolveReportScope } from './scope';
import { AppError } from '../errors/app-error';

describe('report terms', () => {
  it('places each day in its term, August in the summer term just ended', () => {
    expect(termOf('2026-12-06').key).toBe('2026-autumn');
    expect(termOf('2026-09-01').key).toBe('2026-autumn');
    expect(termOf('2027-01-01').key).toBe('2027-spring');
    expect(termOf('2026-03-31').key).toBe('2026-spring');
    expect(termOf('2026-04-01').key).toBe('2026-summer');
    expect(termOf('2026-08-15').key).toBe('2026-summer');
    expect(termByKey('2026-autumn')).toMatchObject({ from: '2026-09-01', to: '2026-12-31', label: 'Autumn term 2026' });
    expect(termByKey('2026-winter')).toBeNull();
    expect(previousTerm(termByKey('2026-spring')!).key).toBe('2025-autumn');
  });

  it('knows the last term that has ended', () => {
    expect(lastEndedTerm('2026-12-06').key).toBe('2026-summer');
    expect(lastEndedTerm('2026-12-31').key).toBe('2026-summer');
    expect(lastEndedTerm('2027-01-01').key).toBe('2026-autumn');
    expect(lastEndedTerm('2026-08-01').key).toBe('2026-summer');
    expect(lastEndedTerm('2026-07-31').key).toBe('2026-spring');
  });

  it('lists the terms and months a range overlaps', () => {
    expect(termsBetween('2026-01-01', '2026-12-06').map((t) => t.key)).toEqual([
      '2026-spring',
      '2026-summer',
      '2026-autumn',
    ]);
    expect(termsBetween('2026-08-10', '2026-09-02').map((t) => t.key)).toEqual(['2026-autumn']);
    expect(monthsBetween('2026-09-15', '2026-12-06').map((m) => m.key)).toEqual([
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
    expect(monthsBetween('2026-02-01', '2026-02-10')[0]).toMatchObject({ to: '2026-02-28', label: 'February 2026' });
  });
});

describe('report scope', () => {
  it('resolves each period against today', () => {
    expect(resolveReportScope({ period: 'this_term' }, '2026-12-06')).toMatchObject({
      from: '2026-09-01',
      to: '2026-12-06',
      asOf: '2026-12-06',
      label: 'Autumn term 2026 so far (1 September to 6 December 2026)',
    });
    expect(resolveReportScope({ period: 'last_term' }, '2026-12-06')).toMatchObject({
      from: '2026-04-01',
      to: '2026-07-31',
      asOf: '2026-07-31',
    });
    expect(resolveReportScope({ period: 'last_term' }, '2026-08-20')).toMatchObject({ from: '2026-01-01' });
    expect(resolveReportScope({ period: 'this_year' }, '2026-12-06')).toMatchObject({
      from: '2026-09-01',
      to: '2026-12-06',
    });
    expect(resolveReportScope({ period: 'custom', from: '2025-12-01', to: '2027-01-01' }, '2026-12-06')).toMatchObject({
      from: '2025-12-01',
      to: '2026-12-06',
      label: 'Days chosen (1 December 2025 to 6 December 2026)',
    });
  });

  it('refuses custom days that are missing or the wrong way round, naming the field', () => {
    const fields = (q: Parameters<typeof resolveReportScope>[0]) => {
      try {
        resolveReportScope(q, '2026-12-06');
      } catch (e) {
        return (e as AppError).fields.map((f) => f.path);
      }
      return [];
    };
    expect(fields({ period: 'custom' })).toEqual(['from', 'to']);
    expect(fields({ period: 'custom', from: '2026-10-01', to: '2026-09-01' })).toEqual(['to']);
    expect(fields({ period: 'custom', from: '2027-01-01', to: '2027-02-01' })).toEqual(['from']);
  });
});
