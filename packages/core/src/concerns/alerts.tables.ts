/**
 * In-app alerts. The rules every table keeps are in db/schema.ts, which gathers them all for
 * Drizzle and the migrations.
 */
import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from '../db/columns';
import { ALERT_KINDS } from './concerns.values';
import { schools } from '../schools/schools.tables';
import { users } from '../auth/auth.tables';
import { concerns } from './concerns.tables';

/** In-app alerts for a person. Their text never names a pupil. */
export const alerts = pgTable(
  'alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: ALERT_KINDS }).notNull(),
    concernId: uuid('concern_id').references(() => concerns.id),
    message: text('message').notNull(),
    createdAt: ts('created_at').notNull(),
    readAt: ts('read_at'),
  },
  (t) => [
    index('alerts_user_idx').on(t.userId, t.readAt, t.createdAt),
    index('alerts_user_school_idx').on(t.userId, t.schoolId, t.createdAt, t.id),
  ],
);
