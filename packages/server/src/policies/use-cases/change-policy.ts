/** A manager changes a policy's title, owner or who must read it (no new version). */
import type { ChangePolicyBody } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { lockPolicy, updatePolicy } from '../policies.queries';
import { requireOwner, requireRevision } from '../policies.rules';

export async function changePolicy(
  deps: AppDeps,
  at: SchoolRequest,
  policyId: string,
  body: ChangePolicyBody,
): Promise<{ id: string; revision: number }> {
  return inSchool(deps, at, 'policy.manage', async (s) => {
    const row = await lockPolicy(s.tx, s.schoolId, policyId);
    requireRevision(row, body.revision);
    if (body.ownerUserId !== row.ownerUserId) await requireOwner(s.tx, s.schoolId, body.ownerUserId);
    const readerRoles = body.readers === 'roles' ? body.readerRoles : [];
    const fields: string[] = [];
    if (body.title !== row.title) fields.push('title');
    if (body.ownerUserId !== row.ownerUserId) fields.push('owner');
    if (body.readers !== row.readers || [...readerRoles].sort().join() !== [...row.readerRoles].sort().join()) {
      fields.push('readers');
    }
    if (fields.length === 0) return { id: policyId, revision: row.revision };
    const revision = row.revision + 1;
    await updatePolicy(s.tx, policyId, {
      title: body.title,
      ownerUserId: body.ownerUserId,
      readers: body.readers,
      readerRoles,
      revision,
      updatedAt: s.now,
    });
    await s.audit({ action: 'policy.changed', detail: { fields } }, { type: 'policy', id: policyId });
    return { id: policyId, revision };
  });
}
