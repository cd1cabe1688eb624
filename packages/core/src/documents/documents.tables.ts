/**
 * Whole-school documents: a policy's file, evidence for the self-assessment, a resource in the
 * library. They are about the school, never about a pupil (the upload page says so), and any
 * member of staff of the school (or, for a trust's document, of the trust's schools) may open them.
 */
import { index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from '../db/columns';
import { schools, trusts } from '../schools/schools.tables';
import { users } from '../auth/auth.tables';
import { DOCUMENT_TYPES } from './documents.values';

export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    trustId: uuid('trust_id')
      .notNull()
      .references(() => trusts.id),
    /** null for a trust's document (the trust's shared library). */
    schoolId: uuid('school_id').references(() => schools.id),
    fileName: text('file_name').notNull(),
    /** Decided from the file's content, not its name or the browser's claim. */
    contentType: text('content_type', { enum: DOCUMENT_TYPES }).notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: text('data').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    uploadedAt: ts('uploaded_at').notNull(),
  },
  (t) => [index('documents_school_idx').on(t.trustId, t.schoolId)],
);
