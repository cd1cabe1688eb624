/**
 * Failed sign-ins and second factors are counted per e-mail address (existing or not): five
 * within 15 minutes pause signing in to that address for 15 minutes. The per-network-address limit
 * is the rate limiter on the routes.
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
