/**
 * The anonymous staff wellbeing survey. Three tables kept apart on purpose:
 *  - the survey itself;
 *  - who was invited and whether they have answered (no answer, no time);
 *  - the responses: no user id, no time finer than the day, and a random id that is the only
 *    order they are ever read in, so nothing links a person to an answer.
 */
import { boolean, check, date, index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { oneOf, ts } from '../db/columns';
import { schools } from '../schools/schools.tables';
import { users } from '../auth/auth.tables';
import { STAFF_GROUPS, SURVEY_STATUSES, type StaffGroup, type SurveyStatement } from './staff-survey.values';

export const staffSurveys = pgTable(
  'staff_surveys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    title: text('title').notNull(),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    /** The groups invited (all three: all staff). */
    groups: jsonb('groups').$type<StaffGroup[]>().notNull(),
    statements: jsonb('statements').$type<SurveyStatement[]>().notNull(),
    status: text('status', { enum: SURVEY_STATUSES }).notNull().default('draft'),
    openedAt: ts('opened_at'),
    closedAt: ts('closed_at'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('staff_surveys_school_idx').on(t.schoolId, t.opensOn),
    check('staff_surveys_status_ck', oneOf(t.status, SURVEY_STATUSES)),
  ],
);

/** Who was invited when the survey opened, their group then, and whether they have answered. */
export const staffSurveyParticipants = pgTable(
  'staff_survey_participants',
  {
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => staffSurveys.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    group: text('group', { enum: STAFF_GROUPS }).notNull(),
    responded: boolean('responded').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.surveyId, t.userId] }),
    index('staff_survey_participants_user_idx').on(t.schoolId, t.userId),
    check('staff_survey_participants_group_ck', oneOf(t.group, STAFF_GROUPS)),
  ],
);

/** One response: never a user id or a time; read only in the order of its random id. */
export const staffSurveyResponses = pgTable(
  'staff_survey_responses',
  {
    /** A random (v4) id: its order has nothing to do with when the response came. */
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => staffSurveys.id),
    group: text('group', { enum: STAFF_GROUPS }).notNull(),
    answeredOn: date('answered_on', { mode: 'string' }).notNull(),
    /** Statement key to 1..5. */
    answers: jsonb('answers').$type<Record<string, number>>().notNull(),
    freeText: text('free_text'),
  },
  (t) => [
    index('staff_survey_responses_survey_idx').on(t.schoolId, t.surveyId, t.id),
    check('staff_survey_responses_group_ck', oneOf(t.group, STAFF_GROUPS)),
  ],
);
