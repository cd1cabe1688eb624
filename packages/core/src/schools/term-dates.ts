/**
 * School days: a weekday inside one of the school's terms and not a day it is closed. With no terms
 * recorded, every weekday counts (the term dates page says so), so a deadline is never later than
 * it would be with term dates.
 */

export interface SchoolTerm {
  name: string;
  /** YYYY-MM-DD, inclusive. */
  firstDay: string;
  lastDay: string;
}

export interface SchoolCalendar {
  terms: readonly SchoolTerm[];
  /** Days the school is closed inside a term (INSET days, bank holidays), YYYY-MM-DD. */
  closures: readonly string[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function nextDay(isoDay: string): string {
  return new Date(Date.parse(`${isoDay}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

function isWeekday(isoDay: string): boolean {
  const d = new Date(`${isoDay}T00:00:00Z`).getUTCDay();
  return d !== 0 && d !== 6;
}

/** Whether a day is a school day in this calendar. */
export function isSchoolDay(isoDay: string, calendar: SchoolCalendar): boolean {
  if (!isWeekday(isoDay)) return false;
  if (calendar.closures.includes(isoDay)) return false;
  if (calendar.terms.length === 0) return true;
  return calendar.terms.some((t) => t.firstDay <= isoDay && isoDay <= t.lastDay);
}

/**
 * The day `n` school days after `from` (which itself does not count): a pupil leaving on a Friday
 * with five school days to go is due the next Friday, or later across a holiday. With terms
 * recorded but none after `from`, weekdays count past the last term (no deadline is left open).
 */
export function addSchoolDays(from: string, n: number, calendar: SchoolCalendar): string {
  if (!DAY.test(from)) throw new Error(`not a day: ${from}`);
  if (!Number.isInteger(n) || n < 0) throw new Error('n must be a whole number of days, 0 or more');
  const lastTermDay = calendar.terms.reduce((m, t) => (t.lastDay > m ? t.lastDay : m), '');
  const beyondTerms = (day: string) => calendar.terms.length > 0 && day > lastTermDay;
  let day = from;
  let left = n;
  while (left > 0) {
    day = nextDay(day);
    const counts = beyondTerms(day) ? isWeekday(day) && !calendar.closures.includes(day) : isSchoolDay(day, calendar);
    if (counts) left -= 1;
  }
  return day;
}

/** Why a term's dates are refused, in words, or null. */
export function termProblem(term: SchoolTerm, others: readonly SchoolTerm[]): string | null {
  if (term.lastDay < term.firstDay) return 'The last day must be on or after the first day';
  const clash = others.find((o) => o.firstDay <= term.lastDay && term.firstDay <= o.lastDay);
  if (clash) return `These dates overlap ${clash.name}`;
  return null;
}
