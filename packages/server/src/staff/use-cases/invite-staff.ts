import { AppError, type Actor, type InviteStaffBody, type StaffMember } from '@tandem/core';
import { issueOneTimeToken } from '../../auth/one-time-tokens';
import type { AppDeps } from '../../platform/deps';
import { schoolNameOf } from '../../platform/directory';
import { inSchool } from '../../platform/gate';
import { queueAccessEmail } from '../staff.email';
import { insertRoleAssignments, insertUser, memberOrNotFound, staffOf, userWithEmail } from '../staff.queries';

/**
 * Add someone to a school's staff with these roles. A new person gets an account and an invitation
 * link; a person Tandem already knows (staff in another school of the trust, say) is given the
 * roles instead of a second account, with a fresh invitation only if they never set a password.
 */
export async function inviteStaff(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  body: InviteStaffBody,
  ip: string,
): Promise<StaffMember> {
  const roles = [...new Set(body.roles)];
  return inSchool(deps, { actor, schoolId, ip }, 'school.manageStaff', async (s) => {
    const schoolName = await schoolNameOf(s.tx, schoolId);
    const existing = await userWithEmail(s.tx, body.email);
    let userId: string;
    let invitationToken: string | null = null;
    if (existing) {
      userId = existing.id;
      const already = await staffOf(s.tx, schoolId, [userId]);
      if (already.length > 0) {
        throw new AppError('conflict', 'already staff', {
          userMessage: `${existing.displayName} is already on the staff list. Open their entry to change their roles.`,
          fields: [{ path: 'email', message: 'This person is already on the staff list' }],
        });
      }
      if (!existing.passwordHash) invitationToken = await issueOneTimeToken(s.tx, deps, userId, 'invitation');
    } else {
      userId = await insertUser(s.tx, { email: body.email, displayName: body.displayName });
      invitationToken = await issueOneTimeToken(s.tx, deps, userId, 'invitation');
    }
    const newUserId = userId;
    await insertRoleAssignments(
      s.tx,
      roles.map((role) => ({ userId: newUserId, trustId: s.trustId, schoolId, role, grantedBy: actor.userId })),
    );
    await s.audit({ action: 'staff.invited', detail: { userId, roles } }, { type: 'user', id: userId });
    const displayName = existing?.displayName ?? body.displayName;
    await queueAccessEmail(s, { email: body.email, displayName }, schoolName, actor.displayName, invitationToken);
    return memberOrNotFound(s.tx, schoolId, userId);
  });
}
