/**
 * Signing in and out, two-factor, password reset. Messages never say whether an account exists;
 * failures are counted per e-mail address (existing or not) and per network address.
 */
import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import QRCode from 'qrcode';
import {
  AppError,
  actorRequiresMfa,
  isStaffRole,
  isTrustRole,
  permissionsInSchool,
  type Actor,
  type SessionResponse,
} from '@tandem/core';
import { oneTimeTokens, recoveryCodes, schools, sessions, signInThrottle, trusts, users } from '@tandem/core/schema';
import type { AppDeps } from '../platform/deps';
import { appendAudit } from '../audit/audit.service';
import type { DbOrTx } from '../db/client';
import { loadAssignments, type AuthState } from '../http/context';
import { hashPassword, verifyPassword } from './password';
import { checkTotp, newTotpSecret, totpUri } from './totp';
import { newRecoveryCodes, newToken, normaliseRecoveryCode, tokenHash } from './tokens';

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;
export const RESET_LINK_MS = 60 * 60_000;
export const INVITATION_LINK_MS = 7 * 24 * 60 * 60_000;

const BAD_CREDENTIALS = new AppError('unauthenticated', 'bad credentials', {
  userMessage: 'The email address or password is not right. Please check them and try again.',
});

function throttleKey(email: string): string {
  return `email:${tokenHash(email.toLowerCase())}`;
}

async function assertNotLocked(deps: AppDeps, key: string): Promise<void> {
  const [row] = await deps.database.db.select().from(signInThrottle).where(eq(signInThrottle.key, key));
  if (row?.lockedUntil && row.lockedUntil > deps.clock.now()) {
    throw new AppError('account_locked', 'sign-in locked');
  }
}

/** Count a failure; returns the lock-out end if this failure locked the address. */
async function recordFailure(tx: DbOrTx, deps: AppDeps, key: string): Promise<Date | null> {
  const now = deps.clock.now();
  const [row] = await tx.select().from(signInThrottle).where(eq(signInThrottle.key, key)).for('update');
  const inWindow = row && now.getTime() - row.windowStartedAt.getTime() < FAILURE_WINDOW_MS;
  const failures = inWindow ? row.failures + 1 : 1;
  const lockedUntil = failures >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MS) : null;
  const values = {
    failures: lockedUntil ? 0 : failures,
    windowStartedAt: inWindow ? row.windowStartedAt : now,
    lockedUntil,
  };
  await tx
    .insert(signInThrottle)
    .values({ key, ...values })
    .onConflictDoUpdate({ target: signInThrottle.key, set: values });
  return lockedUntil;
}

async function clearFailures(tx: DbOrTx, key: string): Promise<void> {
  await tx.delete(signInThrottle).where(eq(signInThrottle.key, key));
}

async function idleSecondsFor(tx: DbOrTx, deps: AppDeps, actor: Pick<Actor, 'assignments'>): Promise<number> {
  const staffSchoolIds = actor.assignments
    .filter((a) => a.schoolId && (isStaffRole(a.role) || isTrustRole(a.role)))
    .map((a) => a.schoolId as string);
  let minutes = deps.config.defaultIdleMinutes;
  if (staffSchoolIds.length > 0) {
    const rows = await tx
      .select({ m: schools.staffIdleMinutes })
      .from(schools)
      .where(inArray(schools.id, staffSchoolIds));
    minutes = Math.min(...rows.map((r) => r.m));
  }
  return minutes * 60;
}

export interface SignInResult {
  token: string;
  auth: AuthState;
}

export async function signIn(deps: AppDeps, email: string, password: string, ip: string): Promise<SignInResult> {
  const key = throttleKey(email);
  await assertNotLocked(deps, key);
  const { db } = deps.database;
  const [user] = await db.select().from(users).where(eq(users.email, email));
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !passwordOk || user.disabledAt) {
    const lockedUntil = await db.transaction(async (tx) => {
      const until = await recordFailure(tx, deps, key);
      if (user) {
        await appendAudit(
          tx,
          deps.clock,
          {
            action: 'auth.sign_in_failed',
            detail: { reason: user.disabledAt && passwordOk ? 'disabled' : 'bad_credentials' },
          },
          { actorUserId: user.id, trustId: null, schoolId: null, ip },
        );
        if (until) {
          await appendAudit(
            tx,
            deps.clock,
            { action: 'auth.account_locked', detail: { until: until.toISOString() } },
            {
              actorUserId: user.id,
              trustId: null,
              schoolId: null,
              ip,
            },
          );
        }
      }
      return until;
    });
    if (lockedUntil) throw new AppError('account_locked', 'sign-in locked');
    throw BAD_CREDENTIALS;
  }

  return db.transaction(async (tx) => {
    await clearFailures(tx, key);
    const assignments = await loadAssignments(tx, user.id);
    const totpEnabled = user.totpSecret !== null;
    const mfaSatisfied = !totpEnabled && !actorRequiresMfa({ assignments });
    const now = deps.clock.now();
    const token = newToken();
    const idleTimeoutSeconds = await idleSecondsFor(tx, deps, { assignments });
    await tx.insert(sessions).values({
      id: tokenHash(token),
      userId: user.id,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + deps.config.absoluteSessionHours * 3_600_000),
      idleTimeoutSeconds,
      mfaSatisfied,
      ip,
    });
    if (mfaSatisfied) {
      await appendAudit(
        tx,
        deps.clock,
        { action: 'auth.signed_in', detail: { mfa: false } },
        {
          actorUserId: user.id,
          trustId: null,
          schoolId: null,
          ip,
        },
      );
    }
    return {
      token,
      auth: {
        sessionId: tokenHash(token),
        mfaSatisfied,
        totpEnabled,
        idleTimeoutSeconds,
        actor: { userId: user.id, email: user.email, displayName: user.displayName, assignments },
      },
    };
  });
}

/** Replace the session's token (after the second factor), so a token seen before it is worthless. */
async function rotateSession(tx: DbOrTx, auth: AuthState): Promise<string> {
  const token = newToken();
  await tx
    .update(sessions)
    .set({ id: tokenHash(token), mfaSatisfied: true })
    .where(eq(sessions.id, auth.sessionId));
  auth.sessionId = tokenHash(token);
  auth.mfaSatisfied = true;
  return token;
}

export async function verifySecondFactor(deps: AppDeps, auth: AuthState, code: string, ip: string): Promise<string> {
  if (auth.mfaSatisfied)
    throw new AppError('conflict', 'already verified', { userMessage: 'You are already signed in.' });
  const key = throttleKey(auth.actor.email);
  await assertNotLocked(deps, key);
  const { db } = deps.database;
  const now = deps.clock.now();
  const [user] = await db.select().from(users).where(eq(users.id, auth.actor.userId));
  if (!user?.totpSecret) {
    throw new AppError('bad_request', 'no totp', { userMessage: 'Please set up two-factor sign-in first.' });
  }
  const totpSecret = user.totpSecret;
  const ctx = { actorUserId: user.id, trustId: null, schoolId: null, ip };
  const result = await db.transaction(async (tx) => {
    const step = await checkTotp(totpSecret, code, now);
    if (step !== null && (user.totpLastStep === null || step > user.totpLastStep)) {
      await tx.update(users).set({ totpLastStep: step }).where(eq(users.id, user.id));
    } else if (step === null && /^[a-z0-9]{12}$/i.test(normaliseRecoveryCode(code))) {
      const hashed = tokenHash(normaliseRecoveryCode(code));
      const used = await tx
        .update(recoveryCodes)
        .set({ usedAt: now })
        .where(and(eq(recoveryCodes.userId, user.id), eq(recoveryCodes.codeHash, hashed), isNull(recoveryCodes.usedAt)))
        .returning({ id: recoveryCodes.id });
      if (used.length === 0) return null;
      const remaining = await tx
        .select({ id: recoveryCodes.id })
        .from(recoveryCodes)
        .where(and(eq(recoveryCodes.userId, user.id), isNull(recoveryCodes.usedAt)));
      await appendAudit(
        tx,
        deps.clock,
        { action: 'auth.recovery_code_used', detail: { remaining: remaining.length } },
        ctx,
      );
    } else {
      return null;
    }
    await clearFailures(tx, key);
    const token = await rotateSession(tx, auth);
    await appendAudit(tx, deps.clock, { action: 'auth.signed_in', detail: { mfa: true } }, ctx);
    return token;
  });
  if (result === null) {
    const locked = await db.transaction(async (tx) => {
      await appendAudit(tx, deps.clock, { action: 'auth.mfa_failed', detail: {} }, ctx);
      return recordFailure(tx, deps, key);
    });
    if (locked) throw new AppError('account_locked', 'mfa locked');
    throw new AppError('unauthenticated', 'bad code', {
      userMessage: 'That code is not right. Codes change every 30 seconds: enter the one your app shows now.',
      fields: [{ path: 'code', message: 'Enter the 6-digit code your app shows now, or a recovery code' }],
    });
  }
  return result;
}

export async function startEnrolment(deps: AppDeps, auth: AuthState) {
  if (auth.totpEnabled) {
    throw new AppError('conflict', 'already enrolled', { userMessage: 'Two-factor sign-in is already set up.' });
  }
  const secret = newTotpSecret();
  await deps.database.db.update(users).set({ totpPendingSecret: secret }).where(eq(users.id, auth.actor.userId));
  const otpauthUri = totpUri(secret, auth.actor.email);
  const qrCodeDataUrl = await QRCode.toDataURL(otpauthUri, { margin: 1, width: 240 });
  return { secret, otpauthUri, qrCodeDataUrl };
}

export async function confirmEnrolment(
  deps: AppDeps,
  auth: AuthState,
  code: string,
  ip: string,
): Promise<{ token: string; recoveryCodes: string[] }> {
  if (auth.totpEnabled) {
    throw new AppError('conflict', 'already enrolled', { userMessage: 'Two-factor sign-in is already set up.' });
  }
  const { db } = deps.database;
  const [user] = await db.select().from(users).where(eq(users.id, auth.actor.userId));
  if (!user?.totpPendingSecret) {
    throw new AppError('bad_request', 'no pending secret', {
      userMessage: 'Please start setting up two-factor sign-in again.',
    });
  }
  const now = deps.clock.now();
  const step = await checkTotp(user.totpPendingSecret, code, now);
  if (step === null) {
    throw new AppError('validation', 'bad enrolment code', {
      userMessage:
        'That code is not right. Check the time on your phone is set automatically, then enter the code your app shows now.',
      fields: [{ path: 'code', message: 'Enter the 6-digit code your app shows now' }],
    });
  }
  const codes = newRecoveryCodes();
  return db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpEnabledAt: now, totpLastStep: step })
      .where(eq(users.id, user.id));
    await tx
      .insert(recoveryCodes)
      .values(codes.map((c) => ({ userId: user.id, codeHash: tokenHash(normaliseRecoveryCode(c)) })));
    const ctx = { actorUserId: user.id, trustId: null, schoolId: null, ip };
    await appendAudit(tx, deps.clock, { action: 'auth.mfa_enrolled', detail: {} }, ctx);
    const token = await rotateSession(tx, auth);
    auth.totpEnabled = true;
    await appendAudit(tx, deps.clock, { action: 'auth.signed_in', detail: { mfa: true } }, ctx);
    return { token, recoveryCodes: codes };
  });
}

export async function signOut(deps: AppDeps, auth: AuthState, ip: string): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    await tx.update(sessions).set({ endedAt: deps.clock.now() }).where(eq(sessions.id, auth.sessionId));
    await appendAudit(
      tx,
      deps.clock,
      { action: 'auth.signed_out', detail: {} },
      {
        actorUserId: auth.actor.userId,
        trustId: null,
        schoolId: null,
        ip,
      },
    );
  });
}

/** Create a one-time link token for a person (reset or invitation); returns the raw token. */
export async function issueOneTimeToken(
  tx: DbOrTx,
  deps: AppDeps,
  userId: string,
  purpose: 'password_reset' | 'invitation',
): Promise<string> {
  const token = newToken();
  const now = deps.clock.now();
  // Only the newest link of a kind works.
  await tx
    .update(oneTimeTokens)
    .set({ usedAt: now })
    .where(and(eq(oneTimeTokens.userId, userId), eq(oneTimeTokens.purpose, purpose), isNull(oneTimeTokens.usedAt)));
  await tx.insert(oneTimeTokens).values({
    userId,
    purpose,
    tokenHash: tokenHash(token),
    expiresAt: new Date(now.getTime() + (purpose === 'invitation' ? INVITATION_LINK_MS : RESET_LINK_MS)),
  });
  return token;
}

export function setPasswordLink(deps: AppDeps, token: string): string {
  // The token travels in the fragment, so it never reaches a server log or a Referer header.
  return `${deps.config.publicUrl}/set-password#token=${token}`;
}

export async function requestPasswordReset(deps: AppDeps, email: string, ip: string): Promise<void> {
  const { db } = deps.database;
  const [user] = await db.select().from(users).where(eq(users.email, email));
  if (!user || user.disabledAt) return;
  const purpose = user.passwordHash ? 'password_reset' : 'invitation';
  const token = await db.transaction(async (tx) => {
    const t = await issueOneTimeToken(tx, deps, user.id, purpose);
    await appendAudit(
      tx,
      deps.clock,
      { action: 'auth.password_reset_requested', detail: {} },
      {
        actorUserId: user.id,
        trustId: null,
        schoolId: null,
        ip,
      },
    );
    return t;
  });
  await deps.mailer.send({
    to: user.email,
    subject: 'Reset your Tandem password',
    text: [
      `Hello ${user.displayName},`,
      '',
      'Someone asked to reset the password for your Tandem account. If it was you, open this link within 1 hour:',
      '',
      setPasswordLink(deps, token),
      '',
      'If it was not you, you can ignore this e-mail: your password has not changed.',
    ].join('\n'),
  });
}

async function liveToken(db: DbOrTx, deps: AppDeps, token: string) {
  const [row] = await db
    .select({ t: oneTimeTokens, displayName: users.displayName })
    .from(oneTimeTokens)
    .innerJoin(users, eq(users.id, oneTimeTokens.userId))
    .where(
      and(
        eq(oneTimeTokens.tokenHash, tokenHash(token)),
        isNull(oneTimeTokens.usedAt),
        gt(oneTimeTokens.expiresAt, deps.clock.now()),
        isNull(users.disabledAt),
      ),
    );
  if (!row) {
    throw new AppError('not_found', 'token not found', {
      userMessage: 'This link has expired or has already been used. Ask for a new one from the sign-in page.',
    });
  }
  return row;
}

export async function checkOneTimeToken(deps: AppDeps, token: string) {
  const row = await liveToken(deps.database.db, deps, token);
  return { purpose: row.t.purpose as 'password_reset' | 'invitation', displayName: row.displayName };
}

export async function resetPassword(deps: AppDeps, token: string, password: string, ip: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await deps.database.db.transaction(async (tx) => {
    const row = await liveToken(tx, deps, token);
    const now = deps.clock.now();
    const claimed = await tx
      .update(oneTimeTokens)
      .set({ usedAt: now })
      .where(and(eq(oneTimeTokens.id, row.t.id), isNull(oneTimeTokens.usedAt)))
      .returning({ id: oneTimeTokens.id });
    if (claimed.length === 0) throw new AppError('not_found', 'token already used');
    await tx.update(users).set({ passwordHash }).where(eq(users.id, row.t.userId));
    // A new password ends every session of the account.
    await tx
      .update(sessions)
      .set({ endedAt: now })
      .where(and(eq(sessions.userId, row.t.userId), isNull(sessions.endedAt)));
    await appendAudit(
      tx,
      deps.clock,
      { action: 'auth.password_changed', detail: { via: row.t.purpose === 'invitation' ? 'invitation' : 'reset' } },
      { actorUserId: row.t.userId, trustId: null, schoolId: null, ip },
    );
  });
}

export async function describeSession(deps: AppDeps, auth: AuthState | null): Promise<SessionResponse> {
  if (!auth) {
    return {
      signedIn: false,
      stage: 'signed_out',
      user: null,
      schools: [],
      trusts: [],
      idleTimeoutSeconds: null,
      demo: deps.config.demo,
    };
  }
  const { actor } = auth;
  const mfaRequired = actorRequiresMfa(actor);
  const stage = auth.mfaSatisfied ? 'complete' : auth.totpEnabled ? 'mfa_required' : 'mfa_enrolment_required';
  const user = {
    id: actor.userId,
    email: actor.email,
    displayName: actor.displayName,
    mfaEnabled: auth.totpEnabled,
    mfaRequired,
  };
  if (!auth.mfaSatisfied) {
    return {
      signedIn: true,
      stage,
      user,
      schools: [],
      trusts: [],
      idleTimeoutSeconds: auth.idleTimeoutSeconds,
      demo: deps.config.demo,
    };
  }
  const { db } = deps.database;
  const schoolIds = [...new Set(actor.assignments.flatMap((a) => (a.schoolId ? [a.schoolId] : [])))];
  const trustIds = [...new Set(actor.assignments.filter((a) => a.schoolId === null).map((a) => a.trustId))];
  const schoolRows = schoolIds.length
    ? await db.select().from(schools).where(inArray(schools.id, schoolIds)).orderBy(schools.name)
    : [];
  const trustRows = trustIds.length ? await db.select().from(trusts).where(inArray(trusts.id, trustIds)) : [];
  return {
    signedIn: true,
    stage,
    user,
    schools: schoolRows.map((s) => ({
      id: s.id,
      name: s.name,
      trustId: s.trustId,
      roles: actor.assignments.filter((a) => a.schoolId === s.id).map((a) => a.role),
      permissions: permissionsInSchool(actor, s.id),
    })),
    trusts: trustRows.map((t) => ({
      id: t.id,
      name: t.name,
      roles: actor.assignments.filter((a) => a.schoolId === null && a.trustId === t.id).map((a) => a.role),
    })),
    idleTimeoutSeconds: auth.idleTimeoutSeconds,
    demo: deps.config.demo,
  };
}
