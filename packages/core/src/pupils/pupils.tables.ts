/**
 * Pupils as the MIS holds them, their parents and carers, teaching groups, and corrections made in
 * Tandem. The rules every table keeps are in db/schema.ts, which gathers them all for Drizzle and
 * the migrations.
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
import { createdAt, oneOf, ts } from '../db/columns';
import { SEND_STATUSES, SEXES } from './pupils.values';
import { LEVEL_CODES } from '../levels/levels.values';
import { schools } from '../schools/schools.tables';
import { users } from '../auth/auth.tables';

export const pupils = pgTable(
  'pupils',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    /** Unique pupil number from the MIS: 13 characters. */
    upn: text('upn').notNull(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    preferredName: text('preferred_name'),
    dateOfBirth: date('date_of_birth', { mode: 'string' }).notNull(),
    /** 0 = Reception, 1..13 = Year 1..13; -1 = Nursery. */
    yearGroup: integer('year_group').notNull(),
    form: text('form').notNull().default(''),
    send: text('send', { enum: SEND_STATUSES }).notNull().default('none'),
    pupilPremium: boolean('pupil_premium').notNull().default(false),
    lookedAfter: boolean('looked_after').notNull().default(false),
    childInNeed: boolean('child_in_need').notNull().default(false),
    youngCarer: boolean('young_carer').notNull().default(false),
    eal: boolean('eal').notNull().default(false),
    /** As the MIS records it (census: F or M); null when the import did not say. */
    sex: text('sex', { enum: SEXES }),
    /** Set when the pupil leaves; pupils are never deleted by a user. */
    leftOn: date('left_on', { mode: 'string' }),
    /** The pupil's own portal account, if they have one. */
    userId: uuid('user_id').references(() => users.id),
    /** Current level code (MH1..MH5), null = Thriving. Kept in step with level_changes. */
    currentLevel: text('current_level', { enum: LEVEL_CODES }),
    levelChangedAt: ts('level_changed_at'),
    /**
     * Counts corrections made in Tandem: each names the version it started from, so two people
     * correcting at once cannot overwrite each other. The MIS import, the legal source, does not.
     */
    detailsVersion: integer('details_version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('pupils_school_level_idx').on(t.schoolId, t.currentLevel),
    uniqueIndex('pupils_school_upn_uq').on(t.schoolId, t.upn),
    index('pupils_school_name_idx').on(t.schoolId, t.familyName, t.givenName, t.id),
    index('pupils_school_year_idx').on(t.schoolId, t.yearGroup, t.familyName, t.givenName, t.id),
    // Pupils on roll: the default list, which must not read the school's years of former pupils.
    index('pupils_on_roll_name_idx')
      .on(t.schoolId, t.familyName, t.givenName, t.id)
      .where(sql`${t.leftOn} is null`),
    index('pupils_on_roll_year_idx')
      .on(t.schoolId, t.yearGroup, t.familyName, t.givenName, t.id)
      .where(sql`${t.leftOn} is null`),
    index('pupils_school_form_idx').on(t.schoolId, t.form),
    index('pupils_user_idx').on(t.userId),
    check('pupils_send_ck', oneOf(t.send, SEND_STATUSES)),
    check('pupils_sex_ck', oneOf(t.sex, SEXES)),
    check('pupils_year_ck', sql`${t.yearGroup} between -1 and 14`),
  ],
);

/** Parents and carers linked to a pupil, as the MIS holds them. */
export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    pupilId: uuid('pupil_id')
      .notNull()
      .references(() => pupils.id),
    name: text('name').notNull(),
    /** Mr, Mrs, Ms, Mx, Dr…: with the name, the salutation of a letter home ("Dear Ms Clarke"). */
    title: text('title'),
    /** The postal address, a line per line; contacts at the same address share one letter home. */
    address: text('address'),
    relationship: text('relationship').notNull().default('Parent'),
    email: text('email'),
    phone: text('phone'),
    parentalResponsibility: boolean('parental_responsibility').notNull().default(true),
    /** The MIS says the school must not contact this person (they are never invited to Tandem). */
    noContact: boolean('no_contact').notNull().default(false),
    /** 1 = first contact. */
    priority: integer('priority').notNull().default(1),
    /** The parent's portal account, if they have one. */
    userId: uuid('user_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('contacts_pupil_idx').on(t.schoolId, t.pupilId), index('contacts_user_idx').on(t.userId)],
);

/** A class or tutor group: which staff teach which pupils (the need-to-know link for teachers). */
export const teachingGroups = pgTable(
  'teaching_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('teaching_groups_school_code_uq').on(t.schoolId, t.code)],
);

export const teachingGroupStaff = pgTable(
  'teaching_group_staff',
  {
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    groupId: uuid('group_id')
      .notNull()
      .references(() => teachingGroups.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.userId] }),
    index('teaching_group_staff_user_idx').on(t.schoolId, t.userId),
  ],
);

export const teachingGroupPupils = pgTable(
  'teaching_group_pupils',
  {
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    groupId: uuid('group_id')
      .notNull()
      .references(() => teachingGroups.id),
    pupilId: uuid('pupil_id')
      .notNull()
      .references(() => pupils.id),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.pupilId] }),
    index('teaching_group_pupils_pupil_idx').on(t.schoolId, t.pupilId),
  ],
);

/** Corrections to a pupil's details made in Tandem (not by import): what changed, by whom, and why. */
export const pupilDetailChanges = pgTable(
  'pupil_detail_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    pupilId: uuid('pupil_id')
      .notNull()
      .references(() => pupils.id),
    changes: jsonb('changes').$type<Record<string, { from: unknown; to: unknown }>>().notNull(),
    reason: text('reason').notNull(),
    changedBy: uuid('changed_by')
      .notNull()
      .references(() => users.id),
    changedAt: ts('changed_at').notNull(),
  },
  (t) => [index('pupil_detail_changes_pupil_idx').on(t.schoolId, t.pupilId, t.changedAt)],
);
