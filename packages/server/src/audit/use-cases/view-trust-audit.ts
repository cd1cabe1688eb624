import type { Actor, AuditQuery } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { inTrust } from '../../platform/gate';
import { filtersOf } from '../audit.filters';
import { listAuditEntries } from '../audit.queries';

/**
 * One page of the trust-wide audit trail (the trust's events and every one of its schools'), for
 * trust roles. Only the first page of a viewing is recorded.
 */
export function viewTrustAudit(deps: AppDeps, actor: Actor, trustId: string, q: AuditQuery, ip: string) {
  return inTrust(deps, { actor, trustId, ip }, 'trust.viewAudit', async (t) => {
    const page = await listAuditEntries(t.tx, { kind: 'trust', trustId }, q, { seeRestricted: false });
    if (!q.before) await t.audit({ action: 'audit.viewed', detail: { filters: filtersOf(q) } });
    return page;
  });
}
