import { AppError, actorRequiresMfa } from '@tandem/core';
import { loadAssignments, type AuthState } from '../../http/context';
import type { AppDeps } from '../../platform/deps';
import { forAccount } from '../../platform/gate';
import { userByEmail } from '../auth.queries';
import { verifyPassword } from '../password';
import { idleSecondsFor, openSession } from '../sessions';
import { assertNotLocked, clearFailures, recordFailure, throttleKey } from '../throttle';
import { tokenHash } from '../tokens';

const BAD_CREDENTIALS = new AppError('unauthenticated', 'bad credentials', {
  userMessage: 'The email address or password is not right. Please check them and try again.',
});

export interface SignInResult {
  token: string;
  auth: AuthState;
}

/**
 * Sign in with an e-mail address and password. The answer never says whether an account exists;
 * failures count towards the address's lock-out whether it exists or not. The session is complete
 * at once only for an account with no second factor and no role that needs one.
 */
export async function signIn(deps: AppDeps, email: string, password: string, ip: string): Promise<SignInResult> {
  const key = throttleKey(email);
  const { db } = deps.database;
  await assertNotLocked(db, key, deps.clock.now());
  const user = await userByEmail(db, email);
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !passwordOk || user.disabledAt) {
    const lockedUntil = await forAccount(deps, { ip }, async (a) => {
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
    throw BAD_CREDENTIALS;
  }

  return forAccount(deps, { ip }, async (a) => {
    await clearFailures(a.tx, key);
    const assignments = await loadAssignments(a.tx, user.id);
    const totpEnabled = user.totpSecret !== null;
    const mfaSatisfied = !totpEnabled && !actorRequiresMfa({ assignments });
    const idleTimeoutSeconds = await idleSecondsFor(a.tx, deps, { assignments });
    const token = await openSession(a.tx, deps, {
      userId: user.id,
      now: a.now,
      idleTimeoutSeconds,
      mfaSatisfied,
      ip,
    });
    if (mfaSatisfied) await a.audit({ action: 'auth.signed_in', detail: { mfa: false } }, { userId: user.id });
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
