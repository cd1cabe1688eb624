/**
 * The policy register's rules, pure: the default next review, a policy's status, whether a policy
 * is required of a person, and the checks on a version's dates.
 */
import { isStaffRole, type Role, type SchoolStaffRole } from '../auth/roles';
import type { FieldIssue } from '../errors/app-error';
import {
  POLICY_DUE_SOON_DAYS,
  POLICY_KIND_LABELS,
  POLICY_REVIEW_MONTHS,
  type PolicyKind,
  type PolicyReaders,
  type PolicyStatus,
} from './policies.values';

/** A YYYY-MM-DD date some months later, on the same day of the month (or its last day). */
export function addMonthsToDay(isoDay: string, months: number): string {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

/** A YYYY-MM-DD date some days later. */
export function addDaysToDay(isoDay: string, days: number): string {
  return new Date(Date.parse(`${isoDay}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** When a version approved on this day is next reviewed, unless the school sets an earlier date. */
export function defaultNextReview(kind: PolicyKind, approvedOn: string): string {
  return addMonthsToDay(approvedOn, POLICY_REVIEW_MONTHS[kind]);
}

/** In date, review due within 60 days, or overdue (the review date has passed). */
export function policyStatus(nextReviewOn: string, today: string): PolicyStatus {
  if (nextReviewOn < today) return 'overdue';
  if (nextReviewOn <= addDaysToDay(today, POLICY_DUE_SOON_DAYS)) return 'due_soon';
  return 'in_date';
}

/** Whether a person holding these roles in the school must read the policy (staff roles only count). */
export function requiredOf(
  policy: { readers: PolicyReaders; readerRoles: readonly SchoolStaffRole[] },
  heldRoles: readonly Role[],
): boolean {
  const roles = heldRoles.filter(isStaffRole);
  if (roles.length === 0) return false;
  if (policy.readers === 'all_staff') return true;
  if (policy.readers === 'none') return false;
  return policy.readerRoles.some((r) => roles.includes(r));
}

/** "a review every 3 years", "a review every year" */
export function reviewPeriodWords(kind: PolicyKind): string {
  const months = POLICY_REVIEW_MONTHS[kind];
  if (months % 12 === 0) return months === 12 ? 'every year' : `every ${String(months / 12)} years`;
  return `every ${String(months)} months`;
}

/** "Online safety policy", from the kind, for a title the school has not yet written. */
export function policyKindTitle(kind: PolicyKind): string {
  return kind === 'other' ? 'Policy' : `${POLICY_KIND_LABELS[kind]} policy`;
}

/** No policy in the register was approved before this (it keeps dates sensible). */
const EARLIEST_APPROVAL = '2000-01-01';

/**
 * The checks on a version's dates that need the kind and today: approved no later than today, the
 * next review after the approval, and a reason when the review is later than the kind's period.
 */
export function checkVersionDates(
  kind: PolicyKind,
  v: { approvedOn: string; nextReviewOn: string | null; reviewReason: string },
  today: string,
  prefix = '',
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (v.approvedOn > today) {
    issues.push({ path: `${prefix}approvedOn`, message: 'The approval date cannot be in the future' });
  } else if (v.approvedOn < EARLIEST_APPROVAL) {
    issues.push({ path: `${prefix}approvedOn`, message: 'Enter an approval date from the year 2000 onwards' });
  }
  if (v.nextReviewOn !== null) {
    if (v.nextReviewOn <= v.approvedOn) {
      issues.push({ path: `${prefix}nextReviewOn`, message: 'The next review must be after the approval date' });
    } else if (v.nextReviewOn > defaultNextReview(kind, v.approvedOn) && v.reviewReason.trim() === '') {
      issues.push({
        path: `${prefix}reviewReason`,
        message: `Say why the review is later than usual (this kind of policy is reviewed ${reviewPeriodWords(kind)})`,
      });
    }
  }
  return issues;
}
