/**
 * The resource library: the trust's shared entries (school_id null) and each school's own. The
 * rules every table keeps are in db/schema.ts, which gathers them all for Drizzle and the migrations.
 */
import { boolean, check, date, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { oneOf, ts } from '../db/columns';
import { schools, trusts } from '../schools/schools.tables';
import { users } from '../auth/auth.tables';
import { documents } from '../documents/documents.tables';
import { RESOURCE_KINDS, RESOURCE_STATUSES, type ResourceAudience } from './resources.values';

export const resources = pgTable(
  'resources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    trustId: uuid('trust_id')
      .notNull()
      .references(() => trusts.id),
    /** null for the trust's shared entries, seen by every school of the trust. */
    schoolId: uuid('school_id').references(() => schools.id),
    title: text('title').notNull(),
    description: text('description').notNull(),
    audiences: jsonb('audiences').$type<ResourceAudience[]>().notNull(),
    kind: text('kind', { enum: RESOURCE_KINDS }).notNull(),
    /** Keys of improvement/areas.ts. */
    areas: jsonb('areas').$type<string[]>().notNull(),
    url: text('url').notNull().default(''),
    documentId: uuid('document_id').references(() => documents.id),
    status: text('status', { enum: RESOURCE_STATUSES }).notNull().default('active'),
    /** Raised on every change: a change made against an older version is refused. */
    version: integer('version').notNull().default(1),
    /** Part of the starter library Tandem gives each trust (added once, when its first school is). */
    starter: boolean('starter').notNull().default(false),
    lastReviewedOn: date('last_reviewed_on', { mode: 'string' }).notNull(),
    lastReviewedBy: uuid('last_reviewed_by').references(() => users.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('resources_trust_idx').on(t.trustId, t.schoolId, t.status),
    check('resources_kind_ck', oneOf(t.kind, RESOURCE_KINDS)),
    check('resources_status_ck', oneOf(t.status, RESOURCE_STATUSES)),
  ],
);
