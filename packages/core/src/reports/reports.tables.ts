/**
 * Termly reports: the school's figures for a term, prepared by a due job the day after the term
 * ends and kept as they were then (aggregates only: no pupil is named or identified in them).
 */
import { date, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from '../db/columns';
import { schools } from '../schools/schools.tables';
import type { Figure } from './figure';

export const termlyReports = pgTable(
  'termly_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    /** e.g. "2026-autumn" (core reports/terms.ts). */
    termKey: text('term_key').notNull(),
    fromOn: date('from_on', { mode: 'string' }).notNull(),
    toOn: date('to_on', { mode: 'string' }).notNull(),
    /** The leads' figures for the term (no drill-down); the governors' version is made from them. */
    figures: jsonb('figures').$type<Figure[]>().notNull(),
    preparedAt: ts('prepared_at').notNull(),
  },
  (t) => [
    uniqueIndex('termly_reports_term_uq').on(t.schoolId, t.termKey),
    index('termly_reports_school_idx').on(t.schoolId, t.preparedAt),
  ],
);
