/**
 * The policy register's part of a person's "my work": policies required of them whose current
 * version they have not confirmed, and reviews due within a month or overdue, for the policy's
 * owner and for the Senior Mental Health Lead and the headteacher (every policy of the school).
 */
import { and, eq, lte } from 'drizzle-orm';
import {
  addDaysToDay,
  canInSchool,
  POLICY_MY_WORK_DAYS,
  requiredOf,
  rolesInSchool,
  type PolicyReviewDueItem,
  type PolicyToReadItem,
} from '@tandem/core';
import { policies, policyReads } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';
import type { MyWorkReader, MyWorkSource } from '../platform/registries';

/** Roles that see every policy's review on their home page. */
const LEADS = ['smhl', 'headteacher'] as const;

async function toRead(db: DbOrTx, r: MyWorkReader): Promise<PolicyToReadItem[]> {
  if (!canInSchool(r.actor, 'staff.wholeSchool', r.schoolId)) return [];
  const roles = rolesInSchool(r.actor, r.schoolId);
  const withReads = await db
    .select({ p: policies, readVersion: policyReads.version })
    .from(policies)
    .leftJoin(
      policyReads,
      and(
        eq(policyReads.policyId, policies.id),
        eq(policyReads.version, policies.currentVersion),
        eq(policyReads.userId, r.actor.userId),
      ),
    )
    .where(eq(policies.schoolId, r.schoolId));
  return withReads
    .filter((row) => row.readVersion === null && requiredOf(row.p, roles))
    .map((row) => ({ policyId: row.p.id, title: row.p.title, version: row.p.currentVersion }));
}

async function reviewsDue(db: DbOrTx, r: MyWorkReader): Promise<PolicyReviewDueItem[]> {
  if (!canInSchool(r.actor, 'staff.wholeSchool', r.schoolId)) return [];
  const lead = rolesInSchool(r.actor, r.schoolId).some((role) => (LEADS as readonly string[]).includes(role));
  const horizon = addDaysToDay(r.today, POLICY_MY_WORK_DAYS);
  const rows = await db
    .select({ id: policies.id, title: policies.title, nextReviewOn: policies.nextReviewOn })
    .from(policies)
    .where(
      and(
        eq(policies.schoolId, r.schoolId),
        lte(policies.nextReviewOn, horizon),
        lead ? undefined : eq(policies.ownerUserId, r.actor.userId),
      ),
    );
  return rows.map((p) => ({
    policyId: p.id,
    title: p.title,
    nextReviewOn: p.nextReviewOn,
    overdue: p.nextReviewOn < r.today,
  }));
}

export const policyMyWork: MyWorkSource = {
  name: 'policies',
  async items(db, reader) {
    return { policiesToRead: await toRead(db, reader), policyReviewsDue: await reviewsDue(db, reader) };
  },
};
