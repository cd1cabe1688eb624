/**
 * The training record's rules, in one place: which courses a person needs, when training runs
 * out, and where a person stands on a course. Pure functions, used by the server's school view,
 * "my work", the evidence figures and the CSV alike.
 */
import type { SchoolStaffRole } from '../auth/roles';
import {
  TRAINING_COURSE_SHORT_LABELS,
  TRAINING_DUE_WITHIN_DAYS,
  TRAINING_HOLDER_WORDS,
  TRAINING_REQUIREMENTS,
  TRAINING_STATUS_LABELS,
  TRAINING_COURSES,
  type TrainingCourse,
  type TrainingRecordStatus,
  type TrainingRequirementHolder,
  type TrainingStatus,
} from './training.values';

/** The courses a person holding these roles needs, in the order of TRAINING_COURSES. */
export function requiredCourses(roles: readonly SchoolStaffRole[]): TrainingCourse[] {
  if (roles.length === 0) return [];
  const needed = new Set(
    TRAINING_REQUIREMENTS.filter((r) => r.holder === 'staff' || roles.includes(r.holder)).map((r) => r.course),
  );
  return TRAINING_COURSES.filter((c) => needed.has(c));
}

/** Whether someone with these roles falls under a requirement's holder. */
export function holdsRequirement(holder: TrainingRequirementHolder, roles: readonly SchoolStaffRole[]): boolean {
  return holder === 'staff' ? roles.length > 0 : roles.includes(holder);
}

const DAY_MS = 86_400_000;
const isoOf = (d: Date) => d.toISOString().slice(0, 10);
const dateOf = (isoDay: string) => new Date(`${isoDay}T00:00:00Z`);

/** A day plus whole months; the 31st becomes the month's last day when the month is shorter. */
export function addMonths(isoDay: string, months: number): string {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return isoOf(first);
}

/** A day plus whole days. */
export function addDaysTo(isoDay: string, days: number): string {
  return isoOf(new Date(dateOf(isoDay).getTime() + days * DAY_MS));
}

/** When training done on a day runs out (renew by then); null when it does not expire. */
export function trainingExpiresOn(completedOn: string, renewalMonths: number | null): string | null {
  return renewalMonths === null ? null : addMonths(completedOn, renewalMonths);
}

/** Up to date, due within 60 days, or overdue: for confirmed training done on a day. */
export function statusOfExpiry(expiresOn: string | null, today: string): 'up_to_date' | 'due' | 'overdue' {
  if (expiresOn === null) return 'up_to_date';
  if (expiresOn < today) return 'overdue';
  if (expiresOn <= addDaysTo(today, TRAINING_DUE_WITHIN_DAYS)) return 'due';
  return 'up_to_date';
}

export interface TrainingRecordFacts {
  id: string;
  completedOn: string;
  renewalMonths: number | null;
  status: TrainingRecordStatus;
}

export interface CourseStanding {
  status: TrainingStatus;
  /** The record the status comes from (null when missing). */
  recordId: string | null;
  completedOn: string | null;
  expiresOn: string | null;
}

/**
 * Where a person stands on one course, from their records of it. The latest confirmed record
 * decides; when it is not up to date (or there is none) and the person has since recorded newer
 * training themself, they are awaiting the lead's confirmation rather than due or overdue.
 */
export function courseStanding(records: readonly TrainingRecordFacts[], today: string): CourseStanding {
  const latest = (status: TrainingRecordStatus) =>
    records
      .filter((r) => r.status === status)
      .reduce<TrainingRecordFacts | null>((a, r) => (a === null || r.completedOn > a.completedOn ? r : a), null);
  const confirmed = latest('confirmed');
  const pending = latest('awaiting_confirmation');
  const standing = (r: TrainingRecordFacts, status: TrainingStatus): CourseStanding => ({
    status,
    recordId: r.id,
    completedOn: r.completedOn,
    expiresOn: trainingExpiresOn(r.completedOn, r.renewalMonths),
  });
  const fromConfirmed = confirmed
    ? statusOfExpiry(trainingExpiresOn(confirmed.completedOn, confirmed.renewalMonths), today)
    : null;
  if (confirmed && fromConfirmed === 'up_to_date') return standing(confirmed, 'up_to_date');
  if (pending && (!confirmed || pending.completedOn > confirmed.completedOn)) return standing(pending, 'awaiting');
  if (confirmed && fromConfirmed) return standing(confirmed, fromConfirmed);
  return { status: 'missing', recordId: null, completedOn: null, expiresOn: null };
}

/** Counts of one requirement's holders in each status. */
export type StatusCounts = Record<TrainingStatus, number>;

export function emptyCounts(): StatusCounts {
  return { up_to_date: 0, due: 0, overdue: 0, missing: 0, awaiting: 0 };
}

/**
 * A requirement's gap in one sentence: "DSL level 3: 1 of 2 DSLs overdue", "Safeguarding level 1:
 * 3 of 41 staff overdue, 1 missing, 2 due within 60 days", or "...: all 2 DSLs up to date".
 */
export function gapSentence(holder: TrainingRequirementHolder, course: TrainingCourse, counts: StatusCounts): string {
  const total = Object.values(counts).reduce((a, n) => a + n, 0);
  const words = TRAINING_HOLDER_WORDS[holder];
  const who = total === 1 ? words.one : words.many;
  const course_ = TRAINING_COURSE_SHORT_LABELS[course];
  const parts = (['overdue', 'missing', 'due', 'awaiting'] as const)
    .filter((s) => counts[s] > 0)
    .map((s) => `${String(counts[s])} ${TRAINING_STATUS_LABELS[s].toLowerCase()}`);
  if (parts.length === 0) {
    return total === 1 ? `${course_}: the ${who} is up to date` : `${course_}: all ${String(total)} ${who} up to date`;
  }
  const [first, ...rest] = parts;
  return `${course_}: ${first?.replace(/^(\d+)/, `$1 of ${String(total)} ${who}`) ?? ''}${rest.map((p) => `, ${p}`).join('')}`;
}
