/**
 * The SQL of signing in: accounts, the failure counter, sessions, recovery codes and one-time
 * links. Nothing here is scoped to a school: each query is about one account, or one token.
 */
import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import { oneTimeTokens, recoveryCodes, schools, sessions, signInThrottle, trusts, users } from '@tandem/core/schema';
import type { OneTimeTokenPurpose } from '@tandem/core';
import type { DbOrTx } from '../db/client';

export type UserRow = typeof users.$inferSelect;
type ThrottleValues = Omit<typeof signInThrottle.$inferInsert, 'key'>;

export async function userByEmail(db: DbOrTx, email: string): Promise<UserRow | undefined> {
  const [user] = await db.select().from(users).where(eq(users.email, email));
  return user;
}

export async function userById(db: DbOrTx, userId: string): Promise<UserRow | undefined> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  return user;
}

export async function updateUser(db: DbOrTx, userId: string, changes: Partial<UserRow>): Promise<void> {
  await db.update(users).set(changes).where(eq(users.id, userId));
}

// The failure counter, one row per e-mail address (known or not) ---------------------------------

export async function throttleRow(db: DbOrTx, key: string) {
  const [row] = await db.select().from(signInThrottle).where(eq(signInThrottle.key, key));
  return row;
}

/** The counter row, locked until the transaction ends, so two failures at once both count. */
export async function lockThrottleRow(db: DbOrTx, key: string) {
  const [row] = await db.select().from(signInThrottle).where(eq(signInThrottle.key, key)).for('update');
  return row;
}

export async function saveThrottle(db: DbOrTx, key: string, values: ThrottleValues): Promise<void> {
  await db
    .insert(signInThrottle)
    .values({ key, ...values })
    .onConflictDoUpdate({ target: signInThrottle.key, set: values });
}

export async function deleteThrottle(db: DbOrTx, key: string): Promise<void> {
  await db.delete(signInThrottle).where(eq(signInThrottle.key, key));
}

// Sessions ----------------------------------------------------------------------------------------

export async function insertSession(db: DbOrTx, values: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(values);
}

/** Give a session a new id (the hash of a new token) once both factors are given. */
export async function renewSessionId(db: DbOrTx, oldId: string, newId: string): Promise<void> {
  await db.update(sessions).set({ id: newId, mfaSatisfied: true }).where(eq(sessions.id, oldId));
}

export async function endSession(db: DbOrTx, sessionId: string, at: Date): Promise<void> {
  await db.update(sessions).set({ endedAt: at }).where(eq(sessions.id, sessionId));
}

export async function endSessionsOfUser(db: DbOrTx, userId: string, at: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ endedAt: at })
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)));
}

/** The idle time-out, in minutes, of each of these schools. */
export async function idleMinutesOfSchools(db: DbOrTx, schoolIds: string[]): Promise<number[]> {
  const rows = await db.select({ m: schools.staffIdleMinutes }).from(schools).where(inArray(schools.id, schoolIds));
  return rows.map((r) => r.m);
}

// Recovery codes ----------------------------------------------------------------------------------

export async function insertRecoveryCodes(db: DbOrTx, userId: string, codeHashes: string[]): Promise<void> {
  await db.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash })));
}

/** Mark an unused recovery code used; true if there was one to use. */
export async function useRecoveryCode(db: DbOrTx, userId: string, codeHash: string, at: Date): Promise<boolean> {
  const used = await db
    .update(recoveryCodes)
    .set({ usedAt: at })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return used.length > 0;
}

export async function unusedRecoveryCodeCount(db: DbOrTx, userId: string): Promise<number> {
  const remaining = await db
    .select({ id: recoveryCodes.id })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return remaining.length;
}

// One-time links (password reset, invitation) -----------------------------------------------------

/** Retire a person's unused links of one kind, so only the newest works. */
export async function retireOneTimeTokens(
  db: DbOrTx,
  userId: string,
  purpose: OneTimeTokenPurpose,
  at: Date,
): Promise<void> {
  await db
    .update(oneTimeTokens)
    .set({ usedAt: at })
    .where(and(eq(oneTimeTokens.userId, userId), eq(oneTimeTokens.purpose, purpose), isNull(oneTimeTokens.usedAt)));
}

/** Retire every unused link of a person, of any kind. */
export async function retireAllOneTimeTokens(db: DbOrTx, userId: string, at: Date): Promise<void> {
  await db
    .update(oneTimeTokens)
    .set({ usedAt: at })
    .where(and(eq(oneTimeTokens.userId, userId), isNull(oneTimeTokens.usedAt)));
}

export async function insertOneTimeToken(db: DbOrTx, values: typeof oneTimeTokens.$inferInsert): Promise<void> {
  await db.insert(oneTimeTokens).values(values);
}

/** An unused, unexpired link of an account that is not disabled, with its holder's name. */
export async function liveOneTimeToken(db: DbOrTx, hash: string, now: Date) {
  const [row] = await db
    .select({ t: oneTimeTokens, displayName: users.displayName })
    .from(oneTimeTokens)
    .innerJoin(users, eq(users.id, oneTimeTokens.userId))
    .where(
      and(
        eq(oneTimeTokens.tokenHash, hash),
        isNull(oneTimeTokens.usedAt),
        gt(oneTimeTokens.expiresAt, now),
        isNull(users.disabledAt),
      ),
    );
  return row;
}

/** Mark a link used; false if another request used it first. */
export async function claimOneTimeToken(db: DbOrTx, tokenId: string, at: Date): Promise<boolean> {
  const claimed = await db
    .update(oneTimeTokens)
    .set({ usedAt: at })
    .where(and(eq(oneTimeTokens.id, tokenId), isNull(oneTimeTokens.usedAt)))
    .returning({ id: oneTimeTokens.id });
  return claimed.length > 0;
}

// What the session describes ---------------------------------------------------------------------

export async function schoolsByIds(db: DbOrTx, schoolIds: string[]) {
  return schoolIds.length ? db.select().from(schools).where(inArray(schools.id, schoolIds)).orderBy(schools.name) : [];
}

export async function trustsByIds(db: DbOrTx, trustIds: string[]) {
  return trustIds.length ? db.select().from(trusts).where(inArray(trusts.id, trustIds)) : [];
}
