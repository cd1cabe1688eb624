/** A manager (SMHL, head, school administrator, DSL) adds a policy to the register with its first version. */
import { londonToday, type AddPolicyBody } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { insertPolicy, insertVersion } from '../policies.queries';
import { checkedVersion, requireOwner } from '../policies.rules';

export async function addPolicy(deps: AppDeps, at: SchoolRequest, body: AddPolicyBody): Promise<{ id: string }> {
  return inSchool(deps, at, 'policy.manage', async (s) => {
    const { kind, title, ownerUserId, readers, readerRoles, ...version } = body;
    await requireOwner(s.tx, s.schoolId, ownerUserId);
    const v = await checkedVersion(s, kind, version, londonToday(s.now));
    const row = await insertPolicy(s.tx, {
      schoolId: s.schoolId,
      kind,
      title,
      ownerUserId,
      readers,
      readerRoles: readers === 'roles' ? readerRoles : [],
      currentVersion: 1,
      nextReviewOn: v.nextReviewOn,
      createdBy: s.actor.userId,
      createdAt: s.now,
      updatedAt: s.now,
    });
    await insertVersion(s.tx, {
      schoolId: s.schoolId,
      policyId: row.id,
      version: 1,
      documentId: v.documentId,
      link: v.link === '' ? null : v.link,
      approvedOn: v.approvedOn,
      approvedBy: v.approvedBy,
      summary: v.summary,
      nextReviewOn: v.nextReviewOn,
      reviewReason: v.reviewReason,
      addedBy: s.actor.userId,
      addedAt: s.now,
    });
    await s.audit({ action: 'policy.added', detail: { kind } }, { type: 'policy', id: row.id });
    return { id: row.id };
  });
}
