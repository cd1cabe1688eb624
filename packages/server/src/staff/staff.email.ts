import { setPasswordLink } from '../auth/one-time-tokens';
import type { SchoolWork } from '../platform/gate';
import { queueMail } from '../mail/outbox';

/**
 * Tell someone they have been given access to a school: with a link to set up their account if
 * they have none yet, otherwise a note to sign in as usual. Queued in the work's transaction.
 */
export async function queueAccessEmail(
  s: SchoolWork,
  to: { email: string; displayName: string },
  schoolName: string,
  inviter: string,
  invitationToken: string | null,
): Promise<void> {
  const { deps } = s;
  const lines = invitationToken
    ? [
        `Hello ${to.displayName},`,
        '',
        `${inviter} has invited you to use Tandem at ${schoolName}. Tandem is where the school records and shares the support it gives to pupils' mental health and wellbeing.`,
        '',
        'To set up your account, open this link within 7 days and choose a password:',
        '',
        setPasswordLink(deps, invitationToken),
      ]
    : [
        `Hello ${to.displayName},`,
        '',
        `${inviter} has given you access to ${schoolName} in Tandem. Sign in as usual to see it:`,
        '',
        `${deps.config.publicUrl}/sign-in`,
      ];
  await queueMail(s, {
    to: to.email,
    subject: invitationToken
      ? `You have been invited to Tandem at ${schoolName}`
      : `You now have access to ${schoolName} in Tandem`,
    text: [...lines, '', 'If you were not expecting this e-mail, please tell the school office.'].join('\n'),
  });
}
