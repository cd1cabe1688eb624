import { describe, expect, it } from 'vitest';
import { expectedStartDates, median, nextSessionDay, orderWaitingList, type WaitingEntry } from './waiting';

const entry = (
  id: string,
  level: WaitingEntry['level'],
  requestedAt: string,
  moved?: [number, string],
): WaitingEntry => ({
  id,
  level,
  requestedAt,
  movedToPosition: moved ? moved[0] : null,
  movedAt: moved ? moved[1] : null,
});

describe('the waiting list’s one rule', () => {
  it('puts higher levels first, then earlier requests, then no level last', () => {
    const list = orderWaitingList([
      entry('a', 'MH1', '2026-10-01T09:00:00Z'),
      entry('b', null, '2026-09-01T09:00:00Z'),
      entry('c', 'MH3', '2026-11-01T09:00:00Z'),
      entry('d', 'MH1', '2026-09-15T09:00:00Z'),
      entry('e', 'MH3', '2026-10-20T09:00:00Z'),
    ]);
    expect(list.map((e) => e.id)).toEqual(['e', 'c', 'd', 'a', 'b']);
  });

  it('keeps a pupil the lead moved at the chosen position, the later move in front', () => {
    const list = orderWaitingList([
      entry('a', 'MH3', '2026-09-01T09:00:00Z'),
      entry('b', 'MH2', '2026-09-02T09:00:00Z'),
      entry('c', 'MH1', '2026-09-03T09:00:00Z', [1, '2026-11-01T09:00:00Z']),
      entry('d', 'MH1', '2026-09-04T09:00:00Z', [1, '2026-11-02T09:00:00Z']),
      entry('e', 'MH1', '2026-09-05T09:00:00Z', [99, '2026-11-03T09:00:00Z']),
    ]);
    expect(list.map((e) => e.id)).toEqual(['d', 'c', 'a', 'b', 'e']);
  });

  it('orders equal requests by id, so the order never depends on how rows arrived', () => {
    const at = '2026-09-01T09:00:00Z';
    expect(orderWaitingList([entry('y', 'MH2', at), entry('x', 'MH2', at)]).map((e) => e.id)).toEqual(['x', 'y']);
  });
});

describe('expected start dates (an estimate)', () => {
  // Friday 4 December 2026; sessions on Tuesdays: the next is Tuesday 8 December.
  const base = { today: '2026-12-04', sessionDay: 'tuesday' as const, sessionCount: 6, running: true };

  it('finds the next session day on or after today', () => {
    expect(nextSessionDay('2026-12-04', 'tuesday')).toBe('2026-12-08');
    expect(nextSessionDay('2026-12-08', 'tuesday')).toBe('2026-12-08');
    expect(nextSessionDay('2026-12-04', 'friday')).toBe('2026-12-04');
  });

  it('starts the first waiting pupils at once when places are free', () => {
    expect(expectedStartDates({ ...base, places: 3, sessionsLeft: [2], queueLength: 3 })).toEqual([
      '2026-12-08',
      '2026-12-08',
      '2026-12-22',
    ]);
  });

  it('waits for the pupils in it to finish, then for full runs of sessions', () => {
    // Two places, both taken, with 2 and 5 sessions left: frees in 2 weeks and 5 weeks; the third
    // waiting pupil takes the first place again after its next pupil's six sessions (week 8).
    expect(expectedStartDates({ ...base, places: 2, sessionsLeft: [5, 2], queueLength: 3 })).toEqual([
      '2026-12-22',
      '2027-01-12',
      '2027-02-02',
    ]);
  });

  it('gives no date while the intervention is paused', () => {
    expect(expectedStartDates({ ...base, running: false, places: 2, sessionsLeft: [], queueLength: 2 })).toEqual([
      null,
      null,
    ]);
  });
});

describe('median', () => {
  it('takes the middle, or the mean of the middle two', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
  });
});
