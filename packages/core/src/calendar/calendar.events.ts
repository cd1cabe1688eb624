/**
 * What a calendar feed carries: each feature contributes events with no pupil name or case detail,
 * only the pupil's initials, a plain title and the Tandem page, which asks the reader to sign in.
 */

import { isStaffRole, isTrustRole, type Role } from '../auth/roles';

/** One event in a member of staff's calendar feed. */
export interface CalendarEvent {
  /** Stable across fetches, so calendars update an event rather than adding another. */
  uid: string;
  /** A day (YYYY-MM-DD) for an all-day event, otherwise the moment it starts. */
  start: string | Date;
  /** For a timed event; an all-day event lasts its day. */
  end?: Date;
  allDay: boolean;
  /** e.g. "Plan review — J.W.": never a name, never case text. */
  title: string;
  /** The Tandem page, e.g. "/schools/…/plans/…". */
  path: string;
}

/** The feed covers this many days back and ahead of today. */
export const CALENDAR_DAYS_BACK = 30;
export const CALENDAR_DAYS_AHEAD = 180;

/** The one description every event carries. */
export const CALENDAR_EVENT_DESCRIPTION = 'Open in Tandem to see the details (you will be asked to sign in).';

/** "Jack Wilson" → "J.W.": from the given and family names as the MIS holds them (never the preferred name). */
export function pupilInitials(p: { givenName: string; familyName: string }): string {
  const first = (s: string) => {
    // The first letter as a reader sees it (an accented letter written as two code points stays one).
    const [segment] = new Intl.Segmenter('en-GB', { granularity: 'grapheme' }).segment(s.trim());
    return segment === undefined ? '' : `${segment.segment.toLocaleUpperCase('en-GB')}.`;
  };
  return `${first(p.givenName)}${first(p.familyName)}`;
}

/** The titles, in one place, so no feature writes more than initials. */
export const CALENDAR_TITLES = {
  meeting: 'Meeting',
  planReview: 'Plan review',
  nextStep: 'Next step due',
  timetableReview: 'Reduced timetable review',
} as const;

export function calendarTitle(
  kind: keyof typeof CALENDAR_TITLES,
  pupils: readonly { givenName: string; familyName: string }[],
): string {
  const initials = pupils.map(pupilInitials).filter((s) => s !== '');
  return initials.length === 0 ? CALENDAR_TITLES[kind] : `${CALENDAR_TITLES[kind]} — ${initials.join(', ')}`;
}

/**
 * Who may have a calendar feed: anyone holding a staff role in a school or a trust role now; never
 * someone who is only a parent or a pupil.
 */
export function mayHaveCalendarFeed(assignments: readonly { role: Role }[]): boolean {
  return assignments.some((a) => isStaffRole(a.role) || isTrustRole(a.role));
}
