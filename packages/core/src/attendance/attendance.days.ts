/** Days as ISO strings (YYYY-MM-DD): weekdays, a week's Monday, and sessions as MIS exports write them. */
import { normaliseHeader } from '../pupils/import';
import type { Session } from './attendance.values';

function dayNumber(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}
function fromDayNumber(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}
/** 1 Monday .. 7 Sunday. */
export function weekdayNumberOf(day: string): number {
  const w = new Date(dayNumber(day) * 86_400_000).getUTCDay();
  return w === 0 ? 7 : w;
}
/** The Monday of the week a day falls in. */
export function weekBeginningOf(day: string): string {
  return fromDayNumber(dayNumber(day) - (weekdayNumberOf(day) - 1));
}
export function dayPlus(day: string, days: number): string {
  return fromDayNumber(dayNumber(day) + days);
}
/** Day names, Monday first, for messages. */
export const ATTENDANCE_WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** "AM", "Morning", "a.m." → am; "PM", "Afternoon" → pm; anything else null. */
export function parseSession(input: string): Session | null {
  const s = normaliseHeader(input);
  if (['am', 'morning', 'a', 'mor', 'morn', '1'].includes(s)) return 'am';
  if (['pm', 'afternoon', 'p', 'aft', '2'].includes(s)) return 'pm';
  return null;
}
