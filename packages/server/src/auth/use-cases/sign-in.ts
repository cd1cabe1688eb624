import { ADDRESS_LIMITED_MESSAGE, AppError } from '@tandem/core';
import type { AuthState } from '../../http/context';
import type { AppDeps } from '../../platform/deps';
import { forAccount } from '../../platform/gate';
import { updateUser, userByEmail } from '../auth.queries';
import { verifyPassword } from '../password';
import { openSignedInSession } from '../session-start';
import {
  addressLimited,
  assertNotLocked,
  clearFailures,
  recordAddressFailure,
  recordFailure,
  throttleKey,
} from '../throttle';
import { checkTotp } from '../totp';

const BAD_CREDENTIALS = new AppError('unauthenticated', 'bad credentials', {
  userMessage: 'The email address or password is not right. Please check them and try again.',
});

export interface SignInResult {
  token: string;
  auth: AuthState;
}

const ADDRESS_LIMITED = new AppError('rate_limited', 'network address limited', {
  userMessage: ADDRESS_LIMITED_MESSAGE,
  fields: [{ path: 'code', message: 'Enter the 6-digit code your authenticator app shows now' }],
});

/**
 * Sign in with an e-mail address and password. The answer never says whether an account exists;
 * failures count towards the account's lock-out whether it exists or not, and towards the network
 * address's limit. The session is complete at once only for an account with no second factor and
 * no role that needs one, or when the second factor's code is given with the password. While the
 * address is limited, only a correct password with a valid code gets through (throttle.ts).
 */
export async function signIn(
  deps: AppDeps,
  email: string,
  password: string,
  ip: string,
  code?: string,
): Promise<SignInResult> {
  const key = throttleKey(email);
  const { db } = deps.database;
  const started = deps.clock.now();
  await assertNotLocked(db, key, started);
  const limited = await addressLimited(db, ip, started, deps.config.signInRateLimitPerMinute);
  if (limited && code === undefined) throw ADDRESS_LIMITED;
  const user = await userByEmail(db, email);
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
  // With a code, both must be right together (so the answer never shows which one was wrong).
  const step =
    code !== undefined && user?.totpSecret && passwordOk ? await checkTotp(user.totpSecret, code, started) : null;
  const codeOk = step !== null && (user?.totpLastStep === null || step > (user?.totpLastStep ?? 0));
  if (!user || !passwordOk || user.disabledAt || (code !== undefined && !codeOk)) {
    const lockedUntil = await forAccount(deps, { ip }, async (a) => {
      await recordAddressFailure(a.tx, ip, a.now);
      const until = await recordFailure(a.tx, key, a.now);
      if (user) {
        const reason = user.disabledAt && passwordOk ? 'disabled' : 'bad_credentials';
        await a.audit({ action: 'auth.sign_in_failed', detail: { reason } }, { userId: user.id });
        if (until) {
          await a.audit({ action: 'auth.account_locked', detail: { until: until.toISOString() } }, { userId: user.id });
        }
      }
      return until;
    });
    if (lockedUntil) throw new AppError('account_locked', 'sign-in locked');
    if (limited) throw ADDRESS_LIMITED;
    throw BAD_CREDENTIALS;
  }

  return forAccount(deps, { ip }, async (a) => {
    await clearFailures(a.tx, key);
    if (codeOk && step !== null) await updateUser(a.tx, user.id, { totpLastStep: step });
    return openSignedInSession(a, { user, secondFactor: codeOk, method: { method: 'password' }, ip });
  });
}
