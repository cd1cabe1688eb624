/** Single sign-on's SQL: the school's connections, one-time attempts, and the staff member to match. */
import { and, arrayContains, asc, eq, inArray, isNull } from 'drizzle-orm';
import { SCHOOL_STAFF_ROLES, type SsoProvider } from '@tandem/core';
import { roleAssignments, schools, ssoAttempts, ssoConnections, users } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';

export type ConnectionRow = typeof ssoConnections.$inferSelect;
export type AttemptRow = typeof ssoAttempts.$inferSelect;

export function connectionsOfSchool(db: DbOrTx, schoolId: string): Promise<ConnectionRow[]> {
  return db
    .select()
    .from(ssoConnections)
    .where(eq(ssoConnections.schoolId, schoolId))
    .orderBy(asc(ssoConnections.provider));
}

export async function connectionOf(
  db: DbOrTx,
  schoolId: string,
  provider: SsoProvider,
): Promise<ConnectionRow | undefined> {
  const [row] = await db
    .select()
    .from(ssoConnections)
    .where(and(eq(ssoConnections.schoolId, schoolId), eq(ssoConnections.provider, provider)));
  return row;
}

export async function connectionById(db: DbOrTx, id: string): Promise<ConnectionRow | undefined> {
  const [row] = await db.select().from(ssoConnections).where(eq(ssoConnections.id, id));
  return row;
}

/** Enabled connections for this provider that list the domain (several schools of a trust may share one). */
export function enabledConnectionsFor(db: DbOrTx, provider: SsoProvider, domain: string): Promise<ConnectionRow[]> {
  return db
    .select()
    .from(ssoConnections)
    .where(
      and(
        eq(ssoConnections.provider, provider),
        eq(ssoConnections.enabled, true),
        arrayContains(ssoConnections.domains, [domain]),
      ),
    )
    .orderBy(asc(ssoConnections.updatedAt));
}

export async function schoolTrust(db: DbOrTx, schoolId: string): Promise<string | undefined> {
  const [row] = await db.select({ trustId: schools.trustId }).from(schools).where(eq(schools.id, schoolId));
  return row?.trustId;
}

export async function userWithEmail(db: DbOrTx, email: string) {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      totpSecret: users.totpSecret,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(eq(users.email, email.toLowerCase()));
  return row;
}

/** Whether the person holds an active staff role in the school (not parent, pupil or trust role). */
export async function holdsStaffRole(db: DbOrTx, userId: string, schoolId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: roleAssignments.id })
    .from(roleAssignments)
    .where(
      and(
        eq(roleAssignments.userId, userId),
        eq(roleAssignments.schoolId, schoolId),
        isNull(roleAssignments.revokedAt),
        inArray(roleAssignments.role, [...SCHOOL_STAFF_ROLES]),
      ),
    )
    .limit(1);
  return row !== undefined;
}

export async function insertAttempt(db: DbOrTx, row: typeof ssoAttempts.$inferInsert): Promise<void> {
  await db.insert(ssoAttempts).values(row);
}

/** The attempt for a state, locked until the transaction ends (so it is used once). */
export async function lockAttempt(db: DbOrTx, stateHash: string): Promise<AttemptRow | undefined> {
  const [row] = await db.select().from(ssoAttempts).where(eq(ssoAttempts.stateHash, stateHash)).for('update');
  return row;
}

export async function markAttemptUsed(db: DbOrTx, id: string, now: Date): Promise<void> {
  await db.update(ssoAttempts).set({ usedAt: now }).where(eq(ssoAttempts.id, id));
}
