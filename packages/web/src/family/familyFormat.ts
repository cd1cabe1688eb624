import { formatDate, formatDateTime, formatIsoDay } from '../components/dates';

/** "22 Nov 2026" from a calendar day ("2026-11-22") or a moment. */
export function dayOf(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatIsoDay(value) : formatDate(value);
}

/** "22 Nov 2026, 14:05" from a moment, or the day alone from a calendar day. */
export function whenOf(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatIsoDay(value) : formatDateTime(value);
}
