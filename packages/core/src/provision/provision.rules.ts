/**
 * The Department for Education's rules for a part-time timetable, as plain checks: it is agreed
 * with parents, time-limited (six weeks unless there is a reason), reviewed between its start and
 * end, and a pupil has one at a time. Each check answers per field, in plain words, so the form
 * and the server say the same thing.
 */
import type { FieldIssue } from '../errors/app-error';
import { addDaysToDay } from '../policies/policies.rules';
import { dayWords } from '../reports/scope';
import type { TimetableInput } from './provision.schemas';
import { TIMETABLE_MAX_WEEKS_WITHOUT_REASON } from './provision.values';

/** The longest a reduced timetable may run, from its start to its end, without a reason. */
export const TIMETABLE_MAX_DAYS_WITHOUT_REASON = TIMETABLE_MAX_WEEKS_WITHOUT_REASON * 7;
/** Reviews are suggested this often. */
export const TIMETABLE_REVIEW_EVERY_DAYS = 14;

const DAY = 86_400_000;

/** Whole days from one YYYY-MM-DD day to another. */
export function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

/** The last end date a timetable starting on this day may have without a reason for running longer. */
export function latestEndWithoutReason(startOn: string): string {
  return addDaysToDay(startOn, TIMETABLE_MAX_DAYS_WITHOUT_REASON);
}

/** Whether an end date needs a reason for running more than six weeks. */
export function needsLongerReason(startOn: string, endOn: string): boolean {
  return daysFrom(startOn, endOn) > TIMETABLE_MAX_DAYS_WITHOUT_REASON;
}

/** Completed weeks since the start (0 in the first week, and before it starts). */
export function weeksSoFar(startOn: string, today: string): number {
  return Math.max(0, Math.floor(daysFrom(startOn, today) / 7));
}

/** Review dates every two weeks from the start, before the end; the end date when none fits. */
export function suggestedReviewDates(startOn: string, endOn: string): string[] {
  const dates: string[] = [];
  for (let d = addDaysToDay(startOn, TIMETABLE_REVIEW_EVERY_DAYS); d < endOn;) {
    dates.push(d);
    d = addDaysToDay(d, TIMETABLE_REVIEW_EVERY_DAYS);
  }
  return dates.length > 0 ? dates : [endOn];
}

function longerReasonIssue(startOn: string, endOn: string, longerReason: string | null): FieldIssue | null {
  if (!needsLongerReason(startOn, endOn) || (longerReason ?? '').trim() !== '') return null;
  return {
    path: 'longerReason',
    message: `A reduced timetable should end within six weeks (by ${dayWords(latestEndWithoutReason(startOn))}). Say why it needs longer`,
  };
}

/**
 * The checks of a new or changed reduced timetable that one field alone cannot make. `isNew`: a
 * new one may not end in the past (record one already over as ended instead).
 */
export function timetableProblems(t: TimetableInput, today: string, o: { isNew: boolean }): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (t.endOn < t.startOn) {
    issues.push({ path: 'endOn', message: 'The end date must be the same as or after the start date' });
  } else if (o.isNew && t.endOn < today) {
    issues.push({ path: 'endOn', message: 'The end date has passed. Enter a date from today' });
  } else {
    const longer = longerReasonIssue(t.startOn, t.endOn, t.longerReason);
    if (longer) issues.push(longer);
  }
  if (t.parentsAgreedOn > today) {
    issues.push({
      path: 'parentsAgreedOn',
      message: 'The date the parents or carers agreed must be today or in the past',
    });
  }
  if (t.laToldOn !== null && t.laToldOn > today) {
    issues.push({ path: 'laToldOn', message: 'The date the local authority was told must be today or in the past' });
  }
  if (t.laToldOn !== null && t.laToldBy.trim() === '') {
    issues.push({ path: 'laToldBy', message: 'Enter who told the local authority' });
  }
  if (t.laToldOn === null && t.laToldBy.trim() !== '') {
    issues.push({ path: 'laToldOn', message: 'Enter the date the local authority was told' });
  }
  if (t.reviewDates.length === 0) {
    issues.push({
      path: 'reviewDates',
      message: 'Add at least one review date: a reduced timetable is reviewed regularly',
    });
  } else if (t.endOn >= t.startOn && t.reviewDates.some((d) => d < t.startOn || d > t.endOn)) {
    issues.push({ path: 'reviewDates', message: 'Each review date must be between the start and end dates' });
  } else if (new Set(t.reviewDates).size !== t.reviewDates.length) {
    issues.push({ path: 'reviewDates', message: 'Enter each review date once' });
  }
  return issues;
}

/** A new end date for a running timetable: after the current one, with a reason past six weeks. */
export function extendProblems(
  t: { startOn: string; endOn: string },
  next: { endOn: string; longerReason: string },
): FieldIssue[] {
  if (next.endOn <= t.endOn) {
    return [{ path: 'endOn', message: `The new end date must be after the current one, ${dayWords(t.endOn)}` }];
  }
  const longer = longerReasonIssue(t.startOn, next.endOn, next.longerReason);
  return longer ? [longer] : [];
}

/** A review held: on or after the start and not in the future; the next one after it. */
export function reviewProblems(
  t: { startOn: string; endOn: string },
  r: { heldOn: string; nextReviewOn: string | null },
  today: string,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (r.heldOn > today) issues.push({ path: 'heldOn', message: 'The review date must be today or in the past' });
  else if (r.heldOn < t.startOn) {
    issues.push({ path: 'heldOn', message: 'The review date must be on or after the start of the timetable' });
  }
  if (r.nextReviewOn !== null && (r.nextReviewOn <= r.heldOn || r.nextReviewOn > t.endOn)) {
    issues.push({
      path: 'nextReviewOn',
      message: `The next review must be after this one and by the end date, ${dayWords(t.endOn)}. To go on longer, extend the timetable first`,
    });
  }
  return issues;
}

/** Ending a timetable: not before it started, not in the future. */
export function endProblems(t: { startOn: string }, endedOn: string, today: string): FieldIssue[] {
  if (endedOn < t.startOn) return [{ path: 'endedOn', message: 'The end date must be on or after the start date' }];
  if (endedOn > today) return [{ path: 'endedOn', message: 'The end date must be today or in the past' }];
  return [];
}

/** Education elsewhere: an end date, when given, on or after the start. */
export function provisionProblems(p: { startOn: string; endOn: string | null }): FieldIssue[] {
  if (p.endOn !== null && p.endOn < p.startOn) {
    return [{ path: 'endOn', message: 'The end date must be the same as or after the start date' }];
  }
  return [];
}

/** The day the next visit or call is due: a set number of days after the last one (or the start). */
export function nextVisitDue(startOn: string, lastVisitOn: string | null, everyDays: number): string {
  const from = lastVisitOn !== null && lastVisitOn > startOn ? lastVisitOn : startOn;
  return addDaysToDay(from, everyDays);
}

/** A visit is missed once today is past its due day. */
export function visitMissed(dueOn: string, today: string): boolean {
  return today > dueOn;
}
