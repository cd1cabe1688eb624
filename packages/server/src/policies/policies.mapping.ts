/** Policy rows to API answers, in one place. */
import {
  policyStatus,
  requiredOf,
  type DocumentInfo,
  type PolicySummary,
  type PolicyVersion,
  type SchoolStaffRole,
} from '@tandem/core';
import type { PolicyListRow, PolicyVersionRow } from './policies.queries';

/** A member of staff of the school with their staff roles there. */
export interface StaffMember {
  id: string;
  displayName: string;
  roles: SchoolStaffRole[];
}

/** The staff who must read a policy. */
export function requiredReaders(
  p: Pick<PolicyListRow['p'], 'readers' | 'readerRoles'>,
  staff: readonly StaffMember[],
): StaffMember[] {
  return staff.filter((s) => requiredOf(p, s.roles));
}

export function summaryOf(
  row: PolicyListRow,
  o: {
    today: string;
    staff: readonly StaffMember[];
    reads: ReadonlySet<string>;
    userId: string;
    myRoles: readonly SchoolStaffRole[];
  },
): PolicySummary {
  const { p } = row;
  const required = p.readers === 'none' ? [] : requiredReaders(p, o.staff);
  return {
    id: p.id,
    kind: p.kind,
    title: p.title,
    owner: { id: p.ownerUserId, name: row.ownerName },
    version: p.currentVersion,
    approvedOn: row.approvedOn,
    nextReviewOn: p.nextReviewOn,
    status: policyStatus(p.nextReviewOn, o.today),
    readers: p.readers,
    readerRoles: p.readerRoles,
    reads:
      p.readers === 'none'
        ? null
        : { required: required.length, confirmed: required.filter((s) => o.reads.has(s.id)).length },
    requiredOfMe: requiredOf(p, o.myRoles),
    readByMe: o.reads.has(o.userId),
    revision: p.revision,
  };
}

export function versionOf(
  row: { v: PolicyVersionRow; addedByName: string },
  docs: ReadonlyMap<string, DocumentInfo>,
): PolicyVersion {
  const { v } = row;
  return {
    version: v.version,
    document: v.documentId === null ? null : (docs.get(v.documentId) ?? null),
    link: v.link,
    approvedOn: v.approvedOn,
    approvedBy: v.approvedBy,
    summary: v.summary,
    nextReviewOn: v.nextReviewOn,
    reviewReason: v.reviewReason,
    addedByName: row.addedByName,
    addedAt: v.addedAt.toISOString(),
  };
}
