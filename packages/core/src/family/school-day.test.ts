import { describe, expect, it } from 'vitest';
import { endOfSchoolDay } from './school-day';

describe('endOfSchoolDay', () => {
  it('is today at the end of the day, in winter (GMT)', () => {
    expect(endOfSchoolDay(new Date('2026-12-04T09:00:00Z'), '15:30').toISOString()).toBe('2026-12-04T15:30:00.000Z');
  });
  it('is today at the end of the day, in summer (BST)', () => {
    expect(endOfSchoolDay(new Date('2026-06-10T08:00:00Z'), '15:30').toISOString()).toBe('2026-06-10T14:30:00.000Z');
  });
  it('is the next weekday when sent after the end of the day', () => {
    expect(endOfSchoolDay(new Date('2026-12-04T18:00:00Z'), '15:30').toISOString()).toBe('2026-12-07T15:30:00.000Z');
  });
  it('is Monday when sent at a weekend', () => {
    expect(endOfSchoolDay(new Date('2026-12-05T10:00:00Z'), '15:30').toISOString()).toBe('2026-12-07T15:30:00.000Z');
  });
});
