/**
 * The whole-school self-assessment and its action plan. The rules every table keeps are in
 * db/schema.ts, which gathers them all for Drizzle and the migrations.
 */
import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from '../db/columns';
import { schools } from '../schools/schools.tables';
import { users } from '../auth/auth.tables';
import { ACTION_STATUSES, ASSESSMENT_STATUSES, RATINGS } from './improvement.values';
import { FRAMEWORKS } from './areas';

/** One self-assessment of the school against one framework, for a year or a term. */
export const assessments = pgTable(
  'assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    framework: text('framework', { enum: FRAMEWORKS }).notNull(),
    /** The period it is for, in the school's words: "2026 to 2027", "Autumn term 2026". */
    periodLabel: text('period_label').notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    startedBy: uuid('started_by')
      .notNull()
      .references(() => users.id),
    status: text('status', { enum: ASSESSMENT_STATUSES }).notNull().default('draft'),
    confirmedAt: ts('confirmed_at'),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    /** The last assessment of the same framework before this one (its ratings are shown beside). */
    previousId: uuid('previous_id'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('assessments_school_idx').on(t.schoolId, t.framework, t.startedOn),
    /** One draft per framework at a time: a second start while one is open is refused. */
    uniqueIndex('assessments_one_draft_uq')
      .on(t.schoolId, t.framework)
      .where(sql`status = 'draft'`),
  ],
);

/** Evidence for a statement beyond its text: a link, a record in Tandem, or an uploaded document. */
export type StoredEvidence =
  | { kind: 'link'; url: string; label: string }
  | { kind: 'record'; recordKind: string; recordId: string; label: string; href: string }
  | { kind: 'document'; documentId: string; label: string };

/** One statement's rating and evidence in one assessment: saved as it is written. */
export const assessmentRatings = pgTable(
  'assessment_ratings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id),
    /** The statement's key in frameworks.ts, e.g. "county.ethos.3". */
    statementKey: text('statement_key').notNull(),
    rating: text('rating', { enum: RATINGS }),
    evidenceText: text('evidence_text').notNull().default(''),
    evidence: jsonb('evidence').$type<StoredEvidence[]>().notNull().default([]),
    /** Raised on every save: a save made against an older version is refused and the draft kept. */
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by')
      .notNull()
      .references(() => users.id),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('assessment_ratings_statement_uq').on(t.assessmentId, t.statementKey),
    index('assessment_ratings_school_idx').on(t.schoolId, t.assessmentId),
  ],
);

/** An action of the school's action plan. */
export const improvementActions = pgTable(
  'improvement_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    /** The assessment whose action plan holds it now (an unfinished action is carried forward). */
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id),
    /** The assessment it was first written for. */
    firstAssessmentId: uuid('first_assessment_id')
      .notNull()
      .references(() => assessments.id),
    areaKey: text('area_key').notNull(),
    /** The statement rated low that it answers, if any. */
    statementKey: text('statement_key'),
    title: text('title').notNull(),
    successCriteria: text('success_criteria').notNull(),
    ownerUserId: uuid('owner_user_id')
      .notNull()
      .references(() => users.id),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: text('status', { enum: ACTION_STATUSES }).notNull().default('not_started'),
    version: integer('version').notNull().default(1),
    /** When the owner was reminded that it is overdue (once per due date). */
    remindedOverdueOn: date('reminded_overdue_on', { mode: 'string' }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('improvement_actions_school_idx').on(t.schoolId, t.assessmentId),
    index('improvement_actions_owner_idx').on(t.schoolId, t.ownerUserId, t.status),
  ],
);

/** Progress noted on an action by its owner or the lead, oldest first; never changed. */
export const improvementActionNotes = pgTable(
  'improvement_action_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    actionId: uuid('action_id')
      .notNull()
      .references(() => improvementActions.id),
    note: text('note').notNull(),
    statusAfter: text('status_after', { enum: ACTION_STATUSES }).notNull(),
    writtenBy: uuid('written_by')
      .notNull()
      .references(() => users.id),
    writtenAt: ts('written_at').notNull(),
  },
  (t) => [index('improvement_action_notes_action_idx').on(t.actionId, t.writtenAt)],
);
