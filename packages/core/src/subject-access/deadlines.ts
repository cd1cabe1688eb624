/**
 * The deadline of a subject access request (UK GDPR article 12(3), the ICO's guidance): one
 * calendar month, counted from the day after receipt to the corresponding calendar date in the next
 * month (received 3 September: due 3 October). When the next month has no such date, the last day of
 * that month (received 31 January: due 28 February, or 29th in a leap year). When that day is not a
 * working day (a weekend or a bank holiday in England), the next working day.
 *
 * Extension: by up to two further months when the request is complex, the requester told within the
 * first month; the extended deadline may be no later than three months from receipt, worked out the
 * same way. Days are ISO dates ("2026-01-31"); nothing here reads a clock.
 */

/** Bank holidays in England and Wales, 2025 to 2028 (gov.uk/bank-holidays), with substitute days. */
export const ENGLAND_BANK_HOLIDAYS: ReadonlySet<string> = new Set([
  '2025-01-01',
  '2025-04-18',
  '2025-04-21',
  '2025-05-05',
  '2025-05-26',
  '2025-08-25',
  '2025-12-25',
  '2025-12-26',
  '2026-01-01',
  '2026-04-03',
  '2026-04-06',
  '2026-05-04',
  '2026-05-25',
  '2026-08-31',
  '2026-12-25',
  '2026-12-28',
  '2027-01-01',
  '2027-03-26',
  '2027-03-29',
  '2027-05-03',
  '2027-05-31',
  '2027-08-30',
  '2027-12-27',
  '2027-12-28',
  '2028-01-03',
  '2028-04-14',
  '2028-04-17',
  '2028-05-01',
  '2028-05-29',
  '2028-08-28',
  '2028-12-25',
  '2028-12-26',
]);

function parts(day: string): [number, number, number] {
  const [y, m, d] = day.split('-').map(Number);
  return [y ?? 0, m ?? 1, d ?? 1];
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The corresponding calendar date `months` later, or the last day of that month when it has none. */
export function correspondingDay(day: string, months: number): string {
  const [y, m, d] = parts(day);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return iso(year, month, Math.min(d, daysInMonth(year, month)));
}

/** Saturday and Sunday, and the bank holidays in England in the table above. */
export function isWorkingDay(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !ENGLAND_BANK_HOLIDAYS.has(day);
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The day itself when it is a working day, else the next working day. */
export function workingDayOnOrAfter(day: string): string {
  let d = day;
  while (!isWorkingDay(d)) d = nextDay(d);
  return d;
}

/** One calendar month from receipt, moved to the next working day when needed. */
export function subjectAccessDeadline(receivedOn: string): string {
  return workingDayOnOrAfter(correspondingDay(receivedOn, 1));
}

/** The latest an extension may set: three calendar months from receipt (next working day when needed). */
export function latestExtendedDeadline(receivedOn: string): string {
  return workingDayOnOrAfter(correspondingDay(receivedOn, 3));
}

/** Whole days from `today` to `deadline`: 0 on the day, negative once past it. */
export function daysLeft(today: string, deadline: string): number {
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

export interface ExtensionInput {
  receivedOn: string;
  /** The first deadline (one month). */
  deadline: string;
  extendTo: string;
  requesterToldOn: string;
  today: string;
}

/** What is wrong with an extension, per field, in plain words (empty when it may be made). */
export function extensionProblems(x: ExtensionInput): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  const latest = latestExtendedDeadline(x.receivedOn);
  if (x.extendTo <= x.deadline) {
    out.push({ path: 'extendTo', message: `The new deadline must be after the first deadline, ${x.deadline}.` });
  } else if (x.extendTo > latest) {
    out.push({
      path: 'extendTo',
      message: `An extension can add at most two months: the deadline can be no later than ${latest}, three months after the request was received.`,
    });
  }
  if (x.requesterToldOn > x.today) {
    out.push({ path: 'requesterToldOn', message: 'The date the requester was told cannot be in the future.' });
  } else if (x.requesterToldOn < x.receivedOn) {
    out.push({ path: 'requesterToldOn', message: 'The requester is told after the request was received.' });
  } else if (x.requesterToldOn > x.deadline) {
    out.push({
      path: 'requesterToldOn',
      message: `The requester must be told of an extension within the first month, by ${x.deadline}: too late to extend.`,
    });
  }
  return out;
}
