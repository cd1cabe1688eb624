/**
 * Retention: each school's longer periods (every change kept, the latest in force) and the register
 * of destructions (what kind, whose, when, by whom, why, how many of each kind: never content).
 */
import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { oneOf, ts } from '../db/columns';
import { schools } from '../schools/schools.tables';
import { users } from '../auth/auth.tables';
import { pupils } from '../pupils/pupils.tables';
import { RECORD_CLASSES } from '../records/record-classes';
import { DESTRUCTION_STATUSES } from './retention.rules';

/** A school's period for one kind of record, longer than the toolkit's; the newest row is in force. */
export const retentionSettings = pgTable(
  'retention_settings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    recordClass: text('record_class', { enum: RECORD_CLASSES }).notNull(),
    years: integer('years').notNull(),
    reason: text('reason').notNull(),
    setBy: uuid('set_by')
      .notNull()
      .references(() => users.id),
    setAt: ts('set_at').notNull(),
  },
  (t) => [
    index('retention_settings_school_idx').on(t.schoolId, t.recordClass, t.setAt),
    check('retention_settings_class_ck', oneOf(t.recordClass, RECORD_CLASSES)),
    check('retention_settings_years_ck', sql`${t.years} between 1 and 100`),
  ],
);

/** Counts of what went, per kind of item (no content). */
export type DestroyedCounts = { kind: string; count: number }[];

/**
 * One pupil's records of one kind reviewed for destruction: proposed (a child-protection file waits
 * for a second person), destroyed, or withdrawn. The pupil's name and date of birth are kept as text,
 * since what held them may be gone.
 */
export const retentionDestructions = pgTable(
  'retention_destructions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    pupilId: uuid('pupil_id')
      .notNull()
      .references(() => pupils.id),
    pupilName: text('pupil_name').notNull(),
    pupilDateOfBirth: text('pupil_date_of_birth').notNull(),
    recordClass: text('record_class', { enum: RECORD_CLASSES }).notNull(),
    /** The review date when it was proposed. */
    reviewOn: date('review_on', { mode: 'string' }).notNull(),
    status: text('status', { enum: DESTRUCTION_STATUSES }).notNull(),
    reason: text('reason').notNull(),
    proposedBy: uuid('proposed_by')
      .notNull()
      .references(() => users.id),
    proposedAt: ts('proposed_at').notNull(),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    confirmedAt: ts('confirmed_at'),
    withdrawnBy: uuid('withdrawn_by').references(() => users.id),
    withdrawnAt: ts('withdrawn_at'),
    counts: jsonb('counts').$type<DestroyedCounts>().notNull().default([]),
  },
  (t) => [
    index('retention_destructions_school_idx').on(t.schoolId, t.status, t.proposedAt),
    index('retention_destructions_pupil_idx').on(t.pupilId),
    // At most one proposal waiting for a pupil's records of a kind.
    uniqueIndex('retention_destructions_one_open_uq')
      .on(t.schoolId, t.pupilId, t.recordClass)
      .where(sql`${t.status} = 'proposed'`),
    check('retention_destructions_class_ck', oneOf(t.recordClass, RECORD_CLASSES)),
    check('retention_destructions_status_ck', oneOf(t.status, DESTRUCTION_STATUSES)),
    check(
      'retention_destructions_confirmed_ck',
      sql`(${t.status} = 'destroyed') = (${t.confirmedBy} is not null and ${t.confirmedAt} is not null)`,
    ),
  ],
);
