import type { FamilyContactsResponse, ParentAccountState } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { listContacts } from '../contacts.queries';

/** Parents and carers with where their accounts stand (names and e-mail addresses: audited). */
export function listFamilyContacts(
  deps: AppDeps,
  at: SchoolRequest,
  q: { q?: string; state?: ParentAccountState; yearGroup?: number; cursor?: string },
): Promise<FamilyContactsResponse> {
  return inSchool(deps, at, 'family.manage', async (s) => {
    const out = await listContacts(s.tx, s.schoolId, q);
    await s.audit({ action: 'family.contacts_listed', detail: { count: out.rows.length } });
    return out;
  });
}
