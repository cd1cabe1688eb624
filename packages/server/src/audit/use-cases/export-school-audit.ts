import type { Actor, AuditQuery } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { inSchool } from '../../platform/gate';
import { auditCsv } from '../audit.csv';
import { filtersOf } from '../audit.filters';
import { listAuditEntries } from '../audit.queries';
import { seeing } from '../audit.access';

/** The most entries one export holds; narrower filters give the rest. */
export const CSV_LIMIT = 10_000;

/** A school's audit trail as CSV, with the filters given; the export itself is recorded. */
export function exportSchoolAudit(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  q: Omit<AuditQuery, 'limit' | 'before'>,
  ip: string,
): Promise<string> {
  return inSchool(deps, { actor, schoolId, ip }, 'school.viewAudit', async (s) => {
    const page = await listAuditEntries(s.tx, { kind: 'school', schoolId }, { ...q, limit: CSV_LIMIT }, seeing(s));
    await s.audit({ action: 'audit.exported', detail: { filters: filtersOf(q), rows: page.entries.length } });
    return auditCsv(page);
  });
}
