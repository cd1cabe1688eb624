import { AppError } from '@tandem/core';
import type { AuthState } from '../../http/context';
import type { AppDeps } from '../../platform/deps';
import { takeDeviceBack } from '../../platform/device-lock';
import { forAccount } from '../../platform/gate';
import { userById } from '../auth.queries';
import { verifyPassword } from '../password';
import { assertNotLocked, clearFailures, recordFailure, throttleKey } from '../throttle';

/**
 * The member of staff takes the device back from the pupil with their own password. Wrong
 * passwords count towards the account's sign-in limit, so a pupil cannot guess their way out.
 */
export async function handBack(deps: AppDeps, auth: AuthState, password: string, ip: string) {
  const handed = auth.handedTo;
  if (!handed) return { ok: true as const, schoolId: null, questionnaireId: null };
  const key = throttleKey(auth.actor.email);
  const ok = await forAccount(deps, { ip }, async (a) => {
    await assertNotLocked(a.tx, key, a.now);
    const user = await userById(a.tx, auth.actor.userId);
    if (!(await verifyPassword(user?.passwordHash ?? null, password))) {
      await recordFailure(a.tx, key, a.now);
      return false;
    }
    await clearFailures(a.tx, key);
    await takeDeviceBack(a.tx, auth.sessionId);
    await a.audit({ action: 'questionnaire.handed_back', detail: {} }, { userId: auth.actor.userId });
    return true;
  });
  if (!ok) {
    throw new AppError('validation', 'wrong password', {
      userMessage: 'That password is not right. The device stays with the questionnaire.',
      fields: [{ path: 'password', message: 'That password is not right. Enter your own Tandem password' }],
    });
  }
  return { ok: true as const, ...handed };
}
