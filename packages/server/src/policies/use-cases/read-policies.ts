/**
 * Reading the register (any member of staff): every policy with its status, owner and read
 * confirmations, and one policy with its versions. Managers also see who has not read the current
 * version and the staff they may choose as owner. Reading records nothing (no pupil is involved).
 */
import { canInSchool, londonToday, type PolicyDetail, type PolicyList, type PolicyStatus } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { staffOfSchool } from '../../platform/directory';
import { documentInfos } from '../../platform/documents';
import { readInSchool, type SchoolRequest } from '../../platform/gate';
import { requiredReaders, summaryOf, versionOf } from '../policies.mapping';
import { currentReads, loadPolicyListRow, policiesOfSchool, versionsOf } from '../policies.queries';
import { staffRolesIn } from '../policies.rules';

const staffList = (staff: Awaited<ReturnType<typeof staffOfSchool>>) =>
  staff.map((s) => ({ id: s.id, name: s.displayName, roles: s.roles }));

export async function listPolicies(
  deps: AppDeps,
  at: SchoolRequest,
  filter: { status?: PolicyStatus | undefined },
): Promise<PolicyList> {
  return readInSchool(deps, at, 'staff.wholeSchool', async ({ db, actor, schoolId, now }) => {
    const today = londonToday(now);
    const [rows, staff, reads] = [
      await policiesOfSchool(db, schoolId),
      await staffOfSchool(db, schoolId),
      await currentReads(db, schoolId),
    ];
    const myRoles = staffRolesIn(actor, schoolId);
    const all = rows.map((row) =>
      summaryOf(row, { today, staff, reads: reads.get(row.p.id) ?? new Set(), userId: actor.userId, myRoles }),
    );
    const counts = { in_date: 0, due_soon: 0, overdue: 0 };
    for (const p of all) counts[p.status] += 1;
    const canManage = canInSchool(actor, 'policy.manage', schoolId);
    return {
      policies: filter.status === undefined ? all : all.filter((p) => p.status === filter.status),
      counts,
      canManage,
      staff: canManage ? staffList(staff) : [],
    };
  });
}

export async function getPolicy(deps: AppDeps, at: SchoolRequest, policyId: string): Promise<PolicyDetail> {
  return readInSchool(deps, at, 'staff.wholeSchool', async ({ db, actor, schoolId, now }) => {
    const row = await loadPolicyListRow(db, schoolId, policyId);
    const staff = await staffOfSchool(db, schoolId);
    const reads = (await currentReads(db, schoolId, policyId)).get(policyId) ?? new Set<string>();
    const versions = await versionsOf(db, schoolId, policyId);
    const docs = await documentInfos(
      db,
      versions.flatMap((v) => (v.v.documentId === null ? [] : [v.v.documentId])),
    );
    const history = versions.map((v) => versionOf(v, docs));
    const canManage = canInSchool(actor, 'policy.manage', schoolId);
    const policy = summaryOf(row, {
      today: londonToday(now),
      staff,
      reads,
      userId: actor.userId,
      myRoles: staffRolesIn(actor, schoolId),
    });
    return {
      policy,
      current: history.find((h) => h.version === row.p.currentVersion) ?? history[0]!,
      history,
      notRead: canManage
        ? requiredReaders(row.p, staff)
            .filter((s) => !reads.has(s.id))
            .map((s) => ({ id: s.id, name: s.displayName }))
        : null,
      canManage,
      staff: canManage ? staffList(staff) : [],
    };
  });
}
