/** The SQL of staff and their roles in a school. */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { AppError, type Role, type StaffMember } from '@tandem/core';
import { roleAssignments, users } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';
import { toStaffMembers } from './staff.mapping';

/** Staff of a school (people holding a current staff role there), by name; or only these people. */
export async function staffOf(db: DbOrTx, schoolId: string, userIds?: string[]): Promise<StaffMember[]> {
  const rows = await db
    .select({
      userId: users.id,
      email: users.email,
      displayName: users.displayName,
      passwordHash: users.passwordHash,
      totpSecret: users.totpSecret,
      role: roleAssignments.role,
    })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        eq(roleAssignments.schoolId, schoolId),
        isNull(roleAssignments.revokedAt),
        userIds ? inArray(roleAssignments.userId, userIds) : undefined,
      ),
    )
    .orderBy(users.displayName, users.id);
  return toStaffMembers(rows);
}

/** One member of a school's staff, or 404. */
export async function memberOrNotFound(db: DbOrTx, schoolId: string, userId: string): Promise<StaffMember> {
  const [member] = await staffOf(db, schoolId, [userId]);
  if (!member) throw new AppError('not_found', 'staff member not found');
  return member;
}

export async function userWithEmail(db: DbOrTx, email: string) {
  const [user] = await db.select().from(users).where(eq(users.email, email));
  return user;
}

export async function insertUser(db: DbOrTx, values: { email: string; displayName: string }): Promise<string> {
  const [created] = await db.insert(users).values(values).returning({ id: users.id });
  if (!created) throw new Error('insert returned nothing');
  return created.id;
}

export async function insertRoleAssignments(db: DbOrTx, rows: (typeof roleAssignments.$inferInsert)[]): Promise<void> {
  await db.insert(roleAssignments).values(rows);
}

export async function revokeRoleAssignment(
  db: DbOrTx,
  where: { userId: string; schoolId: string; role: Role },
  by: { at: Date; userId: string },
): Promise<void> {
  await db
    .update(roleAssignments)
    .set({ revokedAt: by.at, revokedBy: by.userId })
    .where(
      and(
        eq(roleAssignments.userId, where.userId),
        eq(roleAssignments.schoolId, where.schoolId),
        eq(roleAssignments.role, where.role),
        isNull(roleAssignments.revokedAt),
      ),
    );
}
