/**
 * Outcome questionnaires: a school's own measures (each version kept), and each questionnaire asked
 * of a pupil with its answers as given and its scores. The built-in measures are data in core
 * (measures/builtin), not rows. The rules every table keeps are in db/schema.ts.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { oneOf, ts } from '../db/columns';
import { CUSTOM_MEASURE_STATUSES, QUESTIONNAIRE_STATUSES, TIMEPOINTS } from './interventions.values';
import { RESPONDENTS, type MeasureDefinition, type ScoreResult } from '../measures/measure.types';
import { schools } from '../schools/schools.tables';
import { pupils } from '../pupils/pupils.tables';
import { users } from '../auth/auth.tables';
import { interventionPlaces } from './interventions.tables';

/**
 * A school's own questionnaire, one row per version. A version with scores is never edited: a change
 * is a new version under the same measure id (key "custom:<measure_id>").
 */
export const customMeasures = pgTable(
  'custom_measures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    measureId: uuid('measure_id').notNull(),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<MeasureDefinition>().notNull(),
    status: text('status', { enum: CUSTOM_MEASURE_STATUSES }).notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('custom_measures_version_uq').on(t.schoolId, t.measureId, t.version),
    check('custom_measures_status_ck', oneOf(t.status, CUSTOM_MEASURE_STATUSES)),
  ],
);

/**
 * One questionnaire asked of (or about) a pupil: due, being answered (each answer kept as it is
 * given, so a closed tab loses nothing), then complete with its scores. A baseline is made due when
 * the pupil starts an intervention and a follow-up when they finish.
 */
export const questionnaires = pgTable(
  'questionnaires',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    pupilId: uuid('pupil_id')
      .notNull()
      .references(() => pupils.id),
    measureKey: text('measure_key').notNull(),
    measureVersion: integer('measure_version').notNull(),
    /** The place on an intervention it belongs to, or null for a questionnaire on its own. */
    placeId: uuid('place_id').references(() => interventionPlaces.id),
    timepoint: text('timepoint', { enum: TIMEPOINTS }).notNull(),
    respondent: text('respondent', { enum: RESPONDENTS }).notNull(),
    status: text('status', { enum: QUESTIONNAIRE_STATUSES }).notNull(),
    answers: jsonb('answers').$type<Record<string, number>>().notNull().default({}),
    /** Goal Based Outcomes: the goals in the pupil's words, by item id ("goal1": "To ..."). */
    goals: jsonb('goals').$type<Record<string, string>>().notNull().default({}),
    scores: jsonb('scores').$type<ScoreResult[]>(),
    /** A risk item was answered at or above its threshold: the urgent concern it opened. */
    riskRaised: boolean('risk_raised').notNull().default(false),
    concernId: uuid('concern_id'),
    dueOn: date('due_on', { mode: 'string' }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
    startedAt: ts('started_at'),
    completedAt: ts('completed_at'),
    completedBy: uuid('completed_by').references(() => users.id),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('questionnaires_pupil_idx').on(t.schoolId, t.pupilId, t.createdAt),
    index('questionnaires_place_idx').on(t.schoolId, t.placeId),
    uniqueIndex('questionnaires_place_timepoint_uq')
      .on(t.placeId, t.timepoint)
      .where(sql`${t.placeId} is not null and ${t.timepoint} in ('baseline', 'follow_up')`),
    check('questionnaires_timepoint_ck', oneOf(t.timepoint, TIMEPOINTS)),
    check('questionnaires_status_ck', oneOf(t.status, QUESTIONNAIRE_STATUSES)),
    check('questionnaires_respondent_ck', oneOf(t.respondent, RESPONDENTS)),
  ],
);
