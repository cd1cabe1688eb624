import { describe, expect, it } from 'vitest';
import { addMonths, courseStanding, gapSentence, requiredCourses, statusOfExpiry } from './training.rules';
import { emptyCounts } from './training.rules';

describe('who needs what', () => {
  it('every member of staff needs safeguarding; roles add their own courses once', () => {
    expect(requiredCourses(['teacher'])).toEqual(['safeguarding_level_1']);
    expect(requiredCourses(['dsl', 'deputy_dsl'])).toEqual(['safeguarding_level_1', 'dsl_level_3']);
    expect(requiredCourses(['smhl', 'intervention_staff'])).toEqual([
      'safeguarding_level_1',
      'mental_health_awareness',
      'smhl_training',
    ]);
    expect(requiredCourses(['first_aider'])).toEqual(['safeguarding_level_1', 'mental_health_first_aid']);
    expect(requiredCourses([])).toEqual([]);
  });
});

describe('when training runs out', () => {
  it('adds whole months, keeping to the month’s last day', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2026-12-06', -25)).toBe('2024-11-06');
  });

  it('is due within 60 days, overdue the day after it runs out, and never for what does not expire', () => {
    expect(statusOfExpiry('2026-12-06', '2026-12-06')).toBe('due');
    expect(statusOfExpiry('2026-12-05', '2026-12-06')).toBe('overdue');
    expect(statusOfExpiry('2027-02-04', '2026-12-06')).toBe('due');
    expect(statusOfExpiry('2027-02-05', '2026-12-06')).toBe('up_to_date');
    expect(statusOfExpiry(null, '2026-12-06')).toBe('up_to_date');
  });
});

describe('a person’s standing on a course', () => {
  const today = '2026-12-06';
  const rec = (id: string, completedOn: string, status: 'confirmed' | 'awaiting_confirmation') => ({
    id,
    completedOn,
    renewalMonths: 12,
    status,
  });

  it('is missing with no record, and follows the latest confirmed record', () => {
    expect(courseStanding([], today).status).toBe('missing');
    const s = courseStanding([rec('a', '2025-01-10', 'confirmed'), rec('b', '2026-03-01', 'confirmed')], today);
    expect(s).toEqual({ status: 'up_to_date', recordId: 'b', completedOn: '2026-03-01', expiresOn: '2027-03-01' });
  });

  it('awaits confirmation when newer training is only self-recorded and the confirmed one is not up to date', () => {
    const old = rec('a', '2025-11-01', 'confirmed');
    expect(courseStanding([old], today).status).toBe('overdue');
    expect(courseStanding([old, rec('b', '2026-12-01', 'awaiting_confirmation')], today).status).toBe('awaiting');
    expect(courseStanding([rec('b', '2026-12-01', 'awaiting_confirmation')], today).status).toBe('awaiting');
    // An up-to-date confirmed record stands; an older self-recorded one changes nothing.
    const fresh = rec('c', '2026-10-01', 'confirmed');
    expect(courseStanding([fresh, rec('b', '2026-12-01', 'awaiting_confirmation')], today).recordId).toBe('c');
    expect(courseStanding([old, rec('d', '2025-01-01', 'awaiting_confirmation')], today).status).toBe('overdue');
  });
});

describe('the gap in words', () => {
  it('says how many of the role’s holders are behind', () => {
    expect(gapSentence('dsl', 'dsl_level_3', { ...emptyCounts(), up_to_date: 1, overdue: 1 })).toBe(
      'DSL level 3: 1 of 2 DSLs overdue',
    );
    expect(gapSentence('staff', 'safeguarding_level_1', { ...emptyCounts(), up_to_date: 38, overdue: 2, due: 1 })).toBe(
      'Safeguarding level 1: 2 of 41 staff overdue, 1 due within 60 days',
    );
    expect(gapSentence('deputy_dsl', 'dsl_level_3', { ...emptyCounts(), up_to_date: 2 })).toBe(
      'DSL level 3: all 2 deputy DSLs up to date',
    );
  });
});
