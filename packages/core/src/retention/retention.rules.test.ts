import { describe, expect, it } from 'vitest';
import {
  addYearsToDay,
  destroyTooEarlyProblem,
  effectiveYears,
  latestBirthDueBy,
  lengthenProblem,
  RETENTION_RULES,
  reviewDate,
} from './retention.rules';

describe('retention rules (IRMS toolkit for schools)', () => {
  it('keeps child-protection and wellbeing records 25 years from birth, SEN records 31', () => {
    expect(RETENTION_RULES['child-protection'].years).toBe(25);
    expect(RETENTION_RULES.wellbeing.years).toBe(25);
    expect(RETENTION_RULES.sen.years).toBe(31);
    for (const rule of Object.values(RETENTION_RULES)) {
      expect(rule.source).toMatch(/IRMS/);
      expect(rule.after).toBe('reviewed for destruction');
    }
  });

  it('computes the review date from the date of birth', () => {
    expect(reviewDate('2000-05-14', 'wellbeing')).toBe('2025-05-14');
    expect(reviewDate('2000-05-14', 'child-protection')).toBe('2025-05-14');
    expect(reviewDate('2000-05-14', 'sen')).toBe('2031-05-14');
    expect(reviewDate('1999-12-31', 'wellbeing')).toBe('2024-12-31');
  });

  it('puts a 29 February birthday on 1 March in a year without one, never earlier', () => {
    expect(reviewDate('2004-02-29', 'wellbeing')).toBe('2029-03-01');
    expect(reviewDate('2004-02-29', 'sen')).toBe('2035-03-01');
    // 2004 + 28 = 2032, a leap year: the day itself.
    expect(reviewDate('2004-02-29', 'wellbeing', 28)).toBe('2032-02-29');
    expect(addYearsToDay('2000-02-29', 100)).toBe('2100-03-01'); // 2100 is not a leap year
    expect(addYearsToDay('2000-02-28', 25)).toBe('2025-02-28');
  });

  it('takes a school’s longer period, never a shorter one', () => {
    expect(effectiveYears('wellbeing', 30)).toBe(30);
    expect(effectiveYears('wellbeing', 20)).toBe(25);
    expect(effectiveYears('sen', null)).toBe(31);
    expect(reviewDate('2000-05-14', 'wellbeing', 30)).toBe('2030-05-14');
    expect(reviewDate('2000-05-14', 'sen', 26)).toBe('2031-05-14');
  });

  it('refuses a shorter period with a clear reason', () => {
    expect(lengthenProblem('wellbeing', 25)).toBeNull();
    expect(lengthenProblem('wellbeing', 40)).toBeNull();
    expect(lengthenProblem('sen', 30)).toMatch(/never shorter.*at least 31 years/);
    expect(lengthenProblem('child-protection', 101)).toMatch(/at most 100/);
    expect(lengthenProblem('wellbeing', 25.5)).toMatch(/whole number/);
  });

  it('refuses destruction before the review date', () => {
    expect(destroyTooEarlyProblem('2025-05-14', '2025-05-13')).toMatch(/still inside.*14 May 2025/);
    expect(destroyTooEarlyProblem('2025-05-14', '2025-05-14')).toBeNull();
    expect(destroyTooEarlyProblem('2025-05-14', '2026-01-01')).toBeNull();
  });

  it('finds the latest date of birth due by a horizon, agreeing with the review date', () => {
    const births = ['2000-02-28', '2000-02-29', '2000-03-01', '2001-02-28', '2001-03-01', '2004-02-29', '2003-12-31'];
    const horizons = ['2025-02-28', '2025-03-01', '2026-02-28', '2026-03-01', '2029-02-28', '2029-03-01', '2032-02-29'];
    for (const years of [25, 28, 31]) {
      for (const horizon of horizons) {
        const latest = latestBirthDueBy(horizon, years);
        for (const born of births) {
          const due = addYearsToDay(born, years) <= horizon;
          expect(born <= latest, `${born} +${String(years)} by ${horizon}`).toBe(due);
        }
      }
    }
  });
});
