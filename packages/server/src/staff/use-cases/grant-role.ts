import { AppError, ROLE_LABELS, type Actor, type SchoolStaffRole, type StaffMember } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { inSchool } from '../../platform/gate';
import { insertRoleAssignments, memberOrNotFound } from '../staff.queries';

/** Give a member of staff another role in the school. */
export function grantRole(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  userId: string,
  role: SchoolStaffRole,
  ip: string,
): Promise<StaffMember> {
  return inSchool(deps, { actor, schoolId, ip }, 'school.manageStaff', async (s) => {
    const member = await memberOrNotFound(s.tx, schoolId, userId);
    if (member.roles.includes(role)) {
      throw new AppError('conflict', 'role already held', {
        userMessage: `${member.displayName} already has the role ${ROLE_LABELS[role]}.`,
      });
    }
    await insertRoleAssignments(s.tx, [{ userId, trustId: s.trustId, schoolId, role, grantedBy: actor.userId }]);
    await s.audit({ action: 'role.granted', detail: { userId, role } }, { type: 'user', id: userId });
    return memberOrNotFound(s.tx, schoolId, userId);
  });
}
