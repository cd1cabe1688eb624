import { isStaffRole, type Role, type StaffMember } from '@tandem/core';

export interface StaffRoleRow {
  userId: string;
  email: string;
  displayName: string;
  passwordHash: string | null;
  totpSecret: string | null;
  role: Role;
}

/**
 * One entry per person from their role rows (in the rows' order), with their staff roles only:
 * a parent or pupil role in the same school does not make someone staff.
 */
export function toStaffMembers(rows: readonly StaffRoleRow[]): StaffMember[] {
  const byUser = new Map<string, StaffMember>();
  for (const row of rows) {
    const { role } = row;
    if (!isStaffRole(role)) continue;
    const member = byUser.get(row.userId) ?? {
      userId: row.userId,
      email: row.email,
      displayName: row.displayName,
      roles: [],
      invitationPending: row.passwordHash === null,
      mfaEnabled: row.totpSecret !== null,
    };
    member.roles.push(role);
    byUser.set(row.userId, member);
  }
  return [...byUser.values()];
}
