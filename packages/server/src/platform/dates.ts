/**
 * Dates and times as Tandem shows and prints them: British order, UK time for moments, and
 * calendar dates (held as YYYY-MM-DD or midnight UTC) never shifted by the clocks changing.
 */

const LONG_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});
const ISO_DATE = new Intl.DateTimeFormat('en-CA', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  timeZone: 'Europe/London',
});
const SHORT_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'Europe/London',
});
const LONG_CALENDAR_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "22 November 2026", as printed on letters (the school's own day, in UK time). */
export function longDate(date: Date): string {
  return LONG_DATE.format(date);
}

/** "2026-11-22" in UK time, for file names. */
export function isoDay(date: Date): string {
  return ISO_DATE.format(date);
}

/** "22 Nov 2026" in UK time. */
export function shortDate(date: Date): string {
  return SHORT_DATE.format(date);
}

/** "17 March 2013" for a calendar date held as midnight UTC, such as a date of birth. */
export function longCalendarDate(date: Date): string {
  return LONG_CALENDAR_DATE.format(date);
}

export function yearLabel(year: number): string {
  if (year === -1) return 'Nursery';
  if (year === 0) return 'Reception';
  return `Year ${year}`;
}

const WHEN = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});
const CALENDAR_DAY = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "22 Nov 2026, 14:05" in UK time. */
export function dateAndTime(date: Date): string {
  return WHEN.format(date);
}

/** A calendar date stored as YYYY-MM-DD, e.g. "22 Nov 2026". */
export function calendarDay(isoDate: string): string {
  return CALENDAR_DAY.format(new Date(`${isoDate}T00:00:00Z`));
}

/** The calendar date a number of days after a YYYY-MM-DD date. */
export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
