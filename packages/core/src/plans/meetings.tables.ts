/**
 * Meetings about a pupil and the next steps agreed at them. The rules every table keeps are in
 * db/schema.ts, which gathers them all for Drizzle and the migrations.
 */
import { check, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { oneOf, ts } from '../db/columns';
import { MEETING_KINDS, type AttendeeKind } from './plans.values';
import { schools } from '../schools/schools.tables';
import { pupils } from '../pupils/pupils.tables';
import { plans } from './plans.tables';
import { users } from '../auth/auth.tables';

/** Mental health review meetings and parent meetings about a pupil. */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    pupilId: uuid('pupil_id')
      .notNull()
      .references(() => pupils.id),
    kind: text('kind', { enum: MEETING_KINDS }).notNull(),
    heldAt: ts('held_at').notNull(),
    place: text('place').notNull(),
    attendees: jsonb('attendees')
      .$type<{ kind: AttendeeKind; userId: string | null; name: string; role: string }[]>()
      .notNull(),
    aims: text('aims').notNull().default(''),
    notes: text('notes').notNull().default(''),
    planId: uuid('plan_id').references(() => plans.id),
    /** Optimistic-concurrency token for edits while the meeting is planned. */
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    /** The writer's key for this submission: a double click or a retry records one meeting. */
    submissionKey: text('submission_key'),
    createdAt: ts('created_at').notNull(),
    completedAt: ts('completed_at'),
    completedBy: uuid('completed_by').references(() => users.id),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('meetings_pupil_idx').on(t.schoolId, t.pupilId, t.heldAt),
    uniqueIndex('meetings_submission_uq').on(t.schoolId, t.createdBy, t.submissionKey),
    check('meetings_kind_ck', oneOf(t.kind, MEETING_KINDS)),
  ],
);

/** Next steps agreed at a meeting, each with an owner and a due date. */
export const meetingActions = pgTable(
  'meeting_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    description: text('description').notNull(),
    /** A member of staff who owns it, or null when it is someone else (named in owner_name). */
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    ownerName: text('owner_name').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
    completedAt: ts('completed_at'),
    completedBy: uuid('completed_by').references(() => users.id),
    completionNote: text('completion_note'),
  },
  (t) => [
    index('meeting_actions_meeting_idx').on(t.meetingId),
    index('meeting_actions_owner_idx').on(t.schoolId, t.ownerUserId, t.dueOn),
  ],
);
