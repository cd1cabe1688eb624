import { describe, expect, it } from 'vitest';
import { recordTimetableBody, type TimetableInput } from './provision.schemas';
import {
  extendProblems,
  endProblems,
  needsLongerReason,
  nextVisitDue,
  provisionProblems,
  reviewProblems,
  suggestedReviewDates,
  timetableProblems,
  visitMissed,
  weeksSoFar,
} from './provision.rules';

const today = '2026-12-07';
const base: TimetableInput = {
  reason: 'Anxiety about school',
  hours: 'Mornings, 8:45 to 12:15',
  sessionsPerWeek: 5,
  startOn: '2026-12-07',
  endOn: '2027-01-18',
  longerReason: '',
  returnPlan: 'One more afternoon every two weeks',
  parentsAgreedBy: 'Emma Clarke (mother)',
  parentsAgreedOn: '2026-12-04',
  parentsAgreedHow: 'meeting',
  laToldOn: null,
  laToldBy: '',
  reviewDates: ['2026-12-21'],
};
const paths = (t: Partial<TimetableInput>, isNew = true) =>
  timetableProblems({ ...base, ...t }, today, { isNew }).map((i) => i.path);

describe('a reduced timetable', () => {
  it('is sound as given', () => {
    expect(paths({})).toEqual([]);
  });

  it('may end exactly six weeks (42 days) after it starts without a reason, not a day more', () => {
    expect(needsLongerReason('2026-12-07', '2027-01-18')).toBe(false);
    expect(needsLongerReason('2026-12-07', '2027-01-19')).toBe(true);
    expect(paths({ endOn: '2027-01-19' })).toEqual(['longerReason']);
    expect(paths({ endOn: '2027-01-19', longerReason: 'Waiting for a CAMHS assessment' })).toEqual([]);
  });

  it('refuses an end before the start, and a new one already over', () => {
    expect(paths({ endOn: '2026-12-06' })).toEqual(['endOn']);
    expect(paths({ startOn: '2026-11-01', endOn: '2026-12-06', reviewDates: ['2026-11-15'] })).toEqual(['endOn']);
    expect(paths({ startOn: '2026-11-01', endOn: '2026-12-06', reviewDates: ['2026-11-15'] }, false)).toEqual([]);
  });

  it('allows the end on the start day', () => {
    expect(paths({ endOn: '2026-12-07', reviewDates: ['2026-12-07'] })).toEqual([]);
  });

  it('needs parents’ agreement dated today or before', () => {
    expect(paths({ parentsAgreedOn: today })).toEqual([]);
    expect(paths({ parentsAgreedOn: '2026-12-08' })).toEqual(['parentsAgreedOn']);
    const missing = recordTimetableBody.safeParse({ ...base, parentsAgreedBy: '' });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues[0]?.message).toMatch(/parents or carers/);
  });

  it('needs an end date (the schema says so in words)', () => {
    const { endOn: _gone, ...noEnd } = base;
    const r = recordTimetableBody.safeParse(noEnd);
    expect(r.success).toBe(false);
    expect(r.error?.issues.find((i) => i.path[0] === 'endOn')?.message).toMatch(
      /every reduced timetable has an end date/,
    );
  });

  it('keeps the sessions a week between 0 and 9', () => {
    expect(recordTimetableBody.safeParse({ ...base, sessionsPerWeek: 9 }).success).toBe(true);
    expect(recordTimetableBody.safeParse({ ...base, sessionsPerWeek: 10 }).success).toBe(false);
    expect(recordTimetableBody.safeParse({ ...base, sessionsPerWeek: -1 }).success).toBe(false);
  });

  it('needs at least one review, each between the start and the end, each once', () => {
    expect(paths({ reviewDates: [] })).toEqual(['reviewDates']);
    expect(paths({ reviewDates: ['2026-12-06'] })).toEqual(['reviewDates']);
    expect(paths({ reviewDates: ['2027-01-19'] })).toEqual(['reviewDates']);
    expect(paths({ reviewDates: ['2027-01-18', '2026-12-07'] })).toEqual([]);
    expect(paths({ reviewDates: ['2026-12-21', '2026-12-21'] })).toEqual(['reviewDates']);
  });

  it('keeps the local authority’s date and who told them together, not in the future', () => {
    expect(paths({ laToldOn: today, laToldBy: 'Sam Patel' })).toEqual([]);
    expect(paths({ laToldOn: today })).toEqual(['laToldBy']);
    expect(paths({ laToldBy: 'Sam Patel' })).toEqual(['laToldOn']);
    expect(paths({ laToldOn: '2026-12-08', laToldBy: 'Sam Patel' })).toEqual(['laToldOn']);
  });

  it('suggests a review every two weeks before the end, or the end itself', () => {
    expect(suggestedReviewDates('2026-12-07', '2027-01-18')).toEqual(['2026-12-21', '2027-01-04']);
    expect(suggestedReviewDates('2026-12-07', '2026-12-14')).toEqual(['2026-12-14']);
  });

  it('counts completed weeks', () => {
    expect(weeksSoFar('2026-12-07', '2026-12-13')).toBe(0);
    expect(weeksSoFar('2026-11-16', '2026-12-07')).toBe(3);
    expect(weeksSoFar('2026-12-10', '2026-12-07')).toBe(0);
  });
});

describe('extending, reviewing and ending', () => {
  const t = { startOn: '2026-12-07', endOn: '2027-01-04' };
  it('extends only to a later date, with a reason past six weeks', () => {
    expect(extendProblems(t, { endOn: '2027-01-04', longerReason: '' })[0]?.path).toBe('endOn');
    expect(extendProblems(t, { endOn: '2027-01-18', longerReason: '' })).toEqual([]);
    expect(extendProblems(t, { endOn: '2027-01-19', longerReason: '' })[0]?.path).toBe('longerReason');
    expect(extendProblems(t, { endOn: '2027-01-19', longerReason: 'Waiting for CAMHS' })).toEqual([]);
  });

  it('takes a review held between the start and today, the next by the end date', () => {
    expect(reviewProblems(t, { heldOn: today, nextReviewOn: '2026-12-21' }, today)).toEqual([]);
    expect(reviewProblems(t, { heldOn: '2026-12-08', nextReviewOn: null }, today)[0]?.path).toBe('heldOn');
    expect(reviewProblems(t, { heldOn: '2026-12-06', nextReviewOn: null }, today)[0]?.path).toBe('heldOn');
    expect(reviewProblems(t, { heldOn: today, nextReviewOn: today }, today)[0]?.path).toBe('nextReviewOn');
    expect(reviewProblems(t, { heldOn: today, nextReviewOn: '2027-01-05' }, today)[0]?.path).toBe('nextReviewOn');
  });

  it('ends between the start and today', () => {
    expect(endProblems(t, today, today)).toEqual([]);
    expect(endProblems(t, '2026-12-06', today)[0]?.path).toBe('endedOn');
    expect(endProblems(t, '2026-12-08', today)[0]?.path).toBe('endedOn');
  });

  it('refuses education elsewhere ending before it starts', () => {
    expect(provisionProblems({ startOn: today, endOn: null })).toEqual([]);
    expect(provisionProblems({ startOn: today, endOn: '2026-12-06' })[0]?.path).toBe('endOn');
  });
});

describe('safeguarding visits', () => {
  it('are due a set number of days after the last one, or the start', () => {
    expect(nextVisitDue('2026-12-01', null, 14)).toBe('2026-12-15');
    expect(nextVisitDue('2026-12-01', '2026-12-10', 14)).toBe('2026-12-24');
    expect(nextVisitDue('2026-12-01', '2026-11-20', 7)).toBe('2026-12-08');
  });
  it('are missed once today is past the due day', () => {
    expect(visitMissed('2026-12-07', '2026-12-07')).toBe(false);
    expect(visitMissed('2026-12-07', '2026-12-08')).toBe(true);
  });
});
