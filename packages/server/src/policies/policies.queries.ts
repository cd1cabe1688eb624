/** The policy register's SQL, each query scoped to one school. */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { AppError } from '@tandem/core';
import { policies, policyReads, policyVersions, users } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';

export type PolicyRow = typeof policies.$inferSelect;
export type PolicyVersionRow = typeof policyVersions.$inferSelect;

/** A policy with its owner's name and the current version's approval date. */
export interface PolicyListRow {
  p: PolicyRow;
  ownerName: string;
  approvedOn: string;
}

const listColumns = { p: policies, ownerName: users.displayName, approvedOn: policyVersions.approvedOn };

/** Every policy of a school, the soonest review first. */
export async function policiesOfSchool(db: DbOrTx, schoolId: string): Promise<PolicyListRow[]> {
  return db
    .select(listColumns)
    .from(policies)
    .innerJoin(users, eq(users.id, policies.ownerUserId))
    .innerJoin(
      policyVersions,
      and(eq(policyVersions.policyId, policies.id), eq(policyVersions.version, policies.currentVersion)),
    )
    .where(eq(policies.schoolId, schoolId))
    .orderBy(asc(policies.nextReviewOn), asc(policies.title));
}

/** One policy of this school with its owner and approval date, or 404. */
export async function loadPolicyListRow(db: DbOrTx, schoolId: string, policyId: string): Promise<PolicyListRow> {
  const [row] = await db
    .select(listColumns)
    .from(policies)
    .innerJoin(users, eq(users.id, policies.ownerUserId))
    .innerJoin(
      policyVersions,
      and(eq(policyVersions.policyId, policies.id), eq(policyVersions.version, policies.currentVersion)),
    )
    .where(and(eq(policies.schoolId, schoolId), eq(policies.id, policyId)));
  if (!row) throw new AppError('not_found', 'policy not found');
  return row;
}

/** One policy of this school, locked for a change, or 404. */
export async function lockPolicy(db: DbOrTx, schoolId: string, policyId: string): Promise<PolicyRow> {
  const [row] = await db
    .select()
    .from(policies)
    .where(and(eq(policies.schoolId, schoolId), eq(policies.id, policyId)))
    .for('update');
  if (!row) throw new AppError('not_found', 'policy not found');
  return row;
}

/** Every version of a policy, newest first, with who added it. */
export async function versionsOf(db: DbOrTx, schoolId: string, policyId: string) {
  return db
    .select({ v: policyVersions, addedByName: users.displayName })
    .from(policyVersions)
    .innerJoin(users, eq(users.id, policyVersions.addedBy))
    .where(and(eq(policyVersions.schoolId, schoolId), eq(policyVersions.policyId, policyId)))
    .orderBy(desc(policyVersions.version));
}

/** Who has confirmed reading the current version of each policy of the school: policy id -> user ids. */
export async function currentReads(db: DbOrTx, schoolId: string, policyId?: string) {
  const rows = await db
    .select({ policyId: policyReads.policyId, userId: policyReads.userId })
    .from(policyReads)
    .innerJoin(policies, and(eq(policies.id, policyReads.policyId), eq(policies.currentVersion, policyReads.version)))
    .where(
      and(eq(policyReads.schoolId, schoolId), policyId === undefined ? sql`true` : eq(policyReads.policyId, policyId)),
    );
  const byPolicy = new Map<string, Set<string>>();
  for (const r of rows) {
    const set = byPolicy.get(r.policyId) ?? new Set<string>();
    set.add(r.userId);
    byPolicy.set(r.policyId, set);
  }
  return byPolicy;
}

export async function insertPolicy(db: DbOrTx, values: typeof policies.$inferInsert): Promise<PolicyRow> {
  const [row] = await db.insert(policies).values(values).returning();
  if (!row) throw new Error('policy not stored');
  return row;
}

export async function insertVersion(db: DbOrTx, values: typeof policyVersions.$inferInsert): Promise<void> {
  await db.insert(policyVersions).values(values);
}

export async function updatePolicy(db: DbOrTx, id: string, set: Partial<typeof policies.$inferInsert>): Promise<void> {
  await db.update(policies).set(set).where(eq(policies.id, id));
}

/** Records a read of one version; false when this person had already confirmed it. */
export async function insertRead(db: DbOrTx, values: typeof policyReads.$inferInsert): Promise<boolean> {
  const rows = await db.insert(policyReads).values(values).onConflictDoNothing().returning({ v: policyReads.version });
  return rows.length > 0;
}
