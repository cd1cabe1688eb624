/**
 * The policy register: each policy of a school, every version of it (the newest is current), and
 * who confirmed reading which version. The rules every table keeps are in db/schema.ts.
 */
import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { oneOf, ts } from '../db/columns';
import { schools } from '../schools/schools.tables';
import { users } from '../auth/auth.tables';
import { documents } from '../documents/documents.tables';
import type { SchoolStaffRole } from '../auth/roles';
import { POLICY_KINDS, POLICY_READERS } from './policies.values';

export const policies = pgTable(
  'policies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    kind: text('kind', { enum: POLICY_KINDS }).notNull(),
    title: text('title').notNull(),
    ownerUserId: uuid('owner_user_id')
      .notNull()
      .references(() => users.id),
    readers: text('readers', { enum: POLICY_READERS }).notNull(),
    /** For readers "roles": the staff roles that must read it. */
    readerRoles: jsonb('reader_roles').$type<SchoolStaffRole[]>().notNull().default([]),
    /** The number of the version in force (the newest). */
    currentVersion: integer('current_version').notNull().default(1),
    /** The current version's next review, kept here for the register's lists and the due job. */
    nextReviewOn: date('next_review_on', { mode: 'string' }).notNull(),
    /** The review date its owner was last reminded about (once per date). */
    reviewReminderFor: date('review_reminder_for', { mode: 'string' }),
    /** Raised on every change: a change made against an older revision is refused. */
    revision: integer('revision').notNull().default(1),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('policies_school_idx').on(t.schoolId, t.nextReviewOn),
    index('policies_owner_idx').on(t.schoolId, t.ownerUserId),
    check('policies_kind_ck', oneOf(t.kind, POLICY_KINDS)),
    check('policies_readers_ck', oneOf(t.readers, POLICY_READERS)),
  ],
);

/** One version of a policy as approved; never changed once written. */
export const policyVersions = pgTable(
  'policy_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => policies.id),
    version: integer('version').notNull(),
    documentId: uuid('document_id').references(() => documents.id),
    link: text('link'),
    approvedOn: date('approved_on', { mode: 'string' }).notNull(),
    /** Who approved it, in the school's words: "Governing body", "Trust board", "Headteacher". */
    approvedBy: text('approved_by').notNull(),
    /** What changed from the version before, in a few words. */
    summary: text('summary').notNull().default(''),
    nextReviewOn: date('next_review_on', { mode: 'string' }).notNull(),
    /** Why the review is later than the kind's usual period, when it is. */
    reviewReason: text('review_reason').notNull().default(''),
    addedBy: uuid('added_by')
      .notNull()
      .references(() => users.id),
    addedAt: ts('added_at').notNull(),
  },
  (t) => [
    uniqueIndex('policy_versions_policy_uq').on(t.policyId, t.version),
    index('policy_versions_school_idx').on(t.schoolId, t.policyId),
    check('policy_versions_file_or_link_ck', sql`${t.documentId} is not null or ${t.link} is not null`),
  ],
);

/** A member of staff confirmed reading one version of a policy. */
export const policyReads = pgTable(
  'policy_reads',
  {
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => policies.id),
    version: integer('version').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    readAt: ts('read_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.policyId, t.version, t.userId] }),
    index('policy_reads_user_idx').on(t.schoolId, t.userId),
  ],
);
