/**
 * A person's in-app alerts: the list (newest first) with the unread count, marking read, and the
 * unread counts per school that the live stream sends. Everyone sees only their own alerts; the
 * text never names a pupil, and the link to a concern is left out once the reader may not open it
 * (a concern moved into the restricted safeguarding record since).
 */
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import {
  AppError,
  belongsToSchool,
  canInSchool,
  type Actor,
  type Alert,
  type AlertCountsEvent,
  type AlertKind,
} from '@tandem/core';
import { alerts, concerns } from '@tandem/core/schema';
import type { z } from 'zod';
import type { alertListQuery } from '@tandem/core';
import type { AppDeps } from '../platform/deps';
import type { DbOrTx } from '../db/client';
import { alertBus } from '../platform/alerts';
import { decodeQueueCursor, encodeQueueCursor } from './concerns.queries';

function requireMember(actor: Actor, schoolId: string): void {
  if (!belongsToSchool(actor, schoolId)) throw new AppError('not_found', 'school not in scope');
}

async function unreadIn(db: DbOrTx, userId: string, schoolId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(alerts)
    .where(and(eq(alerts.userId, userId), eq(alerts.schoolId, schoolId), isNull(alerts.readAt)));
  return row?.n ?? 0;
}

/** The signed-in person's alerts in one school, newest first, with how many are unread. */
export async function listAlerts(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  q: z.infer<typeof alertListQuery>,
): Promise<{ alerts: Alert[]; unread: number; nextBefore: string | null }> {
  requireMember(actor, schoolId);
  const { db } = deps.database;
  const cursor = q.before ? decodeQueueCursor(q.before) : null;
  const rows = await db
    .select({ a: alerts, restricted: concerns.restricted })
    .from(alerts)
    .leftJoin(concerns, eq(concerns.id, alerts.concernId))
    .where(
      and(
        eq(alerts.userId, actor.userId),
        eq(alerts.schoolId, schoolId),
        q.unread ? isNull(alerts.readAt) : undefined,
        cursor ? sql`(${alerts.createdAt}, ${alerts.id}) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(alerts.createdAt), desc(alerts.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const mayOpenRestricted = canInSchool(actor, 'safeguarding.read', schoolId);
  const last = page[page.length - 1];
  return {
    alerts: page.map(({ a, restricted }) => ({
      id: a.id,
      kind: a.kind as AlertKind,
      message: a.message,
      concernId: restricted && !mayOpenRestricted ? null : a.concernId,
      createdAt: a.createdAt.toISOString(),
      readAt: a.readAt?.toISOString() ?? null,
    })),
    unread: await unreadIn(db, actor.userId, schoolId),
    nextBefore:
      rows.length > q.limit && last ? encodeQueueCursor({ at: last.a.createdAt.toISOString(), id: last.a.id }) : null,
  };
}

/** Mark one of the person's own alerts read (again is harmless). Someone else's alert is not found. */
export async function markAlertRead(deps: AppDeps, actor: Actor, schoolId: string, alertId: string): Promise<void> {
  requireMember(actor, schoolId);
  const { db } = deps.database;
  const [row] = await db
    .update(alerts)
    .set({ readAt: sql`coalesce(${alerts.readAt}, ${deps.clock.now().toISOString()}::timestamptz)` })
    .where(and(eq(alerts.id, alertId), eq(alerts.userId, actor.userId), eq(alerts.schoolId, schoolId)))
    .returning({ id: alerts.id });
  if (!row) throw new AppError('not_found', 'alert not found');
  // The person's other open tabs update their count.
  alertBus.emit('alert', actor.userId);
}

export async function markAllAlertsRead(deps: AppDeps, actor: Actor, schoolId: string): Promise<number> {
  requireMember(actor, schoolId);
  const rows = await deps.database.db
    .update(alerts)
    .set({ readAt: deps.clock.now() })
    .where(and(eq(alerts.userId, actor.userId), eq(alerts.schoolId, schoolId), isNull(alerts.readAt)))
    .returning({ id: alerts.id });
  if (rows.length > 0) alertBus.emit('alert', actor.userId);
  return rows.length;
}

/** Unread alerts per school for the live stream: every school the person belongs to, zero included. */
export async function unreadCounts(db: DbOrTx, actor: Actor): Promise<AlertCountsEvent> {
  const schoolIds = [
    ...new Set(actor.assignments.map((a) => a.schoolId).filter((s): s is string => s !== null)),
  ].sort();
  if (schoolIds.length === 0) return { counts: [] };
  const rows = await db
    .select({ schoolId: alerts.schoolId, n: sql<number>`count(*)::int` })
    .from(alerts)
    .where(and(eq(alerts.userId, actor.userId), isNull(alerts.readAt), inArray(alerts.schoolId, schoolIds)))
    .groupBy(alerts.schoolId);
  const bySchool = new Map(rows.map((r) => [r.schoolId, r.n]));
  return { counts: schoolIds.map((schoolId) => ({ schoolId, unread: bySchool.get(schoolId) ?? 0 })) };
}
