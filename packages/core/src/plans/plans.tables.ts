/**
 * Plans, their versions, agreements, the staff given them and their read confirmations, and
 * reviews. The rules every table keeps are in db/schema.ts, which gathers them all for Drizzle and
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
import { oneOf, ts } from '../db/columns';
import type { PlanContent } from './plans.schemas';
import { AGREEMENT_HOW, AGREEMENT_PARTIES, PLAN_KINDS, type AgreementParty } from './plans.values';
import { schools } from '../schools/schools.tables';
import { pupils } from '../pupils/pupils.tables';
import { users } from '../auth/auth.tables';

/**
 * A plan for a pupil: an Individual Care Plan, a crisis plan, a risk assessment or a Signs of Safety
 * record. Its content lives in plan_versions; `version` is the newest, and every change of content
 * must name the version it started from, so two people editing at once cannot overwrite each other.
 */
export const plans = pgTable(
  'plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    pupilId: uuid('pupil_id')
      .notNull()
      .references(() => pupils.id),
    kind: text('kind', { enum: PLAN_KINDS }).notNull(),
    /** The newest version's number (1, 2, ...): the optimistic-concurrency token. */
    version: integer('version').notNull(),
    /** The version the lead last marked agreed (who and when are on that version); parents only ever see it. */
    agreedVersion: integer('agreed_version'),
    /** Parties who must record agreement to a version before it can be marked agreed. */
    agreementsNeeded: jsonb('agreements_needed').$type<AgreementParty[]>().notNull(),
    reviewDue: date('review_due', { mode: 'string' }).notNull(),
    /** The review date a reminder was last sent for, so each due date is reminded once. */
    reviewReminderFor: date('review_reminder_for', { mode: 'string' }),
    leadUserId: uuid('lead_user_id')
      .notNull()
      .references(() => users.id),
    shareWithTeaching: boolean('share_with_teaching').notNull().default(false),
    parentShareable: boolean('parent_shareable').notNull().default(false),
    endedAt: ts('ended_at'),
    endedBy: uuid('ended_by').references(() => users.id),
    endedReason: text('ended_reason'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    /** The writer's key for this submission: a double click or a retry creates one plan. */
    submissionKey: text('submission_key'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('plans_pupil_idx').on(t.schoolId, t.pupilId, t.createdAt),
    uniqueIndex('plans_submission_uq').on(t.schoolId, t.createdBy, t.submissionKey),
    index('plans_review_idx')
      .on(t.schoolId, t.reviewDue)
      .where(sql`${t.endedAt} is null`),
    // The reminder job looks across schools for reviews that have fallen due.
    index('plans_review_due_idx')
      .on(t.reviewDue)
      .where(sql`${t.endedAt} is null`),
    check('plans_kind_ck', oneOf(t.kind, PLAN_KINDS)),
    check(
      'plans_version_ck',
      sql`${t.version} >= 1 and (${t.agreedVersion} is null or ${t.agreedVersion} <= ${t.version})`,
    ),
  ],
);

/** Every version of a plan's content, kept for ever; a change makes a new one with a reason. */
export const planVersions = pgTable(
  'plan_versions',
  {
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    version: integer('version').notNull(),
    content: jsonb('content').$type<PlanContent>().notNull(),
    /** Why this version was made (null for the first). */
    reason: text('reason'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
    /** When the lead marked this version agreed, once every needed agreement was recorded. */
    agreedAt: ts('agreed_at'),
    agreedBy: uuid('agreed_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.planId, t.version] })],
);

/** Agreement to one version of a plan by the pupil, a parent/carer or a professional: who, when, how. */
export const planAgreements = pgTable(
  'plan_agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    version: integer('version').notNull(),
    party: text('party', { enum: AGREEMENT_PARTIES }).notNull(),
    name: text('name').notNull(),
    relationship: text('relationship').notNull().default(''),
    how: text('how', { enum: AGREEMENT_HOW }).notNull(),
    agreedOn: date('agreed_on', { mode: 'string' }).notNull(),
    note: text('note').notNull().default(''),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: ts('recorded_at').notNull(),
  },
  (t) => [
    index('plan_agreements_plan_idx').on(t.planId, t.version),
    check('plan_agreements_party_ck', oneOf(t.party, AGREEMENT_PARTIES)),
  ],
);

/** Named staff given a plan (besides, optionally, everyone who teaches the pupil). */
export const planShares = pgTable(
  'plan_shares',
  {
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    sharedBy: uuid('shared_by')
      .notNull()
      .references(() => users.id),
    sharedAt: ts('shared_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.userId] }), index('plan_shares_user_idx').on(t.schoolId, t.userId)],
);

/** A member of staff confirming they have read a version of a plan they were given. */
export const planReads = pgTable(
  'plan_reads',
  {
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    version: integer('version').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    confirmedAt: ts('confirmed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.version, t.userId] })],
);

/** A review of a plan (assess, plan, do, review): what was done, what changed, the next date. */
export const planReviews = pgTable(
  'plan_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    /** The version in force when it was reviewed. */
    version: integer('version').notNull(),
    reviewedOn: date('reviewed_on', { mode: 'string' }).notNull(),
    whatWasDone: text('what_was_done').notNull(),
    whatChanged: text('what_changed').notNull(),
    nextReviewOn: date('next_review_on', { mode: 'string' }).notNull(),
    /** Signs of Safety: the 0..10 rating at this review. */
    safetyScale: integer('safety_scale'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: ts('recorded_at').notNull(),
  },
  (t) => [
    index('plan_reviews_plan_idx').on(t.planId, t.reviewedOn),
    check('plan_reviews_scale_ck', sql`${t.safetyScale} is null or ${t.safetyScale} between 0 and 10`),
  ],
);
