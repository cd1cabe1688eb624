/**
 * The staff training record: one row per piece of training a member of staff has done. The rules
 * every table keeps are in db/schema.ts, which gathers them all for Drizzle and the migrations.
 */
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { oneOf, ts } from '../db/columns';
import { schools } from '../schools/schools.tables';
import { users } from '../auth/auth.tables';
import { documents } from '../documents/documents.tables';
import { TRAINING_COURSES, TRAINING_RECORD_STATUSES } from './training.values';

export const trainingRecords = pgTable(
  'training_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    /** The member of staff who did the training. */
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    course: text('course', { enum: TRAINING_COURSES }).notNull(),
    /** The name of an "other" course; '' for the named ones. */
    otherName: text('other_name').notNull().default(''),
    completedOn: date('completed_on', { mode: 'string' }).notNull(),
    provider: text('provider').notNull(),
    /** Months until renewal (the course's usual period unless changed); null when it does not expire. */
    renewalMonths: integer('renewal_months'),
    certificateDocumentId: uuid('certificate_document_id').references(() => documents.id),
    notes: text('notes').notNull().default(''),
    status: text('status', { enum: TRAINING_RECORD_STATUSES }).notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: ts('recorded_at').notNull(),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    confirmedAt: ts('confirmed_at'),
    /** Raised on every change: a correction made against an older version is refused. */
    version: integer('version').notNull().default(1),
    updatedAt: ts('updated_at').notNull(),
    /** The adding form's key, so a double-submitted form records the training once. */
    submissionKey: text('submission_key'),
  },
  (t) => [
    index('training_records_person_idx').on(t.schoolId, t.userId, t.course, t.completedOn),
    index('training_records_status_idx').on(t.schoolId, t.status),
    uniqueIndex('training_records_submission_uq').on(t.schoolId, t.recordedBy, t.submissionKey),
    check('training_records_course_ck', oneOf(t.course, TRAINING_COURSES)),
    check('training_records_status_ck', oneOf(t.status, TRAINING_RECORD_STATUSES)),
    check('training_records_other_ck', sql`${t.course} <> 'other' or ${t.otherName} <> ''`),
    check('training_records_renewal_ck', sql`${t.renewalMonths} is null or (${t.renewalMonths} between 1 and 120)`),
    check('training_records_confirmed_ck', sql`${t.status} <> 'confirmed' or ${t.confirmedAt} is not null`),
  ],
);
