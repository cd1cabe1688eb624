/**
 * Plan queries and the one access decision for plans. Every query is scoped to one school.
 *
 * Who may read a plan (need-to-know):
 *  - case roles of the school: the whole plan, every version, agreements and reviews;
 *  - staff the plan was given to (named, or everyone who teaches the pupil when the lead chose
 *    that): the current version's staff sections only, while the plan is in force;
 *  - anyone else: nothing, not even that it exists (404).
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import {
  AppError,
  KIND_SHAREABLE_WITH_STAFF,
  SCHOOL_STAFF_ROLES,
  canInSchool,
  isStaffRole,
  rolesInSchool,
  type Actor,
  type AgreementParty,
  type PlanContent,
  type PlanKind,
} from '@tandem/core';
import {
  planShares,
  plans,
  planVersions,
  pupils,
  roleAssignments,
  teachingGroupPupils,
  teachingGroupStaff,
  users,
} from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';
import { teachesPupil } from '../pupils/pupils.queries';

export type PlanRow = typeof plans.$inferSelect;
export type PlanAccess = 'case' | 'staff' | 'none';

export const kindOf = (p: PlanRow) => p.kind as PlanKind;
export const partiesOf = (p: PlanRow) => p.agreementsNeeded as AgreementParty[];

export async function loadPlan(db: DbOrTx, schoolId: string, planId: string): Promise<PlanRow> {
  const [plan] = await db
    .select()
    .from(plans)
    .where(and(eq(plans.id, planId), eq(plans.schoolId, schoolId)));
  if (!plan) throw new AppError('not_found', 'plan not found');
  return plan;
}

/**
 * The plan, locked until the transaction ends: a change that checks the version and then writes
 * (an agreement, a review, sharing, ending) cannot interleave with a new version being saved.
 */
export async function lockPlan(tx: DbOrTx, schoolId: string, planId: string): Promise<PlanRow> {
  const [plan] = await tx
    .select()
    .from(plans)
    .where(and(eq(plans.id, planId), eq(plans.schoolId, schoolId)))
    .for('update');
  if (!plan) throw new AppError('not_found', 'plan not found');
  return plan;
}

export async function loadPupilInSchool(db: DbOrTx, schoolId: string, pupilId: string) {
  const [pupil] = await db
    .select()
    .from(pupils)
    .where(and(eq(pupils.id, pupilId), eq(pupils.schoolId, schoolId)));
  if (!pupil) throw new AppError('not_found', 'pupil not found');
  return pupil;
}

export function pupilName(p: { preferredName: string | null; givenName: string; familyName: string }): string {
  return `${p.preferredName ?? p.givenName} ${p.familyName}`;
}

/** Whether a member of staff was given this plan, by name or as one of the pupil's teachers. */
async function givenTo(db: DbOrTx, actor: Actor, plan: PlanRow): Promise<boolean> {
  const [named] = await db
    .select({ u: planShares.userId })
    .from(planShares)
    .where(and(eq(planShares.planId, plan.id), eq(planShares.userId, actor.userId)));
  if (named) return true;
  return plan.shareWithTeaching && teachesPupil(db, actor.userId, plan.schoolId, plan.pupilId);
}

export async function planAccessFor(db: DbOrTx, actor: Actor, plan: PlanRow): Promise<PlanAccess> {
  if (canInSchool(actor, 'pupil.readCase', plan.schoolId)) return 'case';
  if (!rolesInSchool(actor, plan.schoolId).some(isStaffRole)) return 'none';
  if (plan.endedAt || !KIND_SHAREABLE_WITH_STAFF[kindOf(plan)]) return 'none';
  return (await givenTo(db, actor, plan)) ? 'staff' : 'none';
}

export async function loadVersion(db: DbOrTx, planId: string, version: number) {
  const [row] = await db
    .select({ v: planVersions, by: users.displayName })
    .from(planVersions)
    .innerJoin(users, eq(users.id, planVersions.createdBy))
    .where(and(eq(planVersions.planId, planId), eq(planVersions.version, version)));
  if (!row) throw new AppError('not_found', 'plan version not found');
  return { ...row.v, content: row.v.content as PlanContent, createdByName: row.by };
}

/** Ids of people who hold one of these roles in the school now; refuses any that do not. */
export async function requireSchoolPeople(
  db: DbOrTx,
  schoolId: string,
  userIds: readonly string[],
  roles: readonly string[],
  field: string,
  message: string,
): Promise<Map<string, string>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectDistinct({ id: users.id, name: users.displayName })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        eq(roleAssignments.schoolId, schoolId),
        inArray(roleAssignments.userId, ids),
        inArray(roleAssignments.role, [...roles]),
        isNull(roleAssignments.revokedAt),
        isNull(users.disabledAt),
      ),
    );
  if (rows.length !== ids.length) {
    throw new AppError('validation', 'person not staff of school', { fields: [{ path: field, message }] });
  }
  return new Map(rows.map((r) => [r.id, r.name]));
}

export const STAFF_ROLES: readonly string[] = SCHOOL_STAFF_ROLES;

/**
 * Staff a plan is given to: those named, and (when chosen) everyone who teaches the pupil, with
 * why. Only people who still hold a staff role in the school.
 */
export async function planReaders(db: DbOrTx, plan: PlanRow) {
  const named = await db
    .select({ id: users.id, name: users.displayName })
    .from(planShares)
    .innerJoin(users, eq(users.id, planShares.userId))
    .where(and(eq(planShares.schoolId, plan.schoolId), eq(planShares.planId, plan.id)))
    .orderBy(asc(users.displayName));
  const teaching = plan.shareWithTeaching
    ? await db
        .selectDistinct({ id: users.id, name: users.displayName })
        .from(teachingGroupPupils)
        .innerJoin(teachingGroupStaff, eq(teachingGroupStaff.groupId, teachingGroupPupils.groupId))
        .innerJoin(users, eq(users.id, teachingGroupStaff.userId))
        .where(and(eq(teachingGroupPupils.schoolId, plan.schoolId), eq(teachingGroupPupils.pupilId, plan.pupilId)))
    : [];
  const out = new Map<string, { id: string; name: string; why: 'named' | 'teaches' }>();
  for (const t of teaching) out.set(t.id, { ...t, why: 'teaches' });
  for (const n of named) out.set(n.id, { ...n, why: 'named' });
  const ids = [...out.keys()];
  if (ids.length === 0) return [];
  const stillStaff = await db
    .selectDistinct({ id: roleAssignments.userId })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        eq(roleAssignments.schoolId, plan.schoolId),
        inArray(roleAssignments.userId, ids),
        inArray(roleAssignments.role, [...STAFF_ROLES]),
        isNull(roleAssignments.revokedAt),
        isNull(users.disabledAt),
      ),
    );
  const keep = new Set(stillStaff.map((s) => s.id));
  return [...out.values()].filter((r) => keep.has(r.id)).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}
