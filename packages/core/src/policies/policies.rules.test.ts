import { describe, expect, it } from 'vitest';
import { addMonthsToDay, checkVersionDates, defaultNextReview, policyStatus, requiredOf } from './policies.rules';

describe('review dates', () => {
  it('adds months on the same day, or the month’s last day', () => {
    expect(addMonthsToDay('2026-09-01', 36)).toBe('2029-09-01');
    expect(addMonthsToDay('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsToDay('2027-12-31', 2)).toBe('2028-02-29');
    expect(addMonthsToDay('2026-11-15', 14)).toBe('2028-01-15');
  });

  it('reviews safeguarding and online safety every year, the rest every three years', () => {
    expect(defaultNextReview('safeguarding', '2026-09-01')).toBe('2027-09-01');
    expect(defaultNextReview('online_safety', '2026-09-01')).toBe('2027-09-01');
    expect(defaultNextReview('mental_health', '2026-09-01')).toBe('2029-09-01');
    expect(defaultNextReview('other', '2026-09-01')).toBe('2029-09-01');
  });

  it('is in date, due within 60 days, or overdue once the date has passed', () => {
    const today = '2026-12-06';
    expect(policyStatus('2026-12-05', today)).toBe('overdue');
    expect(policyStatus('2026-12-06', today)).toBe('due_soon');
    expect(policyStatus('2027-02-04', today)).toBe('due_soon');
    expect(policyStatus('2027-02-05', today)).toBe('in_date');
  });

  it('checks a version’s dates against the kind and today', () => {
    const today = '2026-12-06';
    const ok = { approvedOn: '2026-09-01', nextReviewOn: null, reviewReason: '' };
    expect(checkVersionDates('safeguarding', ok, today)).toEqual([]);
    expect(checkVersionDates('safeguarding', { ...ok, approvedOn: '2026-12-07' }, today)[0]?.path).toBe('approvedOn');
    expect(checkVersionDates('safeguarding', { ...ok, nextReviewOn: '2026-09-01' }, today)[0]?.path).toBe(
      'nextReviewOn',
    );
    expect(checkVersionDates('safeguarding', { ...ok, nextReviewOn: '2027-09-01' }, today)).toEqual([]);
    expect(checkVersionDates('safeguarding', { ...ok, nextReviewOn: '2027-09-02' }, today)[0]?.path).toBe(
      'reviewReason',
    );
    expect(
      checkVersionDates('safeguarding', { ...ok, nextReviewOn: '2027-12-01', reviewReason: 'New guidance due' }, today),
    ).toEqual([]);
  });
});

describe('who must read a policy', () => {
  it('asks all staff, staff in chosen roles, or nobody; never parents or pupils', () => {
    const all = { readers: 'all_staff' as const, readerRoles: [] };
    const teachers = { readers: 'roles' as const, readerRoles: ['teacher' as const] };
    const none = { readers: 'none' as const, readerRoles: [] };
    expect(requiredOf(all, ['support_staff'])).toBe(true);
    expect(requiredOf(all, ['parent'])).toBe(false);
    expect(requiredOf(all, ['pupil'])).toBe(false);
    expect(requiredOf(teachers, ['teacher', 'parent'])).toBe(true);
    expect(requiredOf(teachers, ['support_staff'])).toBe(false);
    expect(requiredOf(none, ['smhl'])).toBe(false);
  });
});
