/**
 * Queries for termly sharing: pupils on roll (by year group, or at MH2 and above with their
 * teaching groups and who teaches them), the record of levels shared, and counts for the summary.
 * Every query is scoped to one school.
 */
import { and, desc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import { AppError, type LevelCode, type LevelShareAudience } from '@tandem/core';
import {
  contacts,
  levelShares,
  pupils,
  roleAssignments,
  schools,
  teachingGroupPupils,
  teachingGroups,
  teachingGroupStaff,
  users,
} from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';

/** Shares are inserted in chunks so that a large school stays within the driver's parameter limit. */
const INSERT_CHUNK = 1000;

/** The school's name and letterhead, for the letters and the briefing. */
export async function schoolForLetters(db: DbOrTx, schoolId: string) {
  const [school] = await db
    .select({ name: schools.name, letterhead: schools.letterhead })
    .from(schools)
    .where(eq(schools.id, schoolId));
  if (!school) throw new AppError('not_found', 'school not found');
  return school;
}

const namedPupil = {
  id: pupils.id,
  yearGroup: pupils.yearGroup,
  givenName: pupils.givenName,
  familyName: pupils.familyName,
  preferredName: pupils.preferredName,
  form: pupils.form,
  level: pupils.currentLevel,
};

/** Pupils on roll, in one year group or the whole school, with their level. */
export async function pupilsOnRoll(db: DbOrTx, schoolId: string, yearGroup: number | undefined) {
  return db
    .select(namedPupil)
    .from(pupils)
    .where(
      and(
        eq(pupils.schoolId, schoolId),
        isNull(pupils.leftOn),
        yearGroup === undefined ? undefined : eq(pupils.yearGroup, yearGroup),
      ),
    );
}

/** Pupils on roll at any of these levels. */
export async function pupilsOnRollAt(db: DbOrTx, schoolId: string, levels: readonly LevelCode[]) {
  return db
    .select(namedPupil)
    .from(pupils)
    .where(and(eq(pupils.schoolId, schoolId), isNull(pupils.leftOn), inArray(pupils.currentLevel, [...levels])));
}

/** Pupils' contacts with parental responsibility, for the letters home (one query per 1,000 pupils). */
export async function parentContactsOf(db: DbOrTx, schoolId: string, pupilIds: readonly string[]) {
  const rows = [];
  for (let i = 0; i < pupilIds.length; i += INSERT_CHUNK) {
    rows.push(
      ...(await db
        .select({
          id: contacts.id,
          pupilId: contacts.pupilId,
          name: contacts.name,
          title: contacts.title,
          address: contacts.address,
          parentalResponsibility: contacts.parentalResponsibility,
          priority: contacts.priority,
        })
        .from(contacts)
        .where(
          and(
            eq(contacts.schoolId, schoolId),
            eq(contacts.parentalResponsibility, true),
            inArray(contacts.pupilId, pupilIds.slice(i, i + INSERT_CHUNK)),
          ),
        )),
    );
  }
  return rows;
}

/** The teaching groups these pupils are in, one row per pupil and group. */
export async function groupsOfPupils(db: DbOrTx, schoolId: string, pupilIds: readonly string[]) {
  return db
    .select({
      groupId: teachingGroups.id,
      code: teachingGroups.code,
      name: teachingGroups.name,
      pupilId: teachingGroupPupils.pupilId,
    })
    .from(teachingGroupPupils)
    .innerJoin(teachingGroups, eq(teachingGroups.id, teachingGroupPupils.groupId))
    .where(and(eq(teachingGroupPupils.schoolId, schoolId), inArray(teachingGroupPupils.pupilId, [...pupilIds])));
}

/** Who teaches these groups (staff whose accounts are not disabled), one row per group and person. */
export async function teachersOfGroups(db: DbOrTx, schoolId: string, groupIds: readonly string[]) {
  if (groupIds.length === 0) return [];
  return db
    .select({ groupId: teachingGroupStaff.groupId, name: users.displayName })
    .from(teachingGroupStaff)
    .innerJoin(users, eq(users.id, teachingGroupStaff.userId))
    .where(
      and(
        eq(teachingGroupStaff.schoolId, schoolId),
        inArray(teachingGroupStaff.groupId, [...groupIds]),
        isNull(users.disabledAt),
      ),
    );
}

/** Record on each pupil's record that their level was shared, all under one batch id. */
export async function recordShares(
  tx: DbOrTx,
  rows: readonly { pupilId: string; level: LevelCode | null }[],
  common: { schoolId: string; audience: LevelShareAudience; batchId: string; sharedBy: string; sharedAt: Date },
): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await tx.insert(levelShares).values(rows.slice(i, i + INSERT_CHUNK).map((r) => ({ ...common, ...r })));
  }
}

/** The latest batch shared with this audience: when, by whom, and for how many pupils. */
export async function lastBatch(db: DbOrTx, schoolId: string, audience: LevelShareAudience) {
  const [row] = await db
    .select({
      sharedAt: sql<Date>`max(${levelShares.sharedAt})`.mapWith(levelShares.sharedAt),
      sharedByName: users.displayName,
      pupils: sql<number>`count(*)`.mapWith(Number),
    })
    .from(levelShares)
    .innerJoin(users, eq(users.id, levelShares.sharedBy))
    .where(and(eq(levelShares.schoolId, schoolId), eq(levelShares.audience, audience)))
    .groupBy(levelShares.batchId, users.displayName)
    .orderBy(desc(sql`max(${levelShares.sharedAt})`))
    .limit(1);
  return row ? { sharedAt: row.sharedAt.toISOString(), sharedByName: row.sharedByName, pupils: row.pupils } : null;
}

/** Pupils on roll per year group, youngest first. */
export async function pupilsPerYear(db: DbOrTx, schoolId: string) {
  return db
    .select({ yearGroup: pupils.yearGroup, pupils: sql<number>`count(*)`.mapWith(Number) })
    .from(pupils)
    .where(and(eq(pupils.schoolId, schoolId), isNull(pupils.leftOn)))
    .groupBy(pupils.yearGroup)
    .orderBy(pupils.yearGroup);
}

/** How many pupils on roll are at these levels, and in how many teaching groups. */
export async function briefingCounts(db: DbOrTx, schoolId: string, levels: readonly LevelCode[]) {
  const onRollAtLevel = and(
    eq(pupils.schoolId, schoolId),
    isNull(pupils.leftOn),
    inArray(pupils.currentLevel, [...levels]),
  );
  const [briefingPupils] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(pupils)
    .where(onRollAtLevel);
  const [briefingGroups] = await db
    .select({ n: sql<number>`count(distinct ${teachingGroupPupils.groupId})`.mapWith(Number) })
    .from(teachingGroupPupils)
    .innerJoin(pupils, eq(pupils.id, teachingGroupPupils.pupilId))
    .where(and(eq(teachingGroupPupils.schoolId, schoolId), onRollAtLevel));
  return { groups: briefingGroups?.n ?? 0, pupils: briefingPupils?.n ?? 0 };
}

/** A pupil's termly letters shared with parents (one row per pupil per batch), newest first. */
export async function parentLettersOf(db: DbOrTx, schoolId: string, pupilId: string) {
  return db
    .select({ id: levelShares.id, level: levelShares.level, sharedAt: levelShares.sharedAt })
    .from(levelShares)
    .where(
      and(eq(levelShares.schoolId, schoolId), eq(levelShares.pupilId, pupilId), eq(levelShares.audience, 'parents')),
    )
    .orderBy(desc(levelShares.sharedAt), desc(levelShares.id));
}

/** One of a pupil's letters shared with parents, with who shared it; 404 for any other row. */
export async function parentLetterOf(db: DbOrTx, schoolId: string, pupilId: string, letterId: string) {
  const [row] = await db
    .select({
      id: levelShares.id,
      level: levelShares.level,
      sharedAt: levelShares.sharedAt,
      sharedBy: levelShares.sharedBy,
      sharedByName: users.displayName,
    })
    .from(levelShares)
    .innerJoin(users, eq(users.id, levelShares.sharedBy))
    .where(
      and(
        eq(levelShares.id, letterId),
        eq(levelShares.schoolId, schoolId),
        eq(levelShares.pupilId, pupilId),
        eq(levelShares.audience, 'parents'),
      ),
    );
  if (!row) throw new AppError('not_found', 'letter not found');
  return row;
}

/** The roles a person held in a school at a moment, not revoked by then (to sign a reprinted letter as it was). */
export async function schoolRolesAt(db: DbOrTx, schoolId: string, userId: string, at: Date) {
  const rows = await db
    .select({ role: roleAssignments.role })
    .from(roleAssignments)
    .where(
      and(
        eq(roleAssignments.schoolId, schoolId),
        eq(roleAssignments.userId, userId),
        or(isNull(roleAssignments.revokedAt), gt(roleAssignments.revokedAt, at)),
      ),
    );
  return rows.map((r) => r.role);
}

/** A pupil on roll, named as a letter names them. */
export async function pupilForLetter(db: DbOrTx, schoolId: string, pupilId: string) {
  const [row] = await db
    .select(namedPupil)
    .from(pupils)
    .where(and(eq(pupils.id, pupilId), eq(pupils.schoolId, schoolId)));
  if (!row) throw new AppError('not_found', 'pupil not found');
  return row;
}
