/**
 * The e-mail outbox and the shared request counts of the HTTP rate limits: what several app
 * processes on one database must agree on. The rules every table keeps are in db/schema.ts.
 */
import { index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { ts } from '../db/columns';

/**
 * Every e-mail Tandem sends, written in the same transaction as the change it tells of, then sent
 * by the process that committed it or, failing that, by any process's outbox worker. Like every
 * message it never names a pupil or carries case text; its text is cleared once it is sent (a link
 * in it may sign someone in), and the row itself is deleted a few days later.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The Message-ID header, the same on every attempt, so a receiver can drop a repeat. */
    messageId: text('message_id').notNull().unique(),
    to: text('to_address').notNull(),
    subject: text('subject').notNull(),
    /** Emptied once sent. */
    body: text('body').notNull(),
    createdAt: ts('created_at').notNull(),
    /** Attempts made so far (a failed one waits longer each time before the next). */
    attempts: integer('attempts').notNull().default(0),
    /** Not before this time may a worker try it (now, or later after a failed attempt). */
    nextAttemptAt: ts('next_attempt_at').notNull(),
    sentAt: ts('sent_at'),
    /** Set when the attempts ran out: it is no longer tried. */
    gaveUpAt: ts('gave_up_at'),
  },
  (t) => [
    index('mail_outbox_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.sentAt} is null and ${t.gaveUpAt} is null`),
    index('mail_outbox_sent_idx').on(t.sentAt),
  ],
);

/**
 * Requests counted by the HTTP rate limits (@fastify/rate-limit) in fixed windows, one row per
 * route and network address, so every app process sees one count. The key is a SHA-256 hash: no
 * address is stored in the clear. Rows whose window has ended are deleted by a due job.
 */
export const rateLimitHits = pgTable(
  'rate_limit_hits',
  {
    key: text('key').primaryKey(),
    hits: integer('hits').notNull(),
    /** When the window ends and the count starts again from one. */
    resetAt: ts('reset_at').notNull(),
  },
  (t) => [index('rate_limit_hits_reset_idx').on(t.resetAt)],
);
