/**
 * The school's early identification rules (a row per rule the school changed; a rule without a row
 * runs with its defaults) and the lead's reviews of listed pupils. The rules every table keeps are
 * in db/schema.ts.
 */
import { boolean, check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { oneOf, ts } from '../db/columns';
import { schools } from '../schools/schools.tables';
import { users } from '../auth/auth.tables';
import { pupils } from '../pupils/pupils.tables';
import { EARLY_REVIEW_OUTCOMES, EARLY_RULE_KINDS } from './early.values';

export const earlyRules = pgTable(
  'early_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    kind: text('kind', { enum: EARLY_RULE_KINDS }).notNull(),
    enabled: boolean('enabled').notNull(),
    params: jsonb('params').$type<Record<string, number>>().notNull(),
    revision: integer('revision').notNull().default(1),
    changedBy: uuid('changed_by')
      .notNull()
      .references(() => users.id),
    changedAt: ts('changed_at').notNull(),
  },
  (t) => [
    uniqueIndex('early_rules_school_kind_uq').on(t.schoolId, t.kind),
    check('early_rules_kind_ck', oneOf(t.kind, EARLY_RULE_KINDS)),
  ],
);

/** The lead's decision on a listed pupil, with the rules that had fired and their figures at the time. */
export const earlyReviews = pgTable(
  'early_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    pupilId: uuid('pupil_id')
      .notNull()
      .references(() => pupils.id),
    outcome: text('outcome', { enum: EARLY_REVIEW_OUTCOMES }).notNull(),
    reason: text('reason').notNull(),
    /** The rules that had fired when reviewed, each with the figures behind it. */
    fired: jsonb('fired').$type<{ kind: string; because: string }[]>().notNull(),
    reviewedBy: uuid('reviewed_by')
      .notNull()
      .references(() => users.id),
    reviewedAt: ts('reviewed_at').notNull(),
  },
  (t) => [
    index('early_reviews_pupil_idx').on(t.schoolId, t.pupilId, t.reviewedAt),
    index('early_reviews_school_idx').on(t.schoolId, t.reviewedAt),
    check('early_reviews_outcome_ck', oneOf(t.outcome, EARLY_REVIEW_OUTCOMES)),
  ],
);
