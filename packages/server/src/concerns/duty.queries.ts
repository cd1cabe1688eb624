/** The SQL of the DSL duty rota. */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { dslDuty, roleAssignments, users } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';

/** The school's DSL and deputy DSLs now, with every role each holds of the two, by name. */
export async function dslTeamRoles(db: DbOrTx, schoolId: string) {
  return db
    .select({ userId: users.id, name: users.displayName, role: roleAssignments.role })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        eq(roleAssignments.schoolId, schoolId),
        inArray(roleAssignments.role, ['dsl', 'deputy_dsl']),
        isNull(roleAssignments.revokedAt),
        isNull(users.disabledAt),
      ),
    )
    .orderBy(asc(users.displayName));
}

/** The rota as stored: who is on duty each weekday (Monday = 1) and where to find them. */
export async function rota(db: DbOrTx, schoolId: string) {
  return db
    .select({
      weekday: dslDuty.weekday,
      userId: dslDuty.userId,
      name: users.displayName,
      whereToFind: dslDuty.whereToFind,
    })
    .from(dslDuty)
    .innerJoin(users, eq(users.id, dslDuty.userId))
    .where(eq(dslDuty.schoolId, schoolId))
    .orderBy(asc(dslDuty.weekday));
}

/** Put this rota in place of the school's. */
export async function replaceRota(
  tx: DbOrTx,
  schoolId: string,
  days: { weekday: number; userId: string; whereToFind: string }[],
): Promise<void> {
  await tx.delete(dslDuty).where(eq(dslDuty.schoolId, schoolId));
  if (days.length > 0) {
    await tx
      .insert(dslDuty)
      .values(days.map((d) => ({ schoolId, weekday: d.weekday, userId: d.userId, whereToFind: d.whereToFind })));
  }
}
