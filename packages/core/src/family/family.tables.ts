/**
 * The parent and pupil portals: each school's portal settings (the partnership statement, the
 * check-in rhythm, the risk words), per-parent no-access flags, what parents send the school, what
 * they confirm they have read, news waiting to be e-mailed, pupils' trusted adults and check-ins.
 * The rules every table keeps are in db/schema.ts, which gathers them all for Drizzle and the
 * migrations.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { oneOf, ts } from '../db/columns';
import { CHECKIN_FREQUENCIES, CONFIRMABLE_ITEMS, FAMILY_MESSAGE_KINDS, NO_ACCESS_REASONS } from './family.values';
import type { PartnershipStatement } from './family.schemas';
import { schools } from '../schools/schools.tables';
import { contacts, pupils } from '../pupils/pupils.tables';
import { users } from '../auth/auth.tables';

/** One row per school, made when first read or saved; `version` guards against two editors. */
export const familySettings = pgTable('family_settings', {
  schoolId: uuid('school_id')
    .primaryKey()
    .references(() => schools.id),
  partnership: jsonb('partnership').$type<PartnershipStatement>().notNull(),
  riskWords: jsonb('risk_words').$type<string[]>().notNull(),
  checkinFrequency: text('checkin_frequency', { enum: CHECKIN_FREQUENCIES }).notNull().default('weekly'),
  /** Where pupils find the DSL on duty, e.g. "Student Services, by the main office". */
  helpLocation: text('help_location').notNull().default(''),
  /** When the school day ends (HH:MM, London): an unacknowledged "talk to someone" goes to the lead then. */
  dayEndsAt: text('day_ends_at').notNull().default('15:30'),
  pupilAccountYears: integer('pupil_account_years').array().notNull(),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: ts('updated_at').notNull(),
});

/** One parent or carer (a contact) who must not see a child in Tandem; lifted, never deleted. */
export const familyNoAccess = pgTable(
  'family_no_access',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id),
    pupilId: uuid('pupil_id')
      .notNull()
      .references(() => pupils.id),
    reasonKind: text('reason_kind', { enum: NO_ACCESS_REASONS }).notNull(),
    reason: text('reason').notNull(),
    setBy: uuid('set_by')
      .notNull()
      .references(() => users.id),
    setAt: ts('set_at').notNull(),
    liftedBy: uuid('lifted_by').references(() => users.id),
    liftedAt: ts('lifted_at'),
    liftedReason: text('lifted_reason'),
  },
  (t) => [
    uniqueIndex('family_no_access_active_uq')
      .on(t.contactId)
      .where(sql`${t.liftedAt} is null`),
    index('family_no_access_pupil_idx').on(t.schoolId, t.pupilId),
    check('family_no_access_reason_ck', oneOf(t.reasonKind, NO_ACCESS_REASONS)),
  ],
);

/**
 * What a parent sent the school about one child, as they wrote it. The concern or waiting-list
 * request it became is named by id; the parent sees only this row and whether it was read.
 */
export const familyMessages = pgTable(
  'family_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    pupilId: uuid('pupil_id')
      .notNull()
      .references(() => pupils.id),
    sentBy: uuid('sent_by')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: FAMILY_MESSAGE_KINDS }).notNull(),
    text: text('text').notNull(),
    /** For a support request: the intervention asked for (null when the parent did not know which). */
    interventionId: uuid('intervention_id'),
    /** Its name when asked for, so the parent's record of what they asked reads the same later. */
    interventionName: text('intervention_name'),
    /** The concern it became (a message, or a request without an intervention). */
    concernId: uuid('concern_id'),
    /** The waiting-list place it became. */
    placeId: uuid('place_id'),
    submissionKey: text('submission_key').notNull(),
    sentAt: ts('sent_at').notNull(),
  },
  (t) => [
    index('family_messages_pupil_idx').on(t.schoolId, t.pupilId, t.sentAt),
    uniqueIndex('family_messages_submission_uq').on(t.sentBy, t.submissionKey),
    check('family_messages_kind_ck', oneOf(t.kind, FAMILY_MESSAGE_KINDS)),
  ],
);

/** A parent's "I have read this" for one version of a plan or one termly letter. */
export const familyConfirmations = pgTable(
  'family_confirmations',
  {
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    pupilId: uuid('pupil_id')
      .notNull()
      .references(() => pupils.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    item: text('item', { enum: CONFIRMABLE_ITEMS }).notNull(),
    itemId: uuid('item_id').notNull(),
    /** A plan's agreed version (0 for a letter). */
    itemVersion: integer('item_version').notNull().default(0),
    confirmedAt: ts('confirmed_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.item, t.itemId, t.itemVersion] }),
    index('family_confirmations_pupil_idx').on(t.schoolId, t.pupilId),
    check('family_confirmations_item_ck', oneOf(t.item, CONFIRMABLE_ITEMS)),
  ],
);

/**
 * Something new was shared with a child's parents (a plan agreed, a letter, a place, a referral):
 * the e-mail job sends each parent one content-free message for everything waiting, then marks it.
 */
export const familyNews = pgTable(
  'family_news',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    pupilId: uuid('pupil_id')
      .notNull()
      .references(() => pupils.id),
    createdAt: ts('created_at').notNull(),
    sentAt: ts('sent_at'),
  },
  (t) => [
    index('family_news_unsent_idx')
      .on(t.createdAt)
      .where(sql`${t.sentAt} is null`),
  ],
);

/** A parent's choices about e-mail; no row means the defaults (news e-mails on). */
export const familyPreferences = pgTable('family_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  emailNews: boolean('email_news').notNull().default(true),
  updatedAt: ts('updated_at').notNull(),
});

/** The member of staff a pupil's "I'd like to talk to someone" goes to (the tutor when none is set). */
export const trustedAdults = pgTable(
  'trusted_adults',
  {
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    pupilId: uuid('pupil_id')
      .notNull()
      .references(() => pupils.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    setBy: uuid('set_by')
      .notNull()
      .references(() => users.id),
    setAt: ts('set_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.schoolId, t.pupilId] }), index('trusted_adults_user_idx').on(t.schoolId, t.userId)],
);

/** A pupil's check-in: how they feel, a note, and whether they would like to talk to someone. */
export const checkins = pgTable(
  'checkins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    pupilId: uuid('pupil_id')
      .notNull()
      .references(() => pupils.id),
    mood: smallint('mood').notNull(),
    note: text('note').notNull().default(''),
    wantsToTalk: boolean('wants_to_talk').notNull(),
    /** The note held a risk word: the urgent route was opened (the concern's id). */
    riskConcernId: uuid('risk_concern_id'),
    /** Who the "talk to someone" went to. */
    talkToUserId: uuid('talk_to_user_id').references(() => users.id),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id),
    acknowledgedAt: ts('acknowledged_at'),
    /** When it went to the lead because no one acknowledged it by the end of the school day. */
    escalatedAt: ts('escalated_at'),
    /** The end of the school day it must be acknowledged by. */
    escalateAt: ts('escalate_at'),
    submissionKey: text('submission_key').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('checkins_pupil_idx').on(t.schoolId, t.pupilId, t.createdAt),
    uniqueIndex('checkins_submission_uq').on(t.schoolId, t.pupilId, t.submissionKey),
    index('checkins_talk_idx')
      .on(t.schoolId, t.talkToUserId)
      .where(sql`${t.wantsToTalk} and ${t.acknowledgedAt} is null`),
    // The escalation job looks across schools for talk requests past the end of the school day.
    index('checkins_escalate_idx')
      .on(t.escalateAt)
      .where(sql`${t.wantsToTalk} and ${t.acknowledgedAt} is null and ${t.escalatedAt} is null`),
    check('checkins_mood_ck', sql`${t.mood} between 1 and 5`),
  ],
);
