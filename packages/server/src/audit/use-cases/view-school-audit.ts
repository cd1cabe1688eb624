import type { Actor, AuditQuery } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { inSchool } from '../../platform/gate';
import { filtersOf } from '../audit.filters';
import { listAuditEntries } from '../audit.queries';
import { seeing } from '../audit.access';

/**
 * One page of a school's audit trail (its own events, and sign-in events of its people). Only the
 * first page of a viewing is recorded, so paging back does not flood the trail.
 */
export function viewSchoolAudit(deps: AppDeps, actor: Actor, schoolId: string, q: AuditQuery, ip: string) {
  return inSchool(deps, { actor, schoolId, ip }, 'school.viewAudit', async (s) => {
    const page = await listAuditEntries(s.tx, { kind: 'school', schoolId }, q, seeing(s));
    if (!q.before) await s.audit({ action: 'audit.viewed', detail: { filters: filtersOf(q) } });
    return page;
  });
}
