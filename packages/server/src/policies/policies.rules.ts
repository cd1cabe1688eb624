/**
 * The checks shared by the register's use cases: the owner is staff of the school, a version's
 * file is the school's and its dates are sound, a change was made against the latest revision.
 */
import {
  AppError,
  checkVersionDates,
  fileOrLinkProblem,
  defaultNextReview,
  isStaffRole,
  rolesInSchool,
  type Actor,
  type FieldIssue,
  type PolicyKind,
  type PolicyVersionInput,
  type SchoolStaffRole,
} from '@tandem/core';
import type { DbOrTx } from '../db/client';
import { staffOfSchool } from '../platform/directory';
import { requireDocuments } from '../platform/documents';
import type { SchoolWork } from '../platform/gate';
import type { PolicyRow } from './policies.queries';

function invalid(fields: FieldIssue[]): AppError {
  return new AppError('validation', 'policy input refused', {
    userMessage: fields[0]?.message ?? 'Some answers need correcting.',
    fields,
  });
}

/** The owner must be a member of staff of this school now. */
export async function requireOwner(db: DbOrTx, schoolId: string, ownerUserId: string): Promise<void> {
  const staff = await staffOfSchool(db, schoolId);
  if (!staff.some((s) => s.id === ownerUserId)) {
    throw invalid([{ path: 'ownerUserId', message: 'Choose a member of staff of this school as the owner' }]);
  }
}

/** The version's dates and file checked; its next review filled in from the kind when not given. */
export async function checkedVersion(
  s: Pick<SchoolWork, 'tx' | 'schoolId' | 'trustId'>,
  kind: PolicyKind,
  v: PolicyVersionInput,
  today: string,
): Promise<PolicyVersionInput & { nextReviewOn: string }> {
  const missing = fileOrLinkProblem(v);
  const issues = [...(missing === null ? [] : [missing]), ...checkVersionDates(kind, v, today)];
  if (issues.length > 0) throw invalid(issues);
  if (v.documentId !== null) {
    await requireDocuments(s.tx, { schoolId: s.schoolId, trustId: s.trustId }, [v.documentId], 'documentId');
  }
  return { ...v, nextReviewOn: v.nextReviewOn ?? defaultNextReview(kind, v.approvedOn) };
}

/** A change made against an older revision is refused, not overwritten. */
export function requireRevision(row: PolicyRow, revision: number): void {
  if (row.revision !== revision) {
    throw new AppError('conflict', 'stale policy', {
      userMessage: 'Someone changed this policy while you were working. Load it again to see their change.',
    });
  }
}

/** The staff roles a person holds in the school. */
export function staffRolesIn(actor: Actor, schoolId: string): SchoolStaffRole[] {
  return rolesInSchool(actor, schoolId).filter(isStaffRole);
}
