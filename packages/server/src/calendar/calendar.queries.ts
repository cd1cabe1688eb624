/** Calendar feed queries: one person's live feed, a feed by its secret's hash, and its changes. */
import { and, eq, isNull } from 'drizzle-orm';
import { calendarFeeds, users } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';

export type CalendarFeedRow = typeof calendarFeeds.$inferSelect;

/** The person's feed in use, if any. */
export async function liveFeedOf(db: DbOrTx, userId: string): Promise<CalendarFeedRow | undefined> {
  const [row] = await db
    .select()
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.endedAt)));
  return row;
}

/** A feed in use by its secret's hash, with its owner's account state. */
export async function liveFeedBySecretHash(db: DbOrTx, secretHash: string) {
  const [row] = await db
    .select({
      feed: calendarFeeds,
      user: { id: users.id, email: users.email, displayName: users.displayName, disabledAt: users.disabledAt },
    })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(and(eq(calendarFeeds.secretHash, secretHash), isNull(calendarFeeds.endedAt)));
  return row;
}

export async function insertFeed(
  tx: DbOrTx,
  values: { userId: string; secretHash: string; createdAt: Date },
): Promise<CalendarFeedRow> {
  const [row] = await tx.insert(calendarFeeds).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

/** Ends the feed if it is still in use; whether it was. */
export async function endFeed(tx: DbOrTx, feedId: string, at: Date): Promise<boolean> {
  const ended = await tx
    .update(calendarFeeds)
    .set({ endedAt: at })
    .where(and(eq(calendarFeeds.id, feedId), isNull(calendarFeeds.endedAt)))
    .returning({ id: calendarFeeds.id });
  return ended.length > 0;
}

export async function markFetched(db: DbOrTx, feedId: string, at: Date): Promise<void> {
  await db.update(calendarFeeds).set({ lastFetchedAt: at }).where(eq(calendarFeeds.id, feedId));
}
