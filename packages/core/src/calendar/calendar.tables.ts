/**
 * A member of staff's private calendar feed: the address holds a random secret, of which only the
 * SHA-256 is kept (a copy of the database gives no working address). Renewing ends the row and
 * adds a new one; stopping ends it. One live feed per person. Not school-owned: it belongs to the
 * person, and what it shows is decided afresh from their roles on every fetch.
 */
import { sql } from 'drizzle-orm';
import { index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from '../db/columns';
import { users } from '../auth/auth.tables';

export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** SHA-256 (hex) of the secret in the address; the secret itself is shown once and never kept. */
    secretHash: text('secret_hash').notNull(),
    createdAt: ts('created_at').notNull(),
    /** When a calendar last fetched it (at most once a minute is recorded). */
    lastFetchedAt: ts('last_fetched_at'),
    /** Renewed or stopped: the address answers 404 from then on. */
    endedAt: ts('ended_at'),
  },
  (t) => [
    uniqueIndex('calendar_feeds_secret_uq').on(t.secretHash),
    uniqueIndex('calendar_feeds_live_uq')
      .on(t.userId)
      .where(sql`${t.endedAt} is null`),
    index('calendar_feeds_user_idx').on(t.userId, t.createdAt),
  ],
);
