/**
 * Need-to-know by caseload, decided once for every feature. A case role opens a pupil's case
 * record (profile, chronology, plans, meetings, exports) only when one of its scopes reaches the
 * pupil (core `caseAccessFor`); otherwise the person sees what a teacher of that pupil sees, and
 * the case record answers 404 as if it were not there. Lists use `caseScopeSql`, the same rule as
 * a SQL condition, so a list never shows what opening the pupil would refuse.
 */
import { and, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  AppError,
  CASE_ROLE_SET,
  caseAccessFor,
  caseScopeFor,
  isStaffRole,
  rolesInSchool,
  SCOPED_CASE_ROLES,
  type Actor,
  type CaseScope,
  type CaseTeamSource,
  type PupilView,
} from '@tandem/core';
import { caseTeamMembers, pupils, roleAssignments } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';
import { holdersOf, loadPupilInSchool, runsGroupOf, teachesPupil, type PupilRow } from './directory';

/** The whole-school scope a role gives whatever is stored (head, SMHL, DSL team), if the actor holds one. */
function wholeSchoolByRole(actor: Actor, schoolId: string): CaseScope | undefined {
  return rolesInSchool(actor, schoolId)
    .map((r) => caseScopeFor(r, { yearGroups: null, widened: false }))
    .find((scope): scope is CaseScope => scope?.kind === 'school');
}

/** The case scopes the actor's current roles in the school give (none for staff without a case role). */
export async function caseScopesOf(db: DbOrTx, actor: Actor, schoolId: string): Promise<CaseScope[]> {
  if (!rolesInSchool(actor, schoolId).some((r) => CASE_ROLE_SET.has(r))) return [];
  // A role that always reaches the whole school makes any narrower scope irrelevant, so the
  // common case costs no query.
  const whole = wholeSchoolByRole(actor, schoolId);
  if (whole) return [whole];
  const rows = await db
    .select({
      role: roleAssignments.role,
      yearGroups: roleAssignments.scopeYearGroups,
      widenedAt: roleAssignments.scopeWidenedAt,
    })
    .from(roleAssignments)
    .where(
      and(
        eq(roleAssignments.schoolId, schoolId),
        eq(roleAssignments.userId, actor.userId),
        isNull(roleAssignments.revokedAt),
      ),
    );
  return rows
    .map((r) => caseScopeFor(r.role, { yearGroups: r.yearGroups, widened: r.widenedAt !== null }))
    .filter((s): s is CaseScope => s !== null);
}

/** Whether someone is on the pupil's case team now. */
export async function onCaseTeam(db: DbOrTx, userId: string, schoolId: string, pupilId: string): Promise<boolean> {
  const rows = await db
    .select({ id: caseTeamMembers.id })
    .from(caseTeamMembers)
    .where(
      and(
        eq(caseTeamMembers.schoolId, schoolId),
        eq(caseTeamMembers.pupilId, pupilId),
        eq(caseTeamMembers.userId, userId),
        isNull(caseTeamMembers.removedAt),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/**
 * How much of one pupil this person may see: 'case' within their scope, else what a teacher of the
 * pupil sees ('summary' if they teach them, 'basic' if not); 'none' for someone who is not staff.
 */
export async function caseAccess(
  db: DbOrTx,
  actor: Actor,
  schoolId: string,
  pupil: Pick<PupilRow, 'id' | 'yearGroup' | 'send'>,
): Promise<PupilView> {
  if (!rolesInSchool(actor, schoolId).some(isStaffRole)) return 'none';
  const scopes = await caseScopesOf(db, actor, schoolId);
  // Teachers of the pupil, and the staff of an intervention the pupil is in, see the staff summary.
  const teaches = async () =>
    (await teachesPupil(db, actor.userId, schoolId, pupil.id)) ||
    (await runsGroupOf(db, actor.userId, schoolId, pupil.id));
  if (scopes.length === 0) return (await teaches()) ? 'summary' : 'basic';
  const onTeam = scopes.every((s) => s.kind !== 'school')
    ? await onCaseTeam(db, actor.userId, schoolId, pupil.id)
    : false;
  const view = caseAccessFor(scopes, pupil, onTeam, false);
  if (view === 'case') return view;
  return (await teaches()) ? 'summary' : 'basic';
}

/** Whether this person may open the pupil's case record. */
export async function mayOpenCase(db: DbOrTx, actor: Actor, schoolId: string, pupilId: string): Promise<boolean> {
  const [pupil] = await db
    .select({ id: pupils.id, yearGroup: pupils.yearGroup, send: pupils.send })
    .from(pupils)
    .where(and(eq(pupils.id, pupilId), eq(pupils.schoolId, schoolId)));
  if (!pupil) return false;
  return (await caseAccess(db, actor, schoolId, pupil)) === 'case';
}

/** The pupil, when this person may open their case record; otherwise 404, as if it were not there. */
export async function requireCaseAccess(
  db: DbOrTx,
  actor: Actor,
  schoolId: string,
  pupilId: string,
): Promise<PupilRow> {
  const pupil = await loadPupilInSchool(db, schoolId, pupilId);
  if ((await caseAccess(db, actor, schoolId, pupil)) !== 'case') {
    throw new AppError('not_found', 'pupil outside case scope');
  }
  return pupil;
}

/**
 * The same 404 rule for the pupil of a record already loaded in this school (a plan, a meeting):
 * the pupil is known to exist, so a whole-school role needs no read at all.
 */
export async function requireCaseAccessToPupilOf(
  db: DbOrTx,
  actor: Actor,
  schoolId: string,
  record: { pupilId: string },
): Promise<void> {
  if (wholeSchoolByRole(actor, schoolId)) return;
  await requireCaseAccess(db, actor, schoolId, record.pupilId);
}

/**
 * The same rule as a SQL condition on a pupil id column, for lists (pupils, plans, reviews due):
 * true for the pupils whose case record this person may open. The scopes come from caseScopesOf.
 */
export function caseScopeSql(
  scopes: readonly CaseScope[],
  userId: string,
  schoolId: string,
  pupilId: AnyPgColumn,
): SQL {
  if (scopes.length === 0) return sql`false`;
  if (scopes.some((s) => s.kind === 'school')) return sql`true`;
  const years = [...new Set(scopes.flatMap((s) => (s.kind === 'year_groups' ? s.yearGroups : [])))];
  const send = scopes.some((s) => s.sendRegister);
  const reaches: SQL[] = [
    sql`exists (select 1 from ${caseTeamMembers} ctm where ctm.school_id = ${schoolId} and ctm.pupil_id = ${pupilId}
      and ctm.user_id = ${userId} and ctm.removed_at is null)`,
  ];
  if (years.length > 0 || send) {
    const byPupil: SQL[] = [];
    if (years.length > 0) byPupil.push(inArray(pupils.yearGroup, years));
    if (send) byPupil.push(sql`${pupils.send} <> 'none'`);
    reaches.push(
      sql`${pupilId} in (select ${pupils.id} from ${pupils} where ${pupils.schoolId} = ${schoolId} and (${or(...byPupil)}))`,
    );
  }
  return sql`(${or(...reaches)})`;
}

/**
 * Put someone on a pupil's case team (a concern routed to them, a plan or meeting they lead, or
 * the SMHL or DSL adding them), in the caller's transaction. Nothing happens if they are already
 * on it. Returns whether they were added.
 */
export async function joinCaseTeam(
  tx: DbOrTx,
  member: {
    schoolId: string;
    pupilId: string;
    userId: string;
    source: CaseTeamSource;
    addedBy: string | null;
    at: Date;
  },
): Promise<boolean> {
  const rows = await tx
    .insert(caseTeamMembers)
    .values({
      schoolId: member.schoolId,
      pupilId: member.pupilId,
      userId: member.userId,
      source: member.source,
      addedBy: member.addedBy,
      addedAt: member.at,
    })
    .onConflictDoNothing({
      target: [caseTeamMembers.schoolId, caseTeamMembers.pupilId, caseTeamMembers.userId],
      where: sql`${caseTeamMembers.removedAt} is null`,
    })
    .returning({ id: caseTeamMembers.id });
  return rows.length > 0;
}

/**
 * A concern routed to leads puts its pupils on the caseload of those of them whose scope is a
 * caseload or year groups (whole-school roles need no case team). Safeguarding-route concerns add
 * no one: the case team is seen by other case roles, and must not betray a restricted record.
 */
export async function joinCaseTeamsOfRoutedConcern(
  tx: DbOrTx,
  routed: { schoolId: string; route: string; pupilIds: readonly string[]; userIds: readonly string[]; at: Date },
): Promise<void> {
  if (routed.route === 'dsl' || routed.userIds.length === 0) return;
  const scoped = await holdersOf(tx, routed.schoolId, SCOPED_CASE_ROLES);
  const wanted = new Set(routed.userIds);
  for (const person of scoped.filter((p) => wanted.has(p.id))) {
    for (const pupilId of routed.pupilIds) {
      await joinCaseTeam(tx, {
        schoolId: routed.schoolId,
        pupilId,
        userId: person.id,
        source: 'concern_routed',
        addedBy: null,
        at: routed.at,
      });
    }
  }
}
