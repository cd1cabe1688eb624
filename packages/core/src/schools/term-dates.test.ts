import { describe, expect, it } from 'vitest';
import { addSchoolDays, isSchoolDay, termProblem, type SchoolCalendar } from './term-dates';

const calendar: SchoolCalendar = {
  terms: [
    { name: 'Autumn 1', firstDay: '2026-09-02', lastDay: '2026-10-23' },
    { name: 'Autumn 2', firstDay: '2026-11-02', lastDay: '2026-12-18' },
    { name: 'Spring 1', firstDay: '2027-01-05', lastDay: '2027-02-12' },
  ],
  closures: ['2026-11-27'],
};
const none: SchoolCalendar = { terms: [], closures: [] };

describe('addSchoolDays', () => {
  it('skips the weekend', () => {
    // Friday 9 October 2026 + 5 school days = Friday 16 October.
    expect(addSchoolDays('2026-10-09', 5, calendar)).toBe('2026-10-16');
    // Wednesday + 5 = next Wednesday.
    expect(addSchoolDays('2026-10-07', 5, calendar)).toBe('2026-10-14');
    // Left on a Saturday: Monday is the first school day.
    expect(addSchoolDays('2026-10-10', 1, calendar)).toBe('2026-10-12');
  });

  it('skips half-term', () => {
    // Wednesday 21 October: Thu 22, Fri 23, then half-term, Mon 2, Tue 3, Wed 4 November.
    expect(addSchoolDays('2026-10-21', 5, calendar)).toBe('2026-11-04');
  });

  it('skips a closure day', () => {
    // Monday 23 November: Tue 24, Wed 25, Thu 26, (Fri 27 INSET), Mon 30, Tue 1 December.
    expect(addSchoolDays('2026-11-23', 5, calendar)).toBe('2026-12-01');
  });

  it('runs from the end of one term into the next', () => {
    // Wednesday 16 December: Thu 17, Fri 18, then Christmas, Tue 5, Wed 6, Thu 7 January.
    expect(addSchoolDays('2026-12-16', 5, calendar)).toBe('2027-01-07');
  });

  it('counts weekdays when no terms are recorded', () => {
    expect(addSchoolDays('2026-12-16', 5, none)).toBe('2026-12-23');
    expect(addSchoolDays('2026-10-21', 5, none)).toBe('2026-10-28');
  });

  it('counts weekdays past the last recorded term rather than never', () => {
    expect(addSchoolDays('2027-02-11', 5, calendar)).toBe('2027-02-18');
  });

  it('zero days is the same day', () => {
    expect(addSchoolDays('2026-10-09', 0, calendar)).toBe('2026-10-09');
  });

  it('refuses nonsense', () => {
    expect(() => addSchoolDays('9 Oct', 5, calendar)).toThrow();
    expect(() => addSchoolDays('2026-10-09', -1, calendar)).toThrow();
  });
});

describe('isSchoolDay and termProblem', () => {
  it('knows a holiday from a school day', () => {
    expect(isSchoolDay('2026-10-26', calendar)).toBe(false);
    expect(isSchoolDay('2026-11-02', calendar)).toBe(true);
    expect(isSchoolDay('2026-11-27', calendar)).toBe(false);
    expect(isSchoolDay('2026-11-28', none)).toBe(false);
  });

  it('refuses a term ending before it starts or overlapping another', () => {
    expect(termProblem({ name: 'x', firstDay: '2027-01-10', lastDay: '2027-01-05' }, [])).toMatch(/on or after/);
    expect(termProblem({ name: 'x', firstDay: '2026-12-15', lastDay: '2027-01-03' }, calendar.terms)).toMatch(
      /overlap Autumn 2/,
    );
    expect(termProblem({ name: 'Summer', firstDay: '2027-04-19', lastDay: '2027-07-21' }, calendar.terms)).toBeNull();
  });
});
