/**
 * The DSL duty rota: which DSL or deputy DSL is on duty each weekday, and where to find them. Staff
 * who log an urgent concern are shown who is on duty today (see dslOnDuty in concerns.queries.ts).
 * Any member of staff may read the rota; the DSL team, the headteacher and the school administrator
 * may change it.
 */
import {
  AppError,
  canInSchool,
  type Actor,
  type DslTeamRole,
  type Permission,
  type SetDslDutyBody,
} from '@tandem/core';
import type { AppDeps } from '../platform/deps';
import type { DbOrTx } from '../db/client';
import { inSchool, readInSchool, type SchoolRequest } from '../platform/gate';
import { lockSchool } from './concerns.queries';
import { dslTeamRoles, replaceRota, rota } from './duty.queries';

/** Those who may change the rota: the school's managers and the DSL team. */
const EDIT_DUTY: readonly Permission[] = ['school.manageStaff', 'safeguarding.read'];

function mayEditDuty(actor: Actor, schoolId: string): boolean {
  return EDIT_DUTY.some((p) => canInSchool(actor, p, schoolId));
}

/** The school's DSL and deputy DSLs now (a person holding both is listed once, as DSL). */
async function dslTeam(db: DbOrTx, schoolId: string) {
  const team = new Map<string, { userId: string; name: string; role: DslTeamRole }>();
  for (const r of await dslTeamRoles(db, schoolId)) {
    if (!team.has(r.userId) || r.role === 'dsl') {
      team.set(r.userId, { ...r, role: r.role === 'dsl' ? 'dsl' : 'deputy_dsl' });
    }
  }
  // The DSL first, then deputies, each by name.
  return [...team.values()].sort((a, b) =>
    a.role === b.role ? a.name.localeCompare(b.name, 'en-GB') : a.role === 'dsl' ? -1 : 1,
  );
}

/** The rota, the team who may be on it, and whether the reader may change it. */
export async function getDslDuty(deps: AppDeps, who: { actor: Actor; schoolId: string }) {
  return readInSchool(deps, who, 'concern.log', async ({ db, actor, schoolId }) => ({
    days: await rota(db, schoolId),
    team: await dslTeam(db, schoolId),
    canEdit: mayEditDuty(actor, schoolId),
  }));
}

/** Replace the whole rota. Only the school's DSL or deputy DSLs may be put on it. Audited. */
export async function setDslDuty(deps: AppDeps, who: SchoolRequest, body: SetDslDutyBody) {
  await inSchool(deps, who, EDIT_DUTY, async (s) => {
    const { tx, schoolId } = s;
    await lockSchool(tx, schoolId);
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
    await replaceRota(tx, schoolId, body.days);
    await s.audit({ action: 'dsl.duty_changed', detail: { weekdays: changed } }, { type: 'school', id: schoolId });
  });
  return getDslDuty(deps, who);
}
