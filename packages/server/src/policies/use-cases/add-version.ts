/**
 * A manager records a new version of a policy: it becomes the current one (earlier versions are
 * kept), its review date becomes the policy's, and earlier read confirmations no longer count.
 */
import { londonToday, type AddPolicyVersionBody } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { insertVersion, lockPolicy, updatePolicy } from '../policies.queries';
import { checkedVersion, requireRevision } from '../policies.rules';

export async function addPolicyVersion(
  deps: AppDeps,
  at: SchoolRequest,
  policyId: string,
  body: AddPolicyVersionBody,
): Promise<{ id: string; version: number; revision: number }> {
  return inSchool(deps, at, 'policy.manage', async (s) => {
    const row = await lockPolicy(s.tx, s.schoolId, policyId);
    requireRevision(row, body.revision);
    const { revision: _revision, ...input } = body;
    const v = await checkedVersion(s, row.kind, input, londonToday(s.now));
    const version = row.currentVersion + 1;
    await insertVersion(s.tx, {
      schoolId: s.schoolId,
      policyId,
      version,
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
    const revision = row.revision + 1;
    await updatePolicy(s.tx, policyId, {
      currentVersion: version,
      nextReviewOn: v.nextReviewOn,
      revision,
      updatedAt: s.now,
    });
    await s.audit({ action: 'policy.version_added', detail: { version } }, { type: 'policy', id: policyId });
    return { id: policyId, version, revision };
  });
}
