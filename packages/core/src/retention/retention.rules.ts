/**
 * How long each kind of pupil record is kept, as data (IRMS Information Management Toolkit for
 * Schools), and the date a pupil's records of a kind reach their review for destruction. A school
 * may keep a kind longer (never shorter) with a reason: `effectiveYears` takes the longer of the two.
 */
import { RECORD_CLASSES, type RecordClass } from '../records/record-classes';
import { dayWords } from '../reports/scope';

export interface RetentionRule {
  recordClass: RecordClass;
  /** Years kept after the pupil's date of birth. */
  years: number;
  /** What the period runs from, in words. */
  from: string;
  /** Where the period comes from. */
  source: string;
  /** What happens at the end of the period. */
  after: string;
}

export const RETENTION_SOURCE = 'IRMS Information Management Toolkit for Schools';

export const RETENTION_RULES: Readonly<Record<RecordClass, RetentionRule>> = {
  'child-protection': {
    recordClass: 'child-protection',
    years: 25,
    from: 'date of birth',
    source: RETENTION_SOURCE,
    after: 'reviewed for destruction',
  },
  sen: {
    recordClass: 'sen',
    years: 31,
    from: 'date of birth',
    source: RETENTION_SOURCE,
    after: 'reviewed for destruction',
  },
  wellbeing: {
    recordClass: 'wellbeing',
    years: 25,
    from: 'date of birth',
    source: RETENTION_SOURCE,
    after: 'reviewed for destruction',
  },
};

/** How far ahead the review list looks: records reaching their review within this many days. */
export const RETENTION_LOOK_AHEAD_DAYS = 90;

/** The longest period a school may set (a typing slip of 250 years is refused). */
export const RETENTION_MAX_YEARS = 100;

/** The school's period for a kind: the toolkit's, or the school's longer one. */
export function effectiveYears(recordClass: RecordClass, schoolYears?: number | null): number {
  const base = RETENTION_RULES[recordClass].years;
  return schoolYears != null && schoolYears > base ? schoolYears : base;
}

function parseDay(isoDay: string): { y: number; m: number; d: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!match) throw new Error(`not a day: ${isoDay}`);
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * The day `years` after `isoDay`. A 29 February falls on 1 March in a year without one: the
 * later day, so a record is never reviewed before its full period has run.
 */
export function addYearsToDay(isoDay: string, years: number): string {
  const { y, m, d } = parseDay(isoDay);
  const year = y + years;
  if (m === 2 && d === 29 && !isLeap(year)) return `${pad(year, 4)}-03-01`;
  return `${pad(year, 4)}-${pad(m)}-${pad(d)}`;
}

/** The day a pupil's records of a kind reach their review for destruction. */
export function reviewDate(dateOfBirth: string, recordClass: RecordClass, schoolYears?: number | null): string {
  return addYearsToDay(dateOfBirth, effectiveYears(recordClass, schoolYears));
}

/**
 * The latest date of birth whose review date (for a period of `years`) is on or before `horizon`:
 * a pupil born on or before it may be due. Used to choose pupils in SQL before anything is gathered.
 */
export function latestBirthDueBy(horizon: string, years: number): string {
  const { y, m, d } = parseDay(horizon);
  const year = y - years;
  // 29 February in the horizon's year: those born on 29 February `years` before are due on it.
  if (m === 2 && d === 29 && !isLeap(year)) return `${pad(year, 4)}-02-28`;
  return `${pad(year, 4)}-${pad(m)}-${pad(d)}`;
}

/** Why a school's period for a kind cannot be set to `years`, in words, or null. */
export function lengthenProblem(recordClass: RecordClass, years: number): string | null {
  const rule = RETENTION_RULES[recordClass];
  if (!Number.isInteger(years)) return 'Enter a whole number of years.';
  if (years < rule.years) {
    return `A school may keep records longer than the ${rule.source} says, never shorter: ${RECORD_CLASS_WORDS[recordClass]} are kept for at least ${String(rule.years)} years from the ${rule.from}.`;
  }
  if (years > RETENTION_MAX_YEARS) return `Enter at most ${String(RETENTION_MAX_YEARS)} years.`;
  return null;
}

const RECORD_CLASS_WORDS: Record<RecordClass, string> = {
  'child-protection': 'child-protection files',
  sen: 'special educational needs records',
  wellbeing: 'wellbeing records',
};

/** Why a pupil's records of a kind may not be destroyed yet, in words, or null once their review date has come. */
export function destroyTooEarlyProblem(review: string, today: string): string | null {
  if (today >= review) return null;
  return `These records are still inside their retention period: they may not be destroyed before their review date, ${dayWords(review)}.`;
}

/** The classes in the order pages list them. */
export const RETENTION_CLASSES: readonly RecordClass[] = RECORD_CLASSES;

/** Where a destruction stands: proposed (a child-protection file waiting for a second person), done, or withdrawn. */
export const DESTRUCTION_STATUSES = ['proposed', 'destroyed', 'withdrawn'] as const;
export type DestructionStatus = (typeof DESTRUCTION_STATUSES)[number];
