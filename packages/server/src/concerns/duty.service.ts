/**
 * The DSL duty rota: which DSL or deputy DSL is on duty each weekday, and where to find them. Staff
 * who log an urgent concern are shown who is on duty today (see dslOnDuty in concerns.queries.ts).
 * Any member of staff may read the rota; the DSL team, the headteacher and the school administrator
 * may change it.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { AppError, belongsToSchool, canInSchool, type Actor, type SetDslDutyBody } from '@tandem/core';
import { dslDuty, roleAssignments, schools, users } from '@tandem/core/schema';
import type { AppDeps } from '../platform/deps';
import { appendAudit } from '../audit/audit.service';
import type { DbOrTx } from '../db/client';
import { requireSchoolPermission } from '../http/scope';

function mayEditDuty(actor: Actor, schoolId: string): boolean {
  return canInSchool(actor, 'school.manageStaff', schoolId) || canInSchool(actor, 'safeguarding.read', schoolId);
}

/** The school's DSL and deputy DSLs now (a person holding both is listed once, as DSL). */
async function dslTeam(db: DbOrTx, schoolId: string) {
  const rows = await db
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
  const team = new Map<string, { userId: string; name: string; role: 'dsl' | 'deputy_dsl' }>();
  for (const r of rows) {
    if (!team.has(r.userId) || r.role === 'dsl') {
      team.set(r.userId, { ...r, role: r.role === 'dsl' ? 'dsl' : 'deputy_dsl' });
    }
  }
  // The DSL first, then deputies, each by name.
  return [...team.values()].sort((a, b) =>
    a.role === b.role ? a.name.localeCompare(b.name, 'en-GB') : a.role === 'dsl' ? -1 : 1,
  );
}

async function rota(db: DbOrTx, schoolId: string) {
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

export async function getDslDuty(deps: AppDeps, actor: Actor, schoolId: string) {
  requireSchoolPermission(actor, schoolId, 'concern.log');
  const { db } = deps.database;
  return { days: await rota(db, schoolId), team: await dslTeam(db, schoolId), canEdit: mayEditDuty(actor, schoolId) };
}

/** Replace the whole rota. Only the school's DSL or deputy DSLs may be put on it. Audited. */
export async function setDslDuty(deps: AppDeps, actor: Actor, schoolId: string, body: SetDslDutyBody, ip: string) {
  if (!belongsToSchool(actor, schoolId)) throw new AppError('not_found', 'school not in scope');
  if (!mayEditDuty(actor, schoolId)) throw new AppError('forbidden', 'may not change the duty rota');
  await deps.database.db.transaction(async (tx) => {
    const [school] = await tx
      .select({ trustId: schools.trustId })
      .from(schools)
      .where(eq(schools.id, schoolId))
      .for('update');
    const team = new Set((await dslTeam(tx, schoolId)).map((t) => t.userId));
    const fields = body.days.flatMap((d, i) =>
      team.has(d.userId)
        ? []
        : [{ path: `days.${i}.userId`, message: 'Choose the DSL or a deputy DSL of this school' }],
    );
    if (fields.length > 0) {
      throw new AppError('validation', 'duty user not in dsl team', {
        userMessage: 'Only the DSL or a deputy DSL of this school can be on the duty rota.',
        fields,
      });
    }
    const before = new Map((await rota(tx, schoolId)).map((d) => [d.weekday, `${d.userId}|${d.whereToFind}`]));
    const after = new Map(body.days.map((d) => [d.weekday, `${d.userId}|${d.whereToFind}`]));
    const changed = [1, 2, 3, 4, 5].filter((w) => before.get(w) !== after.get(w));
    if (changed.length === 0) return;
    await tx.delete(dslDuty).where(eq(dslDuty.schoolId, schoolId));
    if (body.days.length > 0) {
      await tx
        .insert(dslDuty)
        .values(body.days.map((d) => ({ schoolId, weekday: d.weekday, userId: d.userId, whereToFind: d.whereToFind })));
    }
    await appendAudit(
      tx,
      deps.clock,
      { action: 'dsl.duty_changed', detail: { weekdays: changed } },
      {
        actorUserId: actor.userId,
        trustId: school?.trustId ?? null,
        schoolId,
        subjectType: 'school',
        subjectId: schoolId,
        ip,
      },
    );
  });
  return getDslDuty(deps, actor, schoolId);
}
