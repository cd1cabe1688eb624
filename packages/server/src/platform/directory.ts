/**
 * The directory every feature may read: schools, staff and the roles they hold, pupils on the roll
 * and who teaches them. These tables come from the foundation (schools, staff, the MIS import), not
 * from any one case feature, so reading them here does not tie one feature to another's tables.
 * The one exception is `runsGroupOf`: who runs an intervention group a pupil is in is part of "who
 * works with this pupil", which every need-to-know decision asks (as "who teaches them" is).
 * Every function is scoped to one school.
 */
import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { AppError, isStaffRole, type Role, type SchoolStaffRole } from '@tandem/core';
import {
  interventionPlaces,
  interventionStaff,
  pupils,
  roleAssignments,
  schools,
  teachingGroupPupils,
  teachingGroupStaff,
  trusts,
  users,
} from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';

export type PupilRow = typeof pupils.$inferSelect;

/** The trust a school belongs to, for the audit entries of school-level events (null if unknown). */
export async function trustIdOfSchool(db: DbOrTx, schoolId: string): Promise<string | null> {
  const [s] = await db.select({ trustId: schools.trustId }).from(schools).where(eq(schools.id, schoolId));
  return s?.trustId ?? null;
}

/** A school's name, for printed documents ('' if unknown). */
export async function schoolNameOf(db: DbOrTx, schoolId: string): Promise<string> {
  const [s] = await db.select({ name: schools.name }).from(schools).where(eq(schools.id, schoolId));
  return s?.name ?? '';
}

/** Days a referral may wait from sent to a first appointment before it is flagged (the school's setting). */
export async function referralWaitDaysOf(db: DbOrTx, schoolId: string): Promise<number> {
  const [s] = await db.select({ days: schools.referralWaitDays }).from(schools).where(eq(schools.id, schoolId));
  return s?.days ?? 28;
}

/** Staff of a school who hold any of these roles now (not revoked, not disabled). */
export async function holdersOf(db: DbOrTx, schoolId: string, roles: readonly Role[]) {
  return db
    .selectDistinct({ id: users.id, email: users.email, displayName: users.displayName })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        eq(roleAssignments.schoolId, schoolId),
        inArray(roleAssignments.role, [...roles]),
        isNull(roleAssignments.revokedAt),
        isNull(users.disabledAt),
      ),
    );
}

/** A pupil of this school (on roll or not), or 404 as if it did not exist. */
export async function loadPupilInSchool(db: DbOrTx, schoolId: string, pupilId: string): Promise<PupilRow> {
  const [pupil] = await db
    .select()
    .from(pupils)
    .where(and(eq(pupils.id, pupilId), eq(pupils.schoolId, schoolId)));
  if (!pupil) throw new AppError('not_found', 'pupil not found');
  return pupil;
}

/** The name a pupil is known by: preferred (or given) name and family name. */
export function pupilName(p: { preferredName: string | null; givenName: string; familyName: string }): string {
  return `${p.preferredName ?? p.givenName} ${p.familyName}`;
}

/** Whether a member of staff teaches the pupil (is on a teaching group with them). */
export async function teachesPupil(db: DbOrTx, userId: string, schoolId: string, pupilId: string): Promise<boolean> {
  const rows = await db
    .select({ t: sql<number>`1` })
    .from(teachingGroupPupils)
    .innerJoin(teachingGroupStaff, eq(teachingGroupStaff.groupId, teachingGroupPupils.groupId))
    .where(
      and(
        eq(teachingGroupPupils.schoolId, schoolId),
        eq(teachingGroupPupils.pupilId, pupilId),
        eq(teachingGroupStaff.userId, userId),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/**
 * Whether a member of staff runs an intervention the pupil is in now: they see the pupil's staff
 * summary (level and what to do), as a teacher of the pupil does, and never the case record.
 */
export async function runsGroupOf(db: DbOrTx, userId: string, schoolId: string, pupilId: string): Promise<boolean> {
  const rows = await db
    .select({ t: sql<number>`1` })
    .from(interventionPlaces)
    .innerJoin(interventionStaff, eq(interventionStaff.interventionId, interventionPlaces.interventionId))
    .where(
      and(
        eq(interventionPlaces.schoolId, schoolId),
        eq(interventionPlaces.pupilId, pupilId),
        eq(interventionPlaces.status, 'in'),
        eq(interventionStaff.userId, userId),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** Every member of staff of a school now (not revoked, not disabled), with their staff roles here. */
export async function staffOfSchool(
  db: DbOrTx,
  schoolId: string,
): Promise<{ id: string; email: string; displayName: string; roles: SchoolStaffRole[] }[]> {
  const rows = await db
    .select({ id: users.id, email: users.email, displayName: users.displayName, role: roleAssignments.role })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(eq(roleAssignments.schoolId, schoolId), isNull(roleAssignments.revokedAt), isNull(users.disabledAt)));
  const byId = new Map<string, { id: string; email: string; displayName: string; roles: SchoolStaffRole[] }>();
  for (const r of rows) {
    if (!isStaffRole(r.role)) continue;
    const person = byId.get(r.id) ?? { id: r.id, email: r.email, displayName: r.displayName, roles: [] };
    person.roles.push(r.role);
    byId.set(r.id, person);
  }
  return [...byId.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** The schools of a trust, by name (for the trust's reports). */
export async function schoolsOfTrust(db: DbOrTx, trustId: string): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: schools.id, name: schools.name })
    .from(schools)
    .where(eq(schools.trustId, trustId))
    .orderBy(asc(schools.name));
}

/** A trust's name ('' if unknown). */
export async function trustNameOf(db: DbOrTx, trustId: string): Promise<string> {
  const [t] = await db.select({ name: trusts.name }).from(trusts).where(eq(trusts.id, trustId));
  return t?.name ?? '';
}

/** The year groups some schools have pupils on roll in, youngest first. */
export async function yearGroupsOnRoll(db: DbOrTx, schoolIds: readonly string[]): Promise<number[]> {
  if (schoolIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ y: pupils.yearGroup })
    .from(pupils)
    .where(and(inArray(pupils.schoolId, [...schoolIds]), isNull(pupils.leftOn)))
    .orderBy(asc(pupils.yearGroup));
  return rows.map((r) => r.y);
}

/**
 * Pupils of a school by id, with what a list shows (name, year, form, level), keeping only those
 * for whom `visible` holds (a need-to-know condition on pupils.id, e.g. caseScopeSql's).
 */
export async function pupilsForList(db: DbOrTx, schoolId: string, ids: readonly string[], visible: SQL) {
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      id: pupils.id,
      givenName: pupils.givenName,
      familyName: pupils.familyName,
      preferredName: pupils.preferredName,
      yearGroup: pupils.yearGroup,
      form: pupils.form,
      level: pupils.currentLevel,
    })
    .from(pupils)
    .where(and(eq(pupils.schoolId, schoolId), inArray(pupils.id, [...ids]), visible))
    .orderBy(asc(pupils.familyName), asc(pupils.givenName));
  return rows.map((r) => ({
    id: r.id,
    name: pupilName(r),
    yearGroup: r.yearGroup,
    form: r.form,
    level: r.level,
  }));
}
