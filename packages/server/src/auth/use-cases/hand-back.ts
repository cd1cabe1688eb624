import { AppError } from '@tandem/core';
import type { AuthState } from '../../http/context';
import type { AppDeps } from '../../platform/deps';
import { takeDeviceBack } from '../../platform/device-lock';
import { forAccount } from '../../platform/gate';
import { endSession, userById } from '../auth.queries';
import { verifyPassword } from '../password';
import { clearFailures, recordFailure } from '../throttle';

/**
 * The member of staff takes the device back from the pupil with their own password. Wrong
 * passwords are counted for this session, not the account (a pupil guessing must not lock the
 * member of staff out of Tandem): after five, the session ends, the device shows the sign-in page,
 * and the answers already given stay kept.
 */
export async function handBack(deps: AppDeps, auth: AuthState, password: string, ip: string) {
  const handed = auth.handedTo;
  if (!handed) return { ok: true as const, schoolId: null, questionnaireId: null };
  const key = `handback:${auth.sessionId}`;
  const outcome = await forAccount(deps, { ip }, async (a) => {
    const user = await userById(a.tx, auth.actor.userId);
    if (!(await verifyPassword(user?.passwordHash ?? null, password))) {
      if ((await recordFailure(a.tx, key, a.now)) !== null) {
        await clearFailures(a.tx, key);
        await endSession(a.tx, auth.sessionId, a.now);
        await a.audit({ action: 'auth.signed_out', detail: {} }, { userId: auth.actor.userId });
        return 'signed_out' as const;
      }
      return 'wrong' as const;
    }
    await clearFailures(a.tx, key);
    await takeDeviceBack(a.tx, auth.sessionId);
    await a.audit({ action: 'questionnaire.handed_back', detail: {} }, { userId: auth.actor.userId });
    return 'ok' as const;
  });
  if (outcome === 'signed_out') {
    throw new AppError('unauthenticated', 'hand-back failed too often; session ended', {
      userMessage:
        'That password was wrong too many times, so this device has been signed out. The answers given are kept.',
    });
  }
  if (outcome === 'wrong') {
    throw new AppError('validation', 'wrong password', {
      userMessage: 'That password is not right. The device stays with the questionnaire.',
      fields: [{ path: 'password', message: 'That password is not right. Enter your own Tandem password' }],
    });
  }
  return { ok: true as const, ...handed };
}
