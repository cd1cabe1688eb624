/**
 * Files attached to concerns. The rules every table keeps are in db/schema.ts, which gathers them
 * all for Drizzle and the migrations.
 */
import { index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from '../db/columns';
import { CONCERN_FILE_TYPES } from './concerns.values';
import { schools } from '../schools/schools.tables';
import { concerns } from './concerns.tables';
import { users } from '../auth/auth.tables';

/** Files attached to a concern (photos of a note, a PDF), stored in the database with the record. */
export const concernFiles = pgTable(
  'concern_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    concernId: uuid('concern_id')
      .notNull()
      .references(() => concerns.id),
    fileName: text('file_name').notNull(),
    /** Decided from the file's content, not its name or the browser's claim. */
    contentType: text('content_type', { enum: CONCERN_FILE_TYPES }).notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: text('data').notNull(),
    addedBy: uuid('added_by')
      .notNull()
      .references(() => users.id),
    addedAt: ts('added_at').notNull(),
  },
  (t) => [index('concern_files_concern_idx').on(t.concernId)],
);
