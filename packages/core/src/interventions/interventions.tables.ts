/**
 * Interventions, the places on them (the waiting list and who is in), sessions and attendance. The
 * rules every table keeps are in db/schema.ts, which gathers them all for Drizzle and the migrations.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { oneOf, ts } from '../db/columns';
import {
  ATTENDANCE,
  INTERVENTION_FORMATS,
  INTERVENTION_STATUSES,
  PLACE_STATUSES,
  REQUEST_SOURCES,
  SESSION_DAYS,
} from './interventions.values';
import type { LevelCode } from '../levels/levels.values';
import { schools } from '../schools/schools.tables';
import { pupils } from '../pupils/pupils.tables';
import { users } from '../auth/auth.tables';

/** The school's catalogue of in-school interventions. Retired ones stay, with their history. */
export const interventions = pgTable(
  'interventions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    format: text('format', { enum: INTERVENTION_FORMATS }).notNull(),
    places: integer('places').notNull(),
    sessionCount: integer('session_count').notNull(),
    sessionMinutes: integer('session_minutes').notNull(),
    sessionDay: text('session_day', { enum: SESSION_DAYS }).notNull(),
    suitsLevels: jsonb('suits_levels').$type<LevelCode[]>().notNull(),
    /** The outcome measure asked before and after: a built-in key or "custom:<id>"; none allowed. */
    measureKey: text('measure_key'),
    status: text('status', { enum: INTERVENTION_STATUSES }).notNull(),
    /** Optimistic-concurrency token for edits and for the order of its waiting list. */
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('interventions_school_idx').on(t.schoolId, t.status, t.name),
    check('interventions_format_ck', oneOf(t.format, INTERVENTION_FORMATS)),
    check('interventions_status_ck', oneOf(t.status, INTERVENTION_STATUSES)),
    check('interventions_day_ck', oneOf(t.sessionDay, SESSION_DAYS)),
    check('interventions_places_ck', sql`${t.places} between 1 and 40`),
    check('interventions_sessions_ck', sql`${t.sessionCount} between 1 and 52`),
  ],
);

/** The named staff who run an intervention: they record its sessions and scores. */
export const interventionStaff = pgTable(
  'intervention_staff',
  {
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    interventionId: uuid('intervention_id')
      .notNull()
      .references(() => interventions.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.interventionId, t.userId] }),
    index('intervention_staff_user_idx').on(t.schoolId, t.userId),
  ],
);

/**
 * A pupil's request for a place and what became of it: waiting, in, then completed or left early
 * (or taken off the list). A pupil holds at most one open (waiting or in) request per intervention.
 */
export const interventionPlaces = pgTable(
  'intervention_places',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    interventionId: uuid('intervention_id')
      .notNull()
      .references(() => interventions.id),
    pupilId: uuid('pupil_id')
      .notNull()
      .references(() => pupils.id),
    status: text('status', { enum: PLACE_STATUSES }).notNull(),
    source: text('source', { enum: REQUEST_SOURCES }).notNull(),
    reason: text('reason').notNull(),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    requestedAt: ts('requested_at').notNull(),
    submissionKey: text('submission_key'),
    /** A position the lead set by hand (1 = first), with the reason; null keeps the stated rule. */
    movedToPosition: integer('moved_to_position'),
    movedReason: text('moved_reason'),
    movedAt: ts('moved_at'),
    movedBy: uuid('moved_by').references(() => users.id),
    allocatedAt: ts('allocated_at'),
    allocatedBy: uuid('allocated_by').references(() => users.id),
    /** Why this pupil was given the place before the first in the queue; null when they were first. */
    allocationReason: text('allocation_reason'),
    startedOn: date('started_on', { mode: 'string' }),
    parentsToldAt: ts('parents_told_at'),
    parentsToldBy: uuid('parents_told_by').references(() => users.id),
    endedAt: ts('ended_at'),
    endedBy: uuid('ended_by').references(() => users.id),
    endReason: text('end_reason'),
  },
  (t) => [
    index('intervention_places_list_idx').on(t.schoolId, t.interventionId, t.status),
    index('intervention_places_pupil_idx').on(t.schoolId, t.pupilId),
    uniqueIndex('intervention_places_open_uq')
      .on(t.interventionId, t.pupilId)
      .where(sql`${t.status} in ('waiting', 'in')`),
    uniqueIndex('intervention_places_submission_uq').on(t.schoolId, t.requestedBy, t.submissionKey),
    check('intervention_places_status_ck', oneOf(t.status, PLACE_STATUSES)),
    check('intervention_places_source_ck', oneOf(t.source, REQUEST_SOURCES)),
  ],
);

/** One session of an intervention: held (with attendance) or cancelled, and a short note. */
export const interventionSessions = pgTable(
  'intervention_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    interventionId: uuid('intervention_id')
      .notNull()
      .references(() => interventions.id),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    cancelled: boolean('cancelled').notNull(),
    note: text('note').notNull().default(''),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: ts('recorded_at').notNull(),
    submissionKey: text('submission_key'),
  },
  (t) => [
    index('intervention_sessions_idx').on(t.schoolId, t.interventionId, t.heldOn),
    uniqueIndex('intervention_sessions_submission_uq').on(t.schoolId, t.recordedBy, t.submissionKey),
  ],
);

/** Who came to a held session: one row per pupil in the intervention on that day. */
export const interventionAttendance = pgTable(
  'intervention_attendance',
  {
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => interventionSessions.id),
    placeId: uuid('place_id')
      .notNull()
      .references(() => interventionPlaces.id),
    attendance: text('attendance', { enum: ATTENDANCE }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.placeId] }),
    index('intervention_attendance_place_idx').on(t.schoolId, t.placeId),
    check('intervention_attendance_ck', oneOf(t.attendance, ATTENDANCE)),
  ],
);
