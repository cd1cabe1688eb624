/** The checks shared by the provision use cases: field problems, a stale revision, one at a time. */
import { AppError, type FieldIssue } from '@tandem/core';

/** Refuse with the problems per field, changing nothing. */
export function refuse(fields: readonly FieldIssue[]): void {
  if (fields.length === 0) return;
  throw new AppError('validation', 'provision input refused', {
    userMessage: fields[0]?.message ?? 'Some answers need correcting.',
    fields: [...fields],
  });
}

/** A change made against an older revision is refused, not overwritten. */
export function requireRevision(row: { revision: number }, revision: number, what: string): void {
  if (row.revision !== revision) {
    throw new AppError('conflict', `stale ${what}`, {
      userMessage: `Someone changed this ${what} while you were working. Load it again to see their change.`,
    });
  }
}

/** Only a running timetable is reviewed, extended, changed or ended. */
export function requireActive(row: { status: string }): void {
  if (row.status !== 'active') {
    throw new AppError('conflict', 'timetable ended', {
      userMessage: 'This reduced timetable has ended. Record a new one if the pupil needs one again.',
    });
  }
}

export const ONE_TIMETABLE_MESSAGE =
  'This pupil is already on a reduced timetable. Change, extend or end that one instead of adding another.';

/** A pupil has one reduced timetable at a time. */
export function oneAtATime(): AppError {
  return new AppError('conflict', 'timetable already running', {
    userMessage: ONE_TIMETABLE_MESSAGE,
    fields: [{ path: 'startOn', message: ONE_TIMETABLE_MESSAGE }],
  });
}
