import { AppError, roleGrants, type Actor, type SchoolStaffRole, type StaffMember } from '@tandem/core';
import { withdrawOneTimeTokens } from '../../auth/one-time-tokens';
import type { AppDeps } from '../../platform/deps';
import { inSchool } from '../../platform/gate';
import { memberOrNotFound, revokeRoleAssignment, staffOf } from '../staff.queries';

/**
 * Take a role away from a member of staff; returns them as they are now, or null if that was their
 * last staff role here. Nobody may remove their own administration role, so a school always keeps
 * someone who can manage its staff.
 */
export function revokeRole(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  userId: string,
  role: SchoolStaffRole,
  ip: string,
): Promise<StaffMember | null> {
  return inSchool(deps, { actor, schoolId, ip }, 'school.manageStaff', async (s) => {
    if (userId === actor.userId && roleGrants(role, 'school.manageStaff')) {
      throw new AppError('forbidden', 'self revoke of admin role', {
        userMessage: 'You cannot remove your own administration role. Ask another administrator to do it.',
      });
    }
    const member = await memberOrNotFound(s.tx, schoolId, userId);
    if (!member.roles.includes(role)) throw new AppError('not_found', 'role not held');
    await revokeRoleAssignment(s.tx, { userId, schoolId, role }, { at: s.now, userId: actor.userId });
    // Removing someone's last role here also withdraws an invitation they have not yet used.
    if (member.roles.length === 1 && member.invitationPending) await withdrawOneTimeTokens(s.tx, userId, s.now);
    await s.audit({ action: 'role.revoked', detail: { userId, role } }, { type: 'user', id: userId });
    const [after] = await staffOf(s.tx, schoolId, [userId]);
    return after ?? null;
  });
}
