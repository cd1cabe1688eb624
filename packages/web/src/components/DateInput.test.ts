import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { dateProblem, dateProblems, dateTimeProblem, isIsoDay } from './DateInput';
import { fieldErrors } from './formErrors';

// What the boxes give the form: the ISO day once they make a real date, else year-month-day as typed.
describe('a date typed as day, month and year', () => {
  test('a real date is fine', () => {
    expect(dateProblem('2026-03-05', 'Date of the meeting')).toBeNull();
    expect(isIsoDay('2028-02-29')).toBe(true);
  });

  test('nothing typed asks for the date, unless it may be left empty', () => {
    expect(dateProblem('', 'Date of the meeting')).toBe('Enter the date of the meeting');
    expect(dateProblem('', '‘From’ date', false)).toBeNull();
  });

  test('a missing part is named, in the GOV.UK words', () => {
    expect(dateProblem('2026--5', 'Date of the meeting')).toBe('Date of the meeting must include a month');
    expect(dateProblem('-3-', 'Date of the meeting')).toBe('Date of the meeting must include a day and year');
    expect(dateProblem('--5', 'Review date')).toBe('Review date must include a month and year');
  });

  test('a date that does not exist, or a short year, is refused', () => {
    expect(dateProblem('2026-02-31', 'Date they agreed')).toBe('Date they agreed must be a real date');
    expect(dateProblem('2026-13-1', 'Date they agreed')).toBe('Date they agreed must be a real date');
    expect(dateProblem('2026-3-x', 'Date they agreed')).toBe('Date they agreed must be a real date');
    expect(dateProblem('26-3-5', 'Date they agreed')).toBe('Date they agreed must include a year with 4 numbers');
    expect(dateProblem('not a date', 'Date they agreed')).toBe('Date they agreed must be a real date');
  });

  test('a dash typed in a box keeps the boxes apart', () => {
    expect(dateProblem('2026-%2D-5', 'Date of the review')).toBe('Date of the review must be a real date');
  });

  test('a date and a time: the date first, then the time', () => {
    const what = { date: 'Date of the meeting', time: 'time of the meeting' };
    expect(dateTimeProblem('2026--5', '', what)).toBe('Date of the meeting must include a month');
    expect(dateTimeProblem('2026-03-05', '', what)).toBe('Enter the time of the meeting, such as 14:05');
    expect(dateTimeProblem('2026-03-05', '25:00', what)).toBe('Time of the meeting must be a real time, such as 14:05');
    expect(dateTimeProblem('2026-03-05', '9:30', what)).toBeNull();
  });

  test("the date's own words replace the schema's for the same field", () => {
    const schema = z.object({ dueOn: z.iso.date('Enter a due date'), note: z.string().min(1, 'Enter a note') });
    const own = dateProblems([{ path: 'dueOn', value: '2026--5', what: 'Due date' }]);
    const result = schema.safeParse({ dueOn: '2026--5', note: '' });
    expect(own).toEqual([{ path: 'dueOn', message: 'Due date must include a month' }]);
    expect(fieldErrors(result.success ? [] : result.error.issues, own, ['dueOn', 'note'])).toEqual([
      { path: 'dueOn', message: 'Due date must include a month' },
      { path: 'note', message: 'Enter a note' },
    ]);
  });
});
