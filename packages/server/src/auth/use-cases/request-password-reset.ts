import type { AppDeps } from '../../platform/deps';
import { forAccount } from '../../platform/gate';
import { queueMail } from '../../mail/outbox';
import { userByEmail } from '../auth.queries';
import { issueOneTimeToken, setPasswordLink } from '../one-time-tokens';

/**
 * E-mail a one-time link to set a new password (or, for someone who never set one, a fresh
 * invitation). The answer is the same whether or not the account exists: nothing is sent for an
 * unknown or disabled one.
 */
export async function requestPasswordReset(deps: AppDeps, email: string, ip: string): Promise<void> {
  const user = await userByEmail(deps.database.db, email);
  if (!user || user.disabledAt) return;
  const purpose = user.passwordHash ? 'password_reset' : 'invitation';
  await forAccount(deps, { ip }, async (a) => {
    const token = await issueOneTimeToken(a.tx, deps, user.id, purpose);
    await a.audit({ action: 'auth.password_reset_requested', detail: {} }, { userId: user.id });
    await queueMail(a, {
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
  });
}
