import { describe, expect, it } from 'vitest';
import {
  correspondingDay,
  daysLeft,
  extensionProblems,
  isWorkingDay,
  latestExtendedDeadline,
  subjectAccessDeadline,
  workingDayOnOrAfter,
} from './deadlines';

describe('the corresponding-day rule', () => {
  it('gives the same date next month', () => {
    expect(correspondingDay('2026-09-03', 1)).toBe('2026-10-03');
    expect(subjectAccessDeadline('2026-09-03')).toBe('2026-10-05'); // 3 October 2026 is a Saturday
    expect(subjectAccessDeadline('2026-06-10')).toBe('2026-07-10');
  });

  it('takes the last day of a shorter month', () => {
    expect(correspondingDay('2026-01-31', 1)).toBe('2026-02-28');
    expect(correspondingDay('2028-01-31', 1)).toBe('2028-02-29'); // leap year
    expect(correspondingDay('2026-03-31', 1)).toBe('2026-04-30');
    expect(correspondingDay('2026-08-31', 1)).toBe('2026-09-30');
    expect(subjectAccessDeadline('2027-01-31')).toBe('2027-03-01'); // Sunday 28 February 2027, so Monday
  });

  it('handles 29 February in leap and non-leap years', () => {
    expect(correspondingDay('2028-02-29', 1)).toBe('2028-03-29');
    expect(correspondingDay('2028-01-29', 1)).toBe('2028-02-29');
    expect(correspondingDay('2027-01-29', 1)).toBe('2027-02-28');
    expect(correspondingDay('2028-02-29', 12)).toBe('2029-02-28');
    expect(correspondingDay('2027-11-30', 3)).toBe('2028-02-29');
  });

  it('crosses from December into January', () => {
    expect(correspondingDay('2026-12-15', 1)).toBe('2027-01-15');
    expect(correspondingDay('2026-12-31', 1)).toBe('2027-01-31');
    expect(correspondingDay('2026-11-30', 3)).toBe('2027-02-28');
    expect(subjectAccessDeadline('2026-12-01')).toBe('2027-01-04'); // New Year's Day, then a weekend
  });

  it('moves a weekend or a bank holiday to the next working day', () => {
    expect(isWorkingDay('2026-12-05')).toBe(false); // Saturday
    expect(isWorkingDay('2026-12-07')).toBe(true);
    expect(workingDayOnOrAfter('2026-12-05')).toBe('2026-12-07');
    expect(workingDayOnOrAfter('2026-12-25')).toBe('2026-12-29'); // Christmas, weekend, Boxing Day substitute
    expect(subjectAccessDeadline('2026-07-31')).toBe('2026-09-01'); // 31 August 2026 is a bank holiday
    expect(subjectAccessDeadline('2026-03-03')).toBe('2026-04-07'); // Easter Monday, after Good Friday
  });
});

describe('extensions', () => {
  const base = { receivedOn: '2026-01-31', deadline: '2026-03-02', today: '2026-02-10' };

  it('allows up to three months from receipt', () => {
    expect(latestExtendedDeadline('2026-01-31')).toBe('2026-04-30');
    expect(extensionProblems({ ...base, extendTo: '2026-04-30', requesterToldOn: '2026-02-10' })).toEqual([]);
  });

  it('refuses a deadline past three months, with the latest date said', () => {
    const problems = extensionProblems({ ...base, extendTo: '2026-05-01', requesterToldOn: '2026-02-10' });
    expect(problems[0]?.path).toBe('extendTo');
    expect(problems[0]?.message).toMatch(/no later than 2026-04-30/);
  });

  it('refuses a date no later than the first deadline, and a requester told too late or in the future', () => {
    expect(extensionProblems({ ...base, extendTo: '2026-03-02', requesterToldOn: '2026-02-10' })[0]?.path).toBe(
      'extendTo',
    );
    expect(
      extensionProblems({ ...base, today: '2026-03-10', extendTo: '2026-04-01', requesterToldOn: '2026-03-05' })[0]
        ?.message,
    ).toMatch(/within the first month/);
    expect(extensionProblems({ ...base, extendTo: '2026-04-01', requesterToldOn: '2026-02-11' })[0]?.message).toMatch(
      /future/,
    );
  });
});

describe('days left', () => {
  it('counts calendar days, negative once past', () => {
    expect(daysLeft('2026-12-06', '2026-12-13')).toBe(7);
    expect(daysLeft('2026-12-06', '2026-12-06')).toBe(0);
    expect(daysLeft('2026-12-06', '2026-12-01')).toBe(-5);
    expect(daysLeft('2027-03-27', '2027-03-29')).toBe(2); // over the clocks changing
  });
});
