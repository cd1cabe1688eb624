import { AppError } from '@tandem/core';
import type { AuthState } from '../../http/context';
import type { AppDeps } from '../../platform/deps';
import { forAccount } from '../../platform/gate';
import { insertRecoveryCodes, updateUser, userById } from '../auth.queries';
import { signInMethodOf } from '../session-start';
import { rotateSession } from '../sessions';
import { newRecoveryCodes, normaliseRecoveryCode, tokenHash } from '../tokens';
import { checkTotp } from '../totp';

/**
 * Confirm two-factor sign-in with a code from the pending secret: the secret becomes the account's,
 * ten recovery codes are issued (shown once, stored as hashes) and the session gets a new token.
 */
export async function confirmEnrolment(
  deps: AppDeps,
  auth: AuthState,
  code: string,
  ip: string,
): Promise<{ token: string; recoveryCodes: string[] }> {
  if (auth.totpEnabled) {
    throw new AppError('conflict', 'already enrolled', { userMessage: 'Two-factor sign-in is already set up.' });
  }
  const user = await userById(deps.database.db, auth.actor.userId);
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
  // Enrolling mid sign-in completes the sign-in; an account already signed in (a parent turning it on) was signed in already.
  const completesSignIn = !auth.mfaSatisfied;
  return forAccount(deps, { ip }, async (a) => {
    await updateUser(a.tx, user.id, {
      totpSecret: user.totpPendingSecret,
      totpPendingSecret: null,
      totpEnabledAt: now,
      totpLastStep: step,
    });
    await insertRecoveryCodes(
      a.tx,
      user.id,
      codes.map((c) => tokenHash(normaliseRecoveryCode(c))),
    );
    const who = { userId: user.id };
    await a.audit({ action: 'auth.mfa_enrolled', detail: {} }, who);
    const method = await signInMethodOf(a.tx, auth.sessionId);
    const token = await rotateSession(a.tx, auth);
    auth.totpEnabled = true;
    if (completesSignIn) await a.audit({ action: 'auth.signed_in', detail: { mfa: true, ...method } }, who);
    return { token, recoveryCodes: codes };
  });
}
