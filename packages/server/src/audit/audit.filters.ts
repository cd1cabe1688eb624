import type { AuditQuery } from '@tandem/core';

/** The filters a viewing used, as recorded in its own audit entry (identifiers and dates only). */
export function filtersOf(q: Partial<AuditQuery>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ['action', 'actorUserId', 'subjectId', 'from', 'to'] as const) {
    const v = q[key];
    if (v) out[key] = v;
  }
  return out;
}
