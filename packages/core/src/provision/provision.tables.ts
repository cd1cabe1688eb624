/**
 * Reduced timetables with their reviews, education taught elsewhere, and safeguarding visits with
 * their schedules. The rules every table keeps are in db/schema.ts.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { oneOf, ts } from '../db/columns';
import { schools } from '../schools/schools.tables';
import { users } from '../auth/auth.tables';
import { pupils } from '../pupils/pupils.tables';
import { AGREEMENT_HOW } from '../plans/plans.values';
import {
  PROVISION_KINDS,
  TIMETABLE_ENDINGS,
  TIMETABLE_STATUSES,
  VISIT_KINDS,
  type SchoolDay,
} from './provision.values';

/** A part-time timetable: why (case roles only), its hours (staff may see), its dates and agreements. */
export const reducedTimetables = pgTable(
  'reduced_timetables',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    pupilId: uuid('pupil_id')
      .notNull()
      .references(() => pupils.id),
    /** Why: case text, for case roles only. */
    reason: text('reason').notNull(),
    /** The hours or sessions in school, as staff are told them (e.g. "Mornings, 8:45 to 12:15"). */
    hours: text('hours').notNull(),
    sessionsPerWeek: integer('sessions_per_week').notNull(),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    endOn: date('end_on', { mode: 'string' }).notNull(),
    /** Why it runs past six weeks (required then). */
    longerReason: text('longer_reason'),
    returnPlan: text('return_plan').notNull(),
    parentsAgreedBy: text('parents_agreed_by').notNull(),
    parentsAgreedOn: date('parents_agreed_on', { mode: 'string' }).notNull(),
    parentsAgreedHow: text('parents_agreed_how', { enum: AGREEMENT_HOW }).notNull(),
    laToldOn: date('la_told_on', { mode: 'string' }),
    laToldBy: text('la_told_by'),
    leadUserId: uuid('lead_user_id')
      .notNull()
      .references(() => users.id),
    status: text('status', { enum: TIMETABLE_STATUSES }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    ending: text('ending', { enum: TIMETABLE_ENDINGS }),
    endingNote: text('ending_note'),
    /** The end date the lead was last reminded of, and the end date it was flagged as running past. */
    endReminderFor: date('end_reminder_for', { mode: 'string' }),
    overdueFlaggedFor: date('overdue_flagged_for', { mode: 'string' }),
    /** Raised on every change: a change made against an older revision is refused. */
    revision: integer('revision').notNull().default(1),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('reduced_timetables_pupil_idx').on(t.schoolId, t.pupilId, t.startOn),
    index('reduced_timetables_active_idx')
      .on(t.schoolId, t.endOn)
      .where(sql`${t.status} = 'active'`),
    // A pupil has at most one reduced timetable running (the use case says so first, in words).
    uniqueIndex('reduced_timetables_one_active_uq')
      .on(t.pupilId)
      .where(sql`${t.status} = 'active'`),
    check('reduced_timetables_status_ck', oneOf(t.status, TIMETABLE_STATUSES)),
    check('reduced_timetables_how_ck', oneOf(t.parentsAgreedHow, AGREEMENT_HOW)),
    check('reduced_timetables_dates_ck', sql`${t.endOn} >= ${t.startOn}`),
    check('reduced_timetables_sessions_ck', sql`${t.sessionsPerWeek} between 0 and 10`),
  ],
);

/** A review of a reduced timetable: due on a date, held (with what was decided), reminded once. */
export const timetableReviews = pgTable(
  'timetable_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    timetableId: uuid('timetable_id')
      .notNull()
      .references(() => reducedTimetables.id),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    heldOn: date('held_on', { mode: 'string' }),
    outcome: text('outcome'),
    heldBy: uuid('held_by').references(() => users.id),
    remindedAt: ts('reminded_at'),
  },
  (t) => [
    index('timetable_reviews_timetable_idx').on(t.schoolId, t.timetableId, t.dueOn),
    index('timetable_reviews_due_idx')
      .on(t.dueOn)
      .where(sql`${t.heldOn} is null and ${t.remindedAt} is null`),
  ],
);

/** Education taught elsewhere: who, which days, the contact there, how attendance comes back. */
export const alternativeProvisions = pgTable(
  'alternative_provisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    pupilId: uuid('pupil_id')
      .notNull()
      .references(() => pupils.id),
    kind: text('kind', { enum: PROVISION_KINDS }).notNull(),
    provider: text('provider').notNull(),
    days: jsonb('days').$type<SchoolDay[]>().notNull(),
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone').notNull().default(''),
    contactEmail: text('contact_email').notNull().default(''),
    /** How the provider tells the school about attendance there. */
    attendanceReporting: text('attendance_reporting').notNull(),
    /** How the school keeps in touch with the pupil. */
    schoolContact: text('school_contact').notNull(),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    endOn: date('end_on', { mode: 'string' }),
    revision: integer('revision').notNull().default(1),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('alternative_provisions_pupil_idx').on(t.schoolId, t.pupilId, t.startOn),
    check('alternative_provisions_kind_ck', oneOf(t.kind, PROVISION_KINDS)),
  ],
);

/** Visits or calls due at a set frequency while a pupil is not in school; flagged once when one is missed. */
export const visitSchedules = pgTable(
  'visit_schedules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    pupilId: uuid('pupil_id')
      .notNull()
      .references(() => pupils.id),
    everyDays: integer('every_days').notNull(),
    leadUserId: uuid('lead_user_id')
      .notNull()
      .references(() => users.id),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    /** The due date that was flagged as missed (once per due date). */
    missedFlaggedFor: date('missed_flagged_for', { mode: 'string' }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('visit_schedules_pupil_idx').on(t.schoolId, t.pupilId),
    uniqueIndex('visit_schedules_one_running_uq')
      .on(t.pupilId)
      .where(sql`${t.endedOn} is null`),
    check('visit_schedules_every_ck', sql`${t.everyDays} between 1 and 90`),
  ],
);

/** A safeguarding visit or call: who, when, whether the pupil was seen, how they seemed. */
export const welfareVisits = pgTable(
  'welfare_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    pupilId: uuid('pupil_id')
      .notNull()
      .references(() => pupils.id),
    kind: text('kind', { enum: VISIT_KINDS }).notNull(),
    at: ts('at').notNull(),
    byUserId: uuid('by_user_id')
      .notNull()
      .references(() => users.id),
    seen: boolean('seen').notNull(),
    /** How the pupil seemed (case text, for case roles only). */
    howSeemed: text('how_seemed').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('welfare_visits_pupil_idx').on(t.schoolId, t.pupilId, t.at),
    check('welfare_visits_kind_ck', oneOf(t.kind, VISIT_KINDS)),
  ],
);
