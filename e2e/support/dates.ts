/** Dates as the journeys type them: into the Day, Month and Year boxes of a date question. */
import type { Locator, Page } from 'playwright-core';

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The day `days` from today in the UK (negative for the past), as the boxes take it: "5", "3", "2026". */
export function ukDay(days = 0): DateParts {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(new Date());
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  // Noon UTC, so that adding days never crosses a clock change into another day.
  const d = new Date(Date.UTC(get('year'), get('month') - 1, get('day'), 12) + days * 86_400_000);
  return { day: String(d.getUTCDate()), month: String(d.getUTCMonth() + 1), year: String(d.getUTCFullYear()) };
}

/** "22 Nov 2026", as the pages show a date. */
export function shownDate(date: DateParts): string {
  return `${date.day} ${MONTHS[Number(date.month) - 1] ?? ''} ${date.year}`;
}

/** The fieldset of a date question, found by its question (the legend). */
export function dateQuestion(scope: Page | Locator, question: string | RegExp): Locator {
  return scope.getByRole('group', { name: question });
}

/** Types a date into a date question's Day, Month and Year boxes (an empty part leaves its box empty). */
export async function typeDate(scope: Page | Locator, question: string | RegExp, date: DateParts): Promise<void> {
  const group = dateQuestion(scope, question);
  await group.getByLabel('Day', { exact: true }).fill(date.day);
  await group.getByLabel('Month', { exact: true }).fill(date.month);
  await group.getByLabel('Year', { exact: true }).fill(date.year);
}
