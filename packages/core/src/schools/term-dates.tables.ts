/**
 * A school's term dates (which days are school days): its terms, each with a first and last day, and
 * the days it is closed inside them (INSET days, bank holidays). Deadlines counted in school days
 * (a leaver's files to the next school within five) read them. The rules every table keeps are in
 * db/schema.ts.
 */
import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from '../db/columns';
import { users } from '../auth/auth.tables';
import { schools } from './schools.tables';

export const schoolTerms = pgTable(
  'school_terms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    /** e.g. "Autumn term 2026". */
    name: text('name').notNull(),
    firstDay: date('first_day', { mode: 'string' }).notNull(),
    lastDay: date('last_day', { mode: 'string' }).notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('school_terms_school_idx').on(t.schoolId, t.firstDay),
    check('school_terms_dates_ck', sql`${t.lastDay} >= ${t.firstDay}`),
  ],
);

export const schoolClosures = pgTable(
  'school_closures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    on: date('on', { mode: 'string' }).notNull(),
    /** e.g. "INSET day", "Bank holiday". */
    reason: text('reason').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('school_closures_day_uq').on(t.schoolId, t.on)],
);
