import { AppError } from '@tandem/core';
import type { AuthState } from '../../http/context';
import type { AppDeps } from '../../platform/deps';
import { forAccount } from '../../platform/gate';
import { unusedRecoveryCodeCount, updateUser, useRecoveryCode, userById } from '../auth.queries';
import { signInMethodOf } from '../session-start';
import { rotateSession } from '../sessions';
import { assertNotLocked, clearFailures, recordFailure, throttleKey } from '../throttle';
import { normaliseRecoveryCode, tokenHash } from '../tokens';
import { checkTotp } from '../totp';

/**
 * Complete sign-in with the authenticator's current code (each time step works once) or an unused
 * recovery code. Returns the session's new token. A wrong code counts towards the lock-out.
 */
export async function verifySecondFactor(deps: AppDeps, auth: AuthState, code: string, ip: string): Promise<string> {
  if (auth.mfaSatisfied)
    throw new AppError('conflict', 'already verified', { userMessage: 'You are already signed in.' });
  const key = throttleKey(auth.actor.email);
  const { db } = deps.database;
  await assertNotLocked(db, key, deps.clock.now());
  const user = await userById(db, auth.actor.userId);
  if (!user?.totpSecret) {
    throw new AppError('bad_request', 'no totp', { userMessage: 'Please set up two-factor sign-in first.' });
  }
  const totpSecret = user.totpSecret;
  const who = { userId: user.id };
  const token = await forAccount(deps, { ip }, async (a) => {
    const step = await checkTotp(totpSecret, code, a.now);
    if (step !== null && (user.totpLastStep === null || step > user.totpLastStep)) {
      await updateUser(a.tx, user.id, { totpLastStep: step });
    } else if (step === null && /^[a-z0-9]{12}$/i.test(normaliseRecoveryCode(code))) {
      if (!(await useRecoveryCode(a.tx, user.id, tokenHash(normaliseRecoveryCode(code)), a.now))) return null;
      const remaining = await unusedRecoveryCodeCount(a.tx, user.id);
      await a.audit({ action: 'auth.recovery_code_used', detail: { remaining } }, who);
    } else {
      return null;
    }
    await clearFailures(a.tx, key);
    const method = await signInMethodOf(a.tx, auth.sessionId);
    const rotated = await rotateSession(a.tx, auth);
    await a.audit({ action: 'auth.signed_in', detail: { mfa: true, ...method } }, who);
    return rotated;
  });
  if (token !== null) return token;

  const locked = await forAccount(deps, { ip }, async (a) => {
    await a.audit({ action: 'auth.mfa_failed', detail: {} }, who);
    return recordFailure(a.tx, key, a.now);
  });
  if (locked) throw new AppError('account_locked', 'mfa locked');
  throw new AppError('unauthenticated', 'bad code', {
    userMessage: 'That code is not right. Codes change every 30 seconds: enter the one your app shows now.',
    fields: [{ path: 'code', message: 'Enter the 6-digit code your app shows now, or a recovery code' }],
  });
}
