import type { z } from 'zod';
import type { Actor, concernQueueQuery } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { readInSchool } from '../../platform/gate';
import { decodeCursor, encodeCursor } from '../../platform/cursor';
import { overdueActionCounts, pupilsOf, queueCondition, queuePage } from '../concerns.queries';
import { summaryOf, todayOf } from '../concerns.mapping';

/**
 * The triage queue: the DSL team's (safeguarding.read), or the Mental Health Lead's, which those
 * who triage or read pupils' cases may see.
 */
export async function listQueue(
  deps: AppDeps,
  who: { actor: Actor; schoolId: string },
  q: z.infer<typeof concernQueueQuery>,
) {
  const allowed = q.queue === 'dsl' ? 'safeguarding.read' : (['concern.triage', 'pupil.readCase'] as const);
  return readInSchool(deps, who, allowed, async ({ db, schoolId, now }) => {
    const where = queueCondition(schoolId, q.queue, q.status);
    const page = await queuePage(db, where, q.before ? decodeCursor(q.before) : null, q.limit);
    const rows = page.rows.slice(0, q.limit);
    const ids = rows.map((r) => r.c.id);
    const pupilMap = await pupilsOf(db, ids);
    const overdue = await overdueActionCounts(db, ids, todayOf(now));
    const last = rows[rows.length - 1];
    return {
      concerns: rows.map((r) => summaryOf(r.c, r.loggedByName, pupilMap.get(r.c.id) ?? [], overdue.get(r.c.id) ?? 0)),
      nextBefore:
        page.rows.length > q.limit && last ? encodeCursor({ at: last.c.loggedAt.toISOString(), id: last.c.id }) : null,
      total: page.total,
    };
  });
}
