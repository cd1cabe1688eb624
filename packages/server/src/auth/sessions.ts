/**
 * Sessions live in the database; the cookie holds a random token and the table only its hash.
 * A session is opened at sign-in and given a new token once the second factor is given, so a token
 * seen before that is worthless.
 */
import { isStaffRole, isTrustRole, type Actor } from '@tandem/core';
import type { DbOrTx } from '../db/client';
import type { AuthState } from '../http/context';
import type { AppDeps } from '../platform/deps';
import { idleMinutesOfSchools, insertSession, renewSessionId } from './auth.queries';
import { newToken, tokenHash } from './tokens';

/**
 * Staff sessions end after the shortest idle time-out of their schools; others after the default.
 * The operator's IDLE_TIMEOUT_MINUTES is the upper bound for everyone: a school may only shorten it.
 */
export async function idleSecondsFor(db: DbOrTx, deps: AppDeps, actor: Pick<Actor, 'assignments'>): Promise<number> {
  const staffSchoolIds = actor.assignments.flatMap((a) =>
    a.schoolId && (isStaffRole(a.role) || isTrustRole(a.role)) ? [a.schoolId] : [],
  );
  let minutes = deps.config.defaultIdleMinutes;
  if (staffSchoolIds.length > 0) minutes = Math.min(minutes, ...(await idleMinutesOfSchools(db, staffSchoolIds)));
  return minutes * 60;
}

/** Open a session for a person; returns the raw token for the cookie. */
export async function openSession(
  tx: DbOrTx,
  deps: AppDeps,
  session: {
    userId: string;
    now: Date;
    idleTimeoutSeconds: number;
    mfaSatisfied: boolean;
    ip: string | null;
    signInMethod: string;
  },
): Promise<string> {
  const token = newToken();
  await insertSession(tx, {
    id: tokenHash(token),
    userId: session.userId,
    lastSeenAt: session.now,
    expiresAt: new Date(session.now.getTime() + deps.config.absoluteSessionHours * 3_600_000),
    idleTimeoutSeconds: session.idleTimeoutSeconds,
    mfaSatisfied: session.mfaSatisfied,
    ip: session.ip,
    signInMethod: session.signInMethod,
  });
  return token;
}

/** Replace the session's token (after the second factor), so a token seen before it is worthless. */
export async function rotateSession(tx: DbOrTx, auth: AuthState): Promise<string> {
  const token = newToken();
  await renewSessionId(tx, auth.sessionId, tokenHash(token));
  auth.sessionId = tokenHash(token);
  auth.mfaSatisfied = true;
  return token;
}
