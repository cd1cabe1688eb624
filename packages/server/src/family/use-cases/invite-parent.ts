import { eq } from 'drizzle-orm';
import { AppError, type Actor, type ParentAccountState } from '@tandem/core';
import { contacts, users } from '@tandem/core/schema';
import type { DbOrTx } from '../../db/client';
import { issueOneTimeToken, setPasswordLink } from '../../auth/one-time-tokens';
import { insertUser, userWithEmail } from '../../staff/staff.queries';
import type { AppDeps } from '../../platform/deps';
import { schoolNameOf } from '../../platform/directory';
import { inSchool, type SchoolWork } from '../../platform/gate';
import { queueMail } from '../../mail/outbox';
import { activeFlag, loadContact, notInvitableReason } from '../contacts.queries';
import { grantFamilyRole } from '../family.queries';

/**
 * Invite a parent or carer the MIS holds as a pupil's contact: an account (or the one Tandem already
 * has for their e-mail address, as for a parent of two children), the parent role in this school,
 * the contact linked to it, and an e-mail with a link to choose a password. Sending again renews
 * the link. Contacts without parental responsibility, marked "no contact", without an e-mail
 * address, or flagged "no access" are refused.
 */
export async function inviteParent(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  contactId: string,
  ip: string,
): Promise<{ state: ParentAccountState; invitedAt: string | null }> {
  return inSchool(deps, { actor, schoolId, ip }, 'family.manage', async (s) => {
    const { c, leftOn } = await loadContact(s.tx, schoolId, contactId);
    const why = notInvitableReason(c);
    if (why || leftOn) {
      throw new AppError('conflict', 'contact not invitable', {
        userMessage: `This contact cannot be invited: ${why ?? 'the pupil has left the school'}.`,
      });
    }
    if (await activeFlag(s.tx, contactId)) {
      throw new AppError('conflict', 'contact flagged', {
        userMessage: 'This parent or carer has been stopped from seeing the child in Tandem. Give access back first.',
      });
    }
    const email = c.email as string;
    let user = c.userId ? await userById(s.tx, c.userId) : await userWithEmail(s.tx, email);
    if (!user) {
      const id = await insertUser(s.tx, { email, displayName: c.title ? `${c.title} ${c.name}` : c.name });
      user = { id, passwordHash: null, email };
    }
    const userId = user.id;
    if (c.userId !== userId) await s.tx.update(contacts).set({ userId }).where(eq(contacts.id, contactId));
    await grantFamilyRole(s.tx, { userId, trustId: s.trustId, schoolId, role: 'parent', grantedBy: actor.userId });
    const token = user.passwordHash ? null : await issueOneTimeToken(s.tx, deps, userId, 'invitation');
    await s.audit(
      { action: 'family.parent_invited', detail: { contactId, userId, resent: c.userId !== null } },
      { type: 'contact', id: contactId },
    );
    const schoolName = await schoolNameOf(s.tx, schoolId);
    await queueParentInvitation(s, { email: user.email, name: c.name }, schoolName, token);
    return { state: token ? 'invited' : 'signed_up', invitedAt: token ? s.now.toISOString() : null };
  });
}

async function userById(db: DbOrTx, id: string) {
  const [u] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, email: users.email })
    .from(users)
    .where(eq(users.id, id));
  return u ?? null;
}

/**
 * The invitation e-mail, queued in the work's transaction: the parent's own name and the school's,
 * never the child's name or anything about them.
 */
async function queueParentInvitation(
  s: SchoolWork,
  to: { email: string; name: string },
  schoolName: string,
  token: string | null,
): Promise<void> {
  const { deps } = s;
  const lines = token
    ? [
        `Hello ${to.name},`,
        '',
        `${schoolName} has invited you to Tandem. In Tandem you can see how the school is supporting your child, and tell the school about anything at home.`,
        '',
        'To set up your account, open this link within 7 days and choose a password:',
        '',
        setPasswordLink(deps, token),
      ]
    : [
        `Hello ${to.name},`,
        '',
        `${schoolName} has added a child to your Tandem account. Sign in as usual to see it:`,
        '',
        `${deps.config.publicUrl}/sign-in`,
      ];
  await queueMail(s, {
    to: to.email,
    subject: token ? `${schoolName} has invited you to Tandem` : `There is something new for you in Tandem`,
    text: [...lines, '', 'If you were not expecting this e-mail, please tell the school office.'].join('\n'),
  });
}
