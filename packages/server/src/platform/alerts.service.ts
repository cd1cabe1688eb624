/**
 * A person's in-app alerts: the list (newest first) with the unread count, marking read, and the
 * unread counts per school that the live stream sends. Everyone sees only their own alerts; the
 * text never names a pupil, and the link to a concern is left out once the reader may not open it
 * (a concern moved into the restricted safeguarding record since). Whether they may is the
 * concerns feature's answer, through `deps.registries.alertLinks`.
 */
import { AppError, type Actor, type Alert, type AlertCountsEvent } from '@tandem/core';
import type { z } from 'zod';
import type { alertListQuery } from '@tandem/core';
import type { AppDeps } from './deps';
import type { DbOrTx } from '../db/client';
import { inSchool, readInSchool, type SchoolRequest } from './gate';
import { decodeCursor, encodeCursor } from './cursor';
import { alertPage, markAllRead, markOneRead, unreadBySchool, unreadIn, type AlertRow } from './alerts.queries';

/** Of the alerts' concern links, those the reader may still open. */
async function openableLinks(
  deps: AppDeps,
  db: DbOrTx,
  reader: { actor: Actor; schoolId: string },
  rows: AlertRow[],
): Promise<ReadonlySet<string>> {
  const ids = [...new Set(rows.flatMap((a) => (a.concernId ? [a.concernId] : [])))];
  if (ids.length === 0) return new Set();
  const check = deps.registries.alertLinks.find((c) => c.kind === 'concern');
  // With nobody to vouch for a link, the alert is shown without one rather than risk revealing it.
  return check ? check.openable(db, reader, ids) : new Set();
}

/** The signed-in person's alerts in one school, newest first, with how many are unread. */
export async function listAlerts(
  deps: AppDeps,
  who: { actor: Actor; schoolId: string },
  q: z.infer<typeof alertListQuery>,
): Promise<{ alerts: Alert[]; unread: number; nextBefore: string | null }> {
  return readInSchool(deps, who, 'member', async ({ db, actor, schoolId }) => {
    const mine = { userId: actor.userId, schoolId };
    const cursor = q.before ? decodeCursor(q.before) : null;
    const rows = await alertPage(db, mine, { unreadOnly: q.unread, cursor, limit: q.limit });
    const page = rows.slice(0, q.limit);
    const openable = await openableLinks(deps, db, { actor, schoolId }, page);
    const last = page[page.length - 1];
    return {
      alerts: page.map((a) => ({
        id: a.id,
        kind: a.kind,
        message: a.message,
        concernId: a.concernId && openable.has(a.concernId) ? a.concernId : null,
        createdAt: a.createdAt.toISOString(),
        readAt: a.readAt?.toISOString() ?? null,
      })),
      unread: await unreadIn(db, actor.userId, schoolId),
      nextBefore:
        rows.length > q.limit && last ? encodeCursor({ at: last.createdAt.toISOString(), id: last.id }) : null,
    };
  });
}

/** Mark one of the person's own alerts read (again is harmless). Someone else's alert is not found. */
export async function markAlertRead(deps: AppDeps, who: SchoolRequest, alertId: string): Promise<void> {
  await inSchool(deps, who, 'member', async (s) => {
    const marked = await markOneRead(s.tx, { userId: s.actor.userId, schoolId: s.schoolId }, alertId, s.now);
    if (!marked) throw new AppError('not_found', 'alert not found');
    // The person's other open tabs (on any process) update their count.
    await deps.alertBus.wake(s, [s.actor.userId]);
  });
}

/** Mark all the person's unread alerts in a school read; how many there were. */
export async function markAllAlertsRead(deps: AppDeps, who: SchoolRequest): Promise<number> {
  return inSchool(deps, who, 'member', async (s) => {
    const marked = await markAllRead(s.tx, { userId: s.actor.userId, schoolId: s.schoolId }, s.now);
    if (marked > 0) await deps.alertBus.wake(s, [s.actor.userId]);
    return marked;
  });
}

/**
 * Unread alerts per school for the live stream: every school the person belongs to, zero included.
 * Only the person's own alerts, in schools taken from their own roles, so no school check is needed.
 */
export async function unreadCounts(deps: AppDeps, actor: Actor): Promise<AlertCountsEvent> {
  const schoolIds = [
    ...new Set(actor.assignments.map((a) => a.schoolId).filter((s): s is string => s !== null)),
  ].sort();
  if (schoolIds.length === 0) return { counts: [] };
  const rows = await unreadBySchool(deps.database.db, actor.userId, schoolIds);
  const bySchool = new Map(rows.map((r) => [r.schoolId, r.n]));
  return { counts: schoolIds.map((schoolId) => ({ schoolId, unread: bySchool.get(schoolId) ?? 0 })) };
}
