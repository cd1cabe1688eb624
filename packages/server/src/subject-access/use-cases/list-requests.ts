/** The register of requests: open ones soonest deadline first, with days left; then those sent or closed. Audited. */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { londonToday, type SubjectAccessListResponse } from '@tandem/core';
import { subjectAccessDecisions } from '@tandem/core/schema';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { isOpen, rowView } from '../subject-access.mapping';
import { requestsOf } from '../subject-access.queries';

export async function listRequests(deps: AppDeps, at: SchoolRequest): Promise<SubjectAccessListResponse> {
  return inSchool(deps, at, 'records.subjectAccess', async (s) => {
    const { tx, schoolId, now } = s;
    const today = londonToday(now);
    const rows = await requestsOf(tx, schoolId);
    const ids = rows.map((x) => x.r.id);
    const counts =
      ids.length === 0
        ? []
        : await tx
            .select({ requestId: subjectAccessDecisions.requestId, n: sql<number>`count(*)::int` })
            .from(subjectAccessDecisions)
            .where(and(eq(subjectAccessDecisions.schoolId, schoolId), inArray(subjectAccessDecisions.requestId, ids)))
            .groupBy(subjectAccessDecisions.requestId);
    const decided = new Map(counts.map((c) => [c.requestId, c.n]));
    const views = rows.map((x) => ({ open: isOpen(x.r), v: rowView(x.r, x.p, today, decided.get(x.r.id) ?? 0) }));
    await s.audit({ action: 'subject_access.list_viewed', detail: { requests: rows.length } });
    return {
      today,
      open: views
        .filter((x) => x.open)
        .map((x) => x.v)
        .sort((a, b) => a.dueOn.localeCompare(b.dueOn)),
      finished: views.filter((x) => !x.open).map((x) => x.v),
    };
  });
}
