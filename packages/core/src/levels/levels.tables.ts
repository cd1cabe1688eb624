/**
 * The school's wording of each level, every change of a pupil's level, and termly sharing. The
 * rules every table keeps are in db/schema.ts, which gathers them all for Drizzle and the
 * migrations.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, oneOf, ts } from '../db/columns';
import { LEVEL_CODES, LEVEL_SHARE_AUDIENCES, type EvidenceKind } from './levels.values';
import { schools } from '../schools/schools.tables';
import { users } from '../auth/auth.tables';
import { pupils } from '../pupils/pupils.tables';

/**
 * A school's wording of one level of its framework. Rewording adds a new version; earlier versions
 * are kept, so a level change can show the wording that was in force when it was made.
 */
export const levelDefinitions = pgTable(
  'level_definitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    /** MH1..MH5: the structure, which a school cannot change. */
    code: text('code', { enum: LEVEL_CODES }).notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull(),
    schoolProvides: jsonb('school_provides').$type<string[]>().notNull(),
    homeDoes: jsonb('home_does').$type<string[]>().notNull(),
    schoolToDo: jsonb('school_to_do').$type<string[]>().notNull(),
    homeToDo: jsonb('home_to_do').$type<string[]>().notNull(),
    evidenceToMoveUp: text('evidence_to_move_up').notNull(),
    /** What the level means for a parent, in plain words (used in letters home). */
    parentSummary: text('parent_summary').notNull(),
    /**
     * "What you can do at home" in plain words for parents (letters, the portal); the lists above
     * are staff wording. Empty on a wording saved before this existed: the framework's own parent
     * wording of the level is used then.
     */
    parentAtHome: jsonb('parent_at_home')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    /** Set when a newer version replaces this one. */
    supersededAt: ts('superseded_at'),
  },
  (t) => [
    uniqueIndex('level_definitions_version_uq').on(t.schoolId, t.code, t.version),
    uniqueIndex('level_definitions_current_uq')
      .on(t.schoolId, t.code)
      .where(sql`${t.supersededAt} is null`),
  ],
);

/** Every change of a pupil's level, kept for ever: who, when, from, to, why, and on what evidence. */
export const levelChanges = pgTable(
  'level_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    pupilId: uuid('pupil_id')
      .notNull()
      .references(() => pupils.id),
    fromLevel: text('from_level', { enum: LEVEL_CODES }),
    toLevel: text('to_level', { enum: LEVEL_CODES }),
    /** The wording of the new level in force at the time (null when moving to Thriving). */
    definitionId: uuid('definition_id').references(() => levelDefinitions.id),
    reason: text('reason').notNull(),
    evidence: jsonb('evidence')
      .$type<{ kind: EvidenceKind; description: string; refId?: string | undefined }[]>()
      .notNull(),
    changedBy: uuid('changed_by')
      .notNull()
      .references(() => users.id),
    changedAt: ts('changed_at').notNull(),
  },
  (t) => [
    index('level_changes_pupil_idx').on(t.schoolId, t.pupilId, t.changedAt),
    // Reports read a school's changes since a day (moves between levels, a level on a past day).
    index('level_changes_school_at_idx').on(t.schoolId, t.changedAt),
  ],
);

/** Termly sharing of levels: with parents (a letter) or with staff (a briefing). */
export const levelShares = pgTable(
  'level_shares',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    pupilId: uuid('pupil_id')
      .notNull()
      .references(() => pupils.id),
    audience: text('audience', { enum: LEVEL_SHARE_AUDIENCES }).notNull(),
    /** The level shared (null = Thriving). */
    level: text('level', { enum: LEVEL_CODES }),
    batchId: uuid('batch_id').notNull(),
    sharedBy: uuid('shared_by')
      .notNull()
      .references(() => users.id),
    sharedAt: ts('shared_at').notNull(),
  },
  (t) => [
    index('level_shares_pupil_idx').on(t.schoolId, t.pupilId, t.sharedAt),
    index('level_shares_audience_idx').on(t.schoolId, t.audience, t.sharedAt),
    check('level_shares_audience_ck', oneOf(t.audience, LEVEL_SHARE_AUDIENCES)),
  ],
);
