import { AppError } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { forAccount } from '../../platform/gate';
import { claimOneTimeToken, endSessionsOfUser, updateUser } from '../auth.queries';
import { liveToken } from '../one-time-tokens';
import { hashPassword } from '../password';

/** Set a new password with a one-time link (reset or invitation); it ends every session of the account. */
export async function resetPassword(deps: AppDeps, token: string, password: string, ip: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await forAccount(deps, { ip }, async (a) => {
    const link = await liveToken(a.tx, a.now, token);
    if (!(await claimOneTimeToken(a.tx, link.id, a.now))) throw new AppError('not_found', 'token already used');
    await updateUser(a.tx, link.userId, { passwordHash });
    // A new password ends every session of the account.
    await endSessionsOfUser(a.tx, link.userId, a.now);
    await a.audit(
      { action: 'auth.password_changed', detail: { via: link.purpose === 'invitation' ? 'invitation' : 'reset' } },
      { userId: link.userId },
    );
  });
}
