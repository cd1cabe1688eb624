/**
 * The waiting list's one stated rule, and the expected start dates shown beside it. Pure functions:
 * the server loads the rows, these decide the order and the estimate.
 */
import { LEVEL_CODES, type LevelCode } from '../levels/levels.values';
import { SESSION_DAYS, type SessionDay } from './interventions.values';
import { percentile } from '../referrals/referrals';

/** The rule, in the words the waiting list shows above itself. */
export const WAITING_ORDER_RULE =
  'Ordered by level (higher levels first), then by the date the place was asked for. The Senior Mental Health Lead may move a pupil, with a reason.';

export interface WaitingEntry {
  id: string;
  /** The pupil's current level; none (thriving) comes after every level. */
  level: LevelCode | null;
  /** When the place was asked for (ISO 8601). */
  requestedAt: string;
  /** A position the lead set by hand (1 = first), and when they set it. */
  movedToPosition: number | null;
  movedAt: string | null;
}

const levelRank = (level: LevelCode | null) => (level ? LEVEL_CODES.indexOf(level) + 1 : 0);

/**
 * The order of a waiting list: level first (higher first), then date of request (earlier first),
 * then id so the order never depends on how rows arrived. Then each pupil the lead moved is put at
 * the position they chose, in the order the moves were made (a later move to the same position
 * goes in front); a position past the end puts them last.
 */
export function orderWaitingList<T extends WaitingEntry>(entries: readonly T[]): T[] {
  const byRule = (a: T, b: T) =>
    levelRank(b.level) - levelRank(a.level) ||
    Date.parse(a.requestedAt) - Date.parse(b.requestedAt) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const order = entries.filter((e) => e.movedToPosition === null).sort(byRule);
  const moved = entries
    .filter((e) => e.movedToPosition !== null)
    .sort((a, b) => Date.parse(a.movedAt ?? a.requestedAt) - Date.parse(b.movedAt ?? b.requestedAt) || byRule(a, b));
  for (const e of moved) {
    const at = Math.min(Math.max((e.movedToPosition ?? 1) - 1, 0), order.length);
    order.splice(at, 0, e);
  }
  return order;
}

export interface ExpectedStartInput {
  /** Today, as YYYY-MM-DD (the school's day). */
  today: string;
  sessionDay: SessionDay;
  /** Sessions a pupil has in the intervention. */
  sessionCount: number;
  places: number;
  /** For each pupil now in it: sessions still to run for them (0 or more). */
  sessionsLeft: readonly number[];
  /** How many are waiting (the estimate is for positions 1..queueLength). */
  queueLength: number;
  /** A paused or retired intervention gives no estimate. */
  running: boolean;
}

const DAY = 86_400_000;

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** The first day on or after `from` that falls on the session day. */
export function nextSessionDay(from: string, day: SessionDay): string {
  const weekday = new Date(`${from}T00:00:00Z`).getUTCDay(); // 0 Sunday .. 6 Saturday
  const target = SESSION_DAYS.indexOf(day) + 1; // monday = 1
  return addDays(from, (target - weekday + 7) % 7);
}

/**
 * Expected start dates for the waiting pupils, first in the queue first: an estimate, with one
 * session a week on the session day and no allowance for holidays. A place is free now when the
 * intervention has fewer pupils than places; a pupil in it frees their place after their sessions
 * left; each pupil from the queue takes the earliest free place and holds it for a full run of
 * sessions. Null for each position when the intervention is not running.
 */
export function expectedStartDates(input: ExpectedStartInput): (string | null)[] {
  if (!input.running) return Array.from({ length: input.queueLength }, () => null);
  const first = nextSessionDay(input.today, input.sessionDay);
  // The week (counted from the first session day) at which each place is next free.
  const freeAt: number[] = [
    ...Array.from({ length: Math.max(input.places - input.sessionsLeft.length, 0) }, () => 0),
    ...input.sessionsLeft.map((left) => Math.max(left, 0)),
  ]
    .sort((a, b) => a - b)
    .slice(0, Math.max(input.places, 0));
  if (freeAt.length === 0) return Array.from({ length: input.queueLength }, () => null);
  const starts: string[] = [];
  for (let i = 0; i < input.queueLength; i++) {
    const week = freeAt.shift() ?? 0;
    starts.push(addDays(first, week * 7));
    // Keep the free times sorted: this pupil frees the place after a full run of sessions.
    const next = week + Math.max(input.sessionCount, 1);
    const at = freeAt.findIndex((w) => w > next);
    freeAt.splice(at === -1 ? freeAt.length : at, 0, next);
  }
  return starts;
}

/** Median of whole numbers (the middle one, or the mean of the middle two), or null when none. */
export function median(values: readonly number[]): number | null {
  return percentile(values, 0.5);
}
