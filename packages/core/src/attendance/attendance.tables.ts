/**
 * Attendance imported from the school's MIS (a week's totals and each session's mark), the imports
 * awaiting confirmation, and the missing list with its alerts. The rules every table keeps are in
 * db/schema.ts.
 */
import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, oneOf, ts } from '../db/columns';
import { schools } from '../schools/schools.tables';
import { users } from '../auth/auth.tables';
import { pupils } from '../pupils/pupils.tables';
import { IMPORT_STORED_STATUSES } from '../pupils/pupils.values';
import { ATTENDANCE_IMPORT_KINDS, MISSING_ACTIONS_TAKEN, MISSING_LIST_ACTIONS, SESSIONS } from './attendance.values';

/** An uploaded attendance export awaiting confirmation: the preview is kept so "apply" applies what was shown. */
export const attendanceImports = pgTable(
  'attendance_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    kind: text('kind', { enum: ATTENDANCE_IMPORT_KINDS }).notNull(),
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
    index('attendance_imports_school_idx').on(t.schoolId, t.createdAt),
    check('attendance_imports_kind_ck', oneOf(t.kind, ATTENDANCE_IMPORT_KINDS)),
    check('attendance_imports_status_ck', oneOf(t.status, IMPORT_STORED_STATUSES)),
  ],
);

/** A pupil's week as the MIS totals it (the week starts on its Monday). A later import replaces the week. */
export const attendanceWeeks = pgTable(
  'attendance_weeks',
  {
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    pupilId: uuid('pupil_id')
      .notNull()
      .references(() => pupils.id),
    weekStart: date('week_start', { mode: 'string' }).notNull(),
    possible: integer('possible').notNull(),
    attended: integer('attended').notNull(),
    authorised: integer('authorised').notNull(),
    unauthorised: integer('unauthorised').notNull(),
    importId: uuid('import_id').references(() => attendanceImports.id),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.pupilId, t.weekStart] }),
    // Early identification reads every pupil's recent weeks at once.
    index('attendance_weeks_school_week_idx').on(t.schoolId, t.weekStart),
    // A bad row can never be stored, whatever the caller checked.
    check(
      'attendance_weeks_counts_ck',
      sql`${t.possible} >= 0 and ${t.attended} >= 0 and ${t.authorised} >= 0 and ${t.unauthorised} >= 0 and ${t.attended} + ${t.authorised} + ${t.unauthorised} <= ${t.possible}`,
    ),
  ],
);

/** One register: a pupil's mark for a morning or afternoon session, with its national code. */
export const attendanceMarks = pgTable(
  'attendance_marks',
  {
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    pupilId: uuid('pupil_id')
      .notNull()
      .references(() => pupils.id),
    on: date('day', { mode: 'string' }).notNull(),
    session: text('session', { enum: SESSIONS }).notNull(),
    code: text('code').notNull(),
    importId: uuid('import_id').references(() => attendanceImports.id),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.pupilId, t.on, t.session] }),
    index('attendance_marks_school_day_idx').on(t.schoolId, t.on, t.session),
    check('attendance_marks_session_ck', oneOf(t.session, SESSIONS)),
  ],
);

/**
 * Changes to the missing list made by the DSL team (added or removed, with the reason). A pupil at
 * MH4 or above is on the list without a row here, unless the DSL removed them after the level was set.
 */
export const missingListChanges = pgTable(
  'missing_list_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    pupilId: uuid('pupil_id')
      .notNull()
      .references(() => pupils.id),
    action: text('action', { enum: MISSING_LIST_ACTIONS }).notNull(),
    reason: text('reason').notNull(),
    byUserId: uuid('by_user_id')
      .notNull()
      .references(() => users.id),
    at: ts('at').notNull(),
  },
  (t) => [
    index('missing_list_changes_pupil_idx').on(t.schoolId, t.pupilId, t.at),
    check('missing_list_changes_action_ck', oneOf(t.action, MISSING_LIST_ACTIONS)),
  ],
);

/**
 * A pupil on the missing list absent without a reason at a session: the urgent alert raised to the
 * DSL on duty (once per pupil and session, whichever process saw it first), and what they did.
 */
export const missingAlerts = pgTable(
  'missing_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    pupilId: uuid('pupil_id')
      .notNull()
      .references(() => pupils.id),
    on: date('day', { mode: 'string' }).notNull(),
    session: text('session', { enum: SESSIONS }).notNull(),
    code: text('code').notNull(),
    raisedAt: ts('raised_at').notNull(),
    /** Who was alerted: the DSL on duty that day (or the DSL team). */
    alerted: jsonb('alerted').$type<string[]>().notNull(),
    actionTaken: text('action_taken', { enum: MISSING_ACTIONS_TAKEN }),
    actionNote: text('action_note'),
    actionBy: uuid('action_by').references(() => users.id),
    actionAt: ts('action_at'),
  },
  (t) => [
    uniqueIndex('missing_alerts_session_uq').on(t.schoolId, t.pupilId, t.on, t.session),
    index('missing_alerts_open_idx').on(t.schoolId, t.raisedAt),
    check('missing_alerts_session_ck', oneOf(t.session, SESSIONS)),
  ],
);
