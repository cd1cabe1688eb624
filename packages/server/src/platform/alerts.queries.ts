/**
 * The SQL of the alert list. Alerts are the platform's own table: every query is scoped to one
 * person (and, but for the live stream's counts, to one school).
 */
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alerts } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';
import type { PageCursor } from './cursor';

export type AlertRow = typeof alerts.$inferSelect;

/** One page of a person's alerts in a school, newest first, with one more row to say if there are more. */
export async function alertPage(
  db: DbOrTx,
  who: { userId: string; schoolId: string },
  o: { unreadOnly: boolean; cursor: PageCursor | null; limit: number },
): Promise<AlertRow[]> {
  const { cursor } = o;
  return db
    .select()
    .from(alerts)
    .where(
      and(
        eq(alerts.userId, who.userId),
        eq(alerts.schoolId, who.schoolId),
        o.unreadOnly ? isNull(alerts.readAt) : undefined,
        cursor ? sql`(${alerts.createdAt}, ${alerts.id}) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(alerts.createdAt), desc(alerts.id))
    .limit(o.limit + 1);
}

/** How many of a person's alerts in a school are unread. */
export async function unreadIn(db: DbOrTx, userId: string, schoolId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(alerts)
    .where(and(eq(alerts.userId, userId), eq(alerts.schoolId, schoolId), isNull(alerts.readAt)));
  return row?.n ?? 0;
}

/** Unread alerts per school, for the schools given (schools with none are absent). */
export async function unreadBySchool(db: DbOrTx, userId: string, schoolIds: string[]) {
  return db
    .select({ schoolId: alerts.schoolId, n: sql<number>`count(*)::int` })
    .from(alerts)
    .where(and(eq(alerts.userId, userId), isNull(alerts.readAt), inArray(alerts.schoolId, schoolIds)))
    .groupBy(alerts.schoolId);
}

/** Mark one of a person's alerts read, keeping the first time it was read; false if not theirs. */
export async function markOneRead(
  db: DbOrTx,
  who: { userId: string; schoolId: string },
  alertId: string,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(alerts)
    .set({ readAt: sql`coalesce(${alerts.readAt}, ${now.toISOString()}::timestamptz)` })
    .where(and(eq(alerts.id, alertId), eq(alerts.userId, who.userId), eq(alerts.schoolId, who.schoolId)))
    .returning({ id: alerts.id });
  return rows.length > 0;
}

/** Mark all of a person's unread alerts in a school read; how many there were. */
export async function markAllRead(db: DbOrTx, who: { userId: string; schoolId: string }, now: Date): Promise<number> {
  const rows = await db
    .update(alerts)
    .set({ readAt: now })
    .where(and(eq(alerts.userId, who.userId), eq(alerts.schoolId, who.schoolId), isNull(alerts.readAt)))
    .returning({ id: alerts.id });
  return rows.length;
}
