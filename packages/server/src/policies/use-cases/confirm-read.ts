/**
 * A member of staff confirms they have read the current version of a policy. Only the current
 * version counts: confirming one that has since been replaced is refused (409) with a word to read
 * the new one. Confirming again changes nothing.
 */
import { AppError } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { insertRead, lockPolicy } from '../policies.queries';

export async function confirmPolicyRead(
  deps: AppDeps,
  at: SchoolRequest,
  policyId: string,
  version: number,
): Promise<{ ok: true }> {
  return inSchool(deps, at, 'staff.wholeSchool', async (s) => {
    const row = await lockPolicy(s.tx, s.schoolId, policyId);
    if (version > row.currentVersion) {
      throw new AppError('validation', 'no such version', {
        userMessage: 'That version of the policy does not exist.',
        fields: [{ path: 'version', message: 'Confirm the version shown on the policy' }],
      });
    }
    if (version < row.currentVersion) {
      throw new AppError('conflict', 'older version', {
        userMessage: `A newer version (version ${String(row.currentVersion)}) has been added. Please read it, then confirm.`,
      });
    }
    const added = await insertRead(s.tx, {
      schoolId: s.schoolId,
      policyId,
      version,
      userId: s.actor.userId,
      readAt: s.now,
    });
    if (added) {
      await s.audit({ action: 'policy.read_confirmed', detail: { version } }, { type: 'policy', id: policyId });
    }
    return { ok: true as const };
  });
}
