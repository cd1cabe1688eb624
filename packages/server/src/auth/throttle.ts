/**
 * Failed sign-ins are counted twice, in the database (so every app process sharing it sees the same
 * counts), with different thresholds:
 *  - per account (e-mail address, existing or not; second factors too): five within 15 minutes
 *    pause signing in to that account for 15 minutes, whatever is given. That is the account being
 *    attacked;
 *  - per network address: SIGN_IN_RATE_LIMIT failures within a minute (a school's shared address,
 *    or everyone behind a proxy, may make many honest mistakes) stop password-only sign-in from that
 *    address for the rest of the minute. A correct password WITH a valid second factor, given
 *    together, still gets through, so one attacker cannot lock a whole school out; spraying one
 *    password across accounts from that address is still stopped, as the password alone is refused.
 */
import { AppError } from '@tandem/core';
import type { DbOrTx } from '../db/client';
import { deleteThrottle, lockThrottleRow, saveThrottle, throttleRow } from './auth.queries';
import { tokenHash } from './tokens';

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

/** The counter's key: a hash, so the table holds no e-mail addresses. */
export function throttleKey(email: string): string {
  return `email:${tokenHash(email.toLowerCase())}`;
}

/** Refuse (429) while the address is paused. */
export async function assertNotLocked(db: DbOrTx, key: string, now: Date): Promise<void> {
  const row = await throttleRow(db, key);
  if (row?.lockedUntil && row.lockedUntil > now) {
    throw new AppError('account_locked', 'sign-in locked');
  }
}

/** Count a failure; returns the lock-out end if this failure locked the address. */
export async function recordFailure(tx: DbOrTx, key: string, now: Date): Promise<Date | null> {
  const row = await lockThrottleRow(tx, key);
  const inWindow = row && now.getTime() - row.windowStartedAt.getTime() < FAILURE_WINDOW_MS;
  const failures = inWindow ? row.failures + 1 : 1;
  const lockedUntil = failures >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MS) : null;
  await saveThrottle(tx, key, {
    failures: lockedUntil ? 0 : failures,
    windowStartedAt: inWindow ? row.windowStartedAt : now,
    lockedUntil,
  });
  return lockedUntil;
}

/** A success clears the count. */
export function clearFailures(tx: DbOrTx, key: string): Promise<void> {
  return deleteThrottle(tx, key);
}

/** The per-network-address counter's key: a hash, so the table holds no addresses. */
export function addressKey(ip: string): string {
  return `ip:${tokenHash(ip)}`;
}

export const ADDRESS_WINDOW_MS = 60_000;

/** Whether this network address has reached its failure limit in the current minute. */
export async function addressLimited(db: DbOrTx, ip: string, now: Date, max: number): Promise<boolean> {
  const row = await throttleRow(db, addressKey(ip));
  return Boolean(row && now.getTime() - row.windowStartedAt.getTime() < ADDRESS_WINDOW_MS && row.failures >= max);
}

/** Count a failed sign-in from a network address. */
export async function recordAddressFailure(tx: DbOrTx, ip: string, now: Date): Promise<void> {
  const key = addressKey(ip);
  const row = await lockThrottleRow(tx, key);
  const inWindow = row && now.getTime() - row.windowStartedAt.getTime() < ADDRESS_WINDOW_MS;
  await saveThrottle(tx, key, {
    failures: inWindow ? row.failures + 1 : 1,
    windowStartedAt: inWindow ? row.windowStartedAt : now,
    lockedUntil: null,
  });
}
