/**
 * MIS imports awaiting confirmation. The rules every table keeps are in db/schema.ts, which
 * gathers them all for Drizzle and the migrations.
 */
import { check, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, oneOf, ts } from '../db/columns';
import { IMPORT_KINDS, IMPORT_STORED_STATUSES } from './pupils.values';
import { schools } from '../schools/schools.tables';
import { users } from '../auth/auth.tables';

/** An uploaded MIS export awaiting confirmation: the preview is kept so "apply" applies what was shown. */
export const pupilImports = pgTable(
  'pupil_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    kind: text('kind', { enum: IMPORT_KINDS }).notNull(),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    status: text('status', { enum: IMPORT_STORED_STATUSES }).notNull(),
    /** The validated rows, ready to apply. */
    rows: jsonb('rows').notNull(),
    summary: jsonb('summary').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    appliedAt: ts('applied_at'),
  },
  (t) => [
    index('pupil_imports_school_idx').on(t.schoolId, t.createdAt),
    check('pupil_imports_kind_ck', oneOf(t.kind, IMPORT_KINDS)),
    check('pupil_imports_status_ck', oneOf(t.status, IMPORT_STORED_STATUSES)),
  ],
);
