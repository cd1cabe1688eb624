/**
 * Dates and times as schools write them: "22 Nov 2026", "14:05", "2 days ago". Always shown in
 * UK time, whatever the device's own time zone.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const TIME_ZONE = 'Europe/London';

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

interface UkParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function toDate(value: Date | string): Date | null {
  const date = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? null : date;
}

function ukParts(date: Date): UkParts {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter.formatToParts(date)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
  };
}

/** "22 Nov 2026" */
export function formatDate(value: Date | string): string {
  const date = toDate(value);
  if (date === null) return '';
  const p = ukParts(date);
  return `${String(p.day)} ${MONTHS[p.month - 1] ?? ''} ${String(p.year)}`;
}

/** "14:05" */
export function formatTime(value: Date | string): string {
  const date = toDate(value);
  if (date === null) return '';
  const p = ukParts(date);
  return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

/** "22 Nov 2026, 14:05" */
export function formatDateTime(value: Date | string): string {
  const date = toDate(value);
  if (date === null) return '';
  return `${formatDate(date)}, ${formatTime(date)}`;
}

/** A calendar date "2026-11-22" (no time) shown as "22 Nov 2026". */
export function formatIsoDay(isoDay: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (match === null) return isoDay;
  const month = MONTHS[Number(match[2]) - 1] ?? '';
  return `${String(Number(match[3]))} ${month} ${match[1] ?? ''}`;
}

const relative = new Intl.RelativeTimeFormat('en-GB', { numeric: 'auto' });

/** "just now", "5 minutes ago", "yesterday", "2 days ago", "in 3 hours" */
export function formatRelative(value: Date | string, now: Date = new Date()): string {
  const date = toDate(value);
  if (date === null) return '';
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return 'just now';
  if (abs < 45 * 60) return relative.format(Math.round(seconds / 60), 'minute');
  if (abs < 22 * 3600) return relative.format(Math.round(seconds / 3600), 'hour');
  if (abs < 26 * 86400) return relative.format(Math.round(seconds / 86400), 'day');
  if (abs < 320 * 86400) return relative.format(Math.round(seconds / (30 * 86400)), 'month');
  return relative.format(Math.round(seconds / (365 * 86400)), 'year');
}

/** The hour of the day in the UK, for "Good morning". */
export function ukHour(now: Date = new Date()): number {
  return ukParts(now).hour;
}

export function greeting(now: Date = new Date()): string {
  const hour = ukHour(now);
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  return 'Good evening';
}

/** Today's date in the UK as "2026-11-22" (for date inputs and due dates). */
export function ukIsoDay(now: Date = new Date()): string {
  const p = ukParts(now);
  return `${String(p.year)}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The time in the UK now as "14:05" (for time inputs). */
export function ukTimeOfDay(now: Date = new Date()): string {
  return formatTime(now);
}

/** "2026-11-22" plus n days. */
export function addDays(isoDay: string, days: number): string {
  const d = new Date(`${isoDay}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * A date and time as read on a clock in the UK ("2026-11-22", "14:05") as an instant (ISO 8601 in
 * UTC), whatever the device's own time zone. Null when either part is missing or not a real date.
 */
export function ukWallTimeToIso(isoDay: string, time: string): string | null {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  const clock = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (day === null || clock === null) return null;
  const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
  const [h, min] = [Number(clock[1]), Number(clock[2])];
  if (h > 23 || min > 59) return null;
  const asUtc = Date.UTC(y, m - 1, d, h, min);
  const check = new Date(asUtc);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  // The UK is UTC+0 or UTC+1: try both and keep the one that reads back as the wall time given.
  for (const offsetHours of [0, 1]) {
    const candidate = new Date(asUtc - offsetHours * 3_600_000);
    const p = ukParts(candidate);
    if (p.year === y && p.month === m && p.day === d && p.hour === h && p.minute === min) {
      return candidate.toISOString();
    }
  }
  // A time skipped when the clocks go forward: take it as UTC+0.
  return new Date(asUtc).toISOString();
}
