/**
 * Concerns, the pupils they are about, what was added or corrected later, their actions, and
 * drafts. The rules every table keeps are in db/schema.ts, which gathers them all for Drizzle and
 * the migrations.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { oneOf, ts } from '../db/columns';
import {
  CONCERN_CATEGORIES,
  CONCERN_CORRECTION_FIELDS,
  CONCERN_OUTCOMES,
  CONCERN_ROUTES,
  CONCERN_STATUSES,
  DISCLOSURE_CONSENT,
  PARENTS_STATUSES,
  PARENTS_TOLD_HOW,
} from './concerns.values';
import type { WarningSign } from './warning-signs';
import { schools } from '../schools/schools.tables';
import { users } from '../auth/auth.tables';
import { pupils } from '../pupils/pupils.tables';

/**
 * A concern about a pupil, as logged by a member of staff. Once submitted its account is never
 * changed or deleted (court-safe record): corrections are addenda; changes of category, date or
 * pupils are recorded in concern_corrections and audited.
 */
export const concerns = pgTable(
  'concerns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    /** Human-friendly reference shown to staff, e.g. C-2026-0042. */
    reference: text('reference').notNull(),
    loggedBy: uuid('logged_by')
      .notNull()
      .references(() => users.id),
    loggedAt: ts('logged_at').notNull(),
    /** The logger's own key for this submission: a double submit creates one concern. */
    submissionKey: text('submission_key').notNull(),
    occurredAt: ts('occurred_at').notNull(),
    location: text('location').notNull(),
    /** What was seen or heard. */
    account: text('account').notNull(),
    /** The pupil's own words, kept exactly as said (for a disclosure). */
    pupilWords: text('pupil_words'),
    warningSigns: jsonb('warning_signs').$type<WarningSign[]>().notNull(),
    othersPresent: text('others_present').notNull().default(''),
    riskOfImmediateHarm: boolean('risk_of_immediate_harm').notNull(),
    possibleChildProtection: boolean('possible_child_protection').notNull(),
    medicalEmergency: boolean('medical_emergency').notNull(),
    category: text('category', { enum: CONCERN_CATEGORIES }).notNull(),
    route: text('route', { enum: CONCERN_ROUTES }).notNull(),
    urgent: boolean('urgent').notNull(),
    /** In the restricted safeguarding record: the DSL team only. */
    restricted: boolean('restricted').notNull(),
    /** Disclosure: what the pupil was told about who would be told, what and why; and consent. */
    isDisclosure: boolean('is_disclosure').notNull().default(false),
    /** Sent by a parent or carer from the family portal ("tell the school"): logged by them, marked so in the queue. */
    fromParent: boolean('from_parent').notNull().default(false),
    disclosureToldWho: text('disclosure_told_who'),
    disclosureToldWhat: text('disclosure_told_what'),
    disclosureToldWhy: text('disclosure_told_why'),
    disclosureConsent: text('disclosure_consent', { enum: DISCLOSURE_CONSENT }),
    disclosureConsentNote: text('disclosure_consent_note'),
    status: text('status', { enum: CONCERN_STATUSES }).notNull(),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id),
    acknowledgedAt: ts('acknowledged_at'),
    /** When deputies and the head were alerted that an urgent concern was still unacknowledged. */
    escalationAlertedAt: ts('escalation_alerted_at'),
    escalatedToDslBy: uuid('escalated_to_dsl_by').references(() => users.id),
    escalatedToDslAt: ts('escalated_to_dsl_at'),
    outcome: text('outcome', { enum: CONCERN_OUTCOMES }),
    outcomeNote: text('outcome_note'),
    closedBy: uuid('closed_by').references(() => users.id),
    closedAt: ts('closed_at'),
    /**
     * Telling parents: 'not_to_be_told' (possible child protection or restricted), 'to_be_told',
     * 'pupil_telling' (the pupil tells them first, deadline set), or 'told'.
     */
    parentsStatus: text('parents_status', { enum: PARENTS_STATUSES }).notNull(),
    pupilTellsBy: ts('pupil_tells_by'),
    pupilTellsReminderSentAt: ts('pupil_tells_reminder_sent_at'),
    parentsToldAt: ts('parents_told_at'),
    parentsToldHow: text('parents_told_how', { enum: PARENTS_TOLD_HOW }),
    parentsToldBy: uuid('parents_told_by').references(() => users.id),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('concerns_submission_uq').on(t.schoolId, t.loggedBy, t.submissionKey),
    uniqueIndex('concerns_reference_uq').on(t.schoolId, t.reference),
    index('concerns_queue_idx').on(t.schoolId, t.route, t.status, t.loggedAt),
    index('concerns_logger_idx').on(t.schoolId, t.loggedBy, t.loggedAt),
    // Reports count a school's (or a trust's) concerns logged in a span of days.
    index('concerns_school_logged_idx').on(t.schoolId, t.loggedAt),
    index('concerns_unacknowledged_idx')
      .on(t.loggedAt)
      .where(sql`${t.urgent} and ${t.status} = 'open' and ${t.escalationAlertedAt} is null`),
    index('concerns_pupil_tells_idx')
      .on(t.pupilTellsBy)
      .where(sql`${t.parentsStatus} = 'pupil_telling' and ${t.pupilTellsReminderSentAt} is null`),
    check('concerns_status_ck', oneOf(t.status, CONCERN_STATUSES)),
    check('concerns_route_ck', oneOf(t.route, CONCERN_ROUTES)),
    check('concerns_parents_ck', oneOf(t.parentsStatus, PARENTS_STATUSES)),
  ],
);

/** The pupils a concern is about (one or more). */
export const concernPupils = pgTable(
  'concern_pupils',
  {
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    concernId: uuid('concern_id')
      .notNull()
      .references(() => concerns.id),
    pupilId: uuid('pupil_id')
      .notNull()
      .references(() => pupils.id),
  },
  (t) => [
    primaryKey({ columns: [t.concernId, t.pupilId] }),
    index('concern_pupils_pupil_idx').on(t.schoolId, t.pupilId),
  ],
);

/** Additions to a concern after it was submitted: the original text is never edited. */
export const concernAddenda = pgTable(
  'concern_addenda',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    concernId: uuid('concern_id')
      .notNull()
      .references(() => concerns.id),
    text: text('text').notNull(),
    reason: text('reason').notNull(),
    addedBy: uuid('added_by')
      .notNull()
      .references(() => users.id),
    addedAt: ts('added_at').notNull(),
  },
  (t) => [index('concern_addenda_concern_idx').on(t.concernId, t.addedAt)],
);

/** Changes of a concern's category, date or pupils, with the old and new values and the reason. */
export const concernCorrections = pgTable(
  'concern_corrections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    concernId: uuid('concern_id')
      .notNull()
      .references(() => concerns.id),
    field: text('field', { enum: CONCERN_CORRECTION_FIELDS }).notNull(),
    fromValue: jsonb('from_value'),
    toValue: jsonb('to_value'),
    reason: text('reason').notNull(),
    changedBy: uuid('changed_by')
      .notNull()
      .references(() => users.id),
    changedAt: ts('changed_at').notNull(),
  },
  (t) => [index('concern_corrections_concern_idx').on(t.concernId, t.changedAt)],
);

/** Actions agreed on a concern, with an owner and a due date. */
export const concernActions = pgTable(
  'concern_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    concernId: uuid('concern_id')
      .notNull()
      .references(() => concerns.id),
    description: text('description').notNull(),
    ownerUserId: uuid('owner_user_id')
      .notNull()
      .references(() => users.id),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
    completedAt: ts('completed_at'),
    completedBy: uuid('completed_by').references(() => users.id),
    completionNote: text('completion_note'),
    /** Set when its concern was closed with this action carried to the pupil's case (still open). */
    carriedAt: ts('carried_at'),
    carriedBy: uuid('carried_by').references(() => users.id),
    /** Set when its concern was closed with this action dropped; the reason is kept. */
    droppedAt: ts('dropped_at'),
    droppedBy: uuid('dropped_by').references(() => users.id),
    dropReason: text('drop_reason'),
  },
  (t) => [
    index('concern_actions_concern_idx').on(t.concernId),
    index('concern_actions_owner_idx').on(t.schoolId, t.ownerUserId, t.dueOn),
  ],
);

/** A concern form being written: kept on the server so a lost connection or closed tab loses nothing. */
export const concernDrafts = pgTable(
  'concern_drafts',
  {
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    body: jsonb('body').$type<Record<string, unknown>>().notNull(),
    savedAt: ts('saved_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.schoolId, t.userId] })],
);
