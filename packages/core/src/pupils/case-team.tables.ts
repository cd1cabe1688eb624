/**
 * Pupils' case teams: who works on a pupil's case, so that case roles scoped to their caseload
 * (SENDCO, Early Help lead, pastoral lead) open that pupil's case record. Owned by the platform's
 * need-to-know (server platform/case-access.ts). Members are removed, not deleted, so who could
 * see a record and when stays answerable.
 */
import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, oneOf, ts } from '../db/columns';
import { CASE_TEAM_SOURCES } from './case-team.values';
import { pupils } from './pupils.tables';
import { schools } from '../schools/schools.tables';
import { users } from '../auth/auth.tables';

export const caseTeamMembers = pgTable(
  'case_team_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    pupilId: uuid('pupil_id')
      .notNull()
      .references(() => pupils.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    source: text('source', { enum: CASE_TEAM_SOURCES }).notNull(),
    /** null when the system added them (a routed concern, a plan's or a meeting's lead). */
    addedBy: uuid('added_by').references(() => users.id),
    addedAt: createdAt(),
    removedAt: ts('removed_at'),
    removedBy: uuid('removed_by').references(() => users.id),
  },
  (t) => [
    index('case_team_members_pupil_idx').on(t.schoolId, t.pupilId),
    index('case_team_members_user_idx').on(t.schoolId, t.userId),
    uniqueIndex('case_team_members_active_uq')
      .on(t.schoolId, t.pupilId, t.userId)
      .where(sql`${t.removedAt} is null`),
    check('case_team_members_source_ck', oneOf(t.source, CASE_TEAM_SOURCES)),
  ],
);
