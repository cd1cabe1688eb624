/**
 * The interventions feature's SQL: the catalogue, its staff, places (the waiting list and who is
 * in) and sessions. Every query is scoped to the school; who may read what is decided by
 * interventions.access.ts before these run.
 */
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { AppError } from '@tandem/core';
import {
  interventionAttendance,
  interventionPlaces,
  interventions,
  interventionSessions,
  interventionStaff,
  pupils,
  users,
} from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';

export type InterventionRow = typeof interventions.$inferSelect;
export type PlaceRow = typeof interventionPlaces.$inferSelect;
export type SessionRow = typeof interventionSessions.$inferSelect;

export async function listInterventions(db: DbOrTx, schoolId: string) {
  return db.select().from(interventions).where(eq(interventions.schoolId, schoolId)).orderBy(asc(interventions.name));
}

/** The intervention in this school, or 404; with `lock`, held for update. */
export async function loadIntervention(
  db: DbOrTx,
  schoolId: string,
  interventionId: string,
  lock = false,
): Promise<InterventionRow> {
  const q = db
    .select()
    .from(interventions)
    .where(and(eq(interventions.id, interventionId), eq(interventions.schoolId, schoolId)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new AppError('not_found', 'intervention not found');
  return row;
}

/** Staff who run each intervention of the school (id and display name). */
export async function staffOf(db: DbOrTx, schoolId: string, interventionIds?: readonly string[]) {
  if (interventionIds && interventionIds.length === 0) return [];
  return db
    .select({ interventionId: interventionStaff.interventionId, id: users.id, name: users.displayName })
    .from(interventionStaff)
    .innerJoin(users, eq(users.id, interventionStaff.userId))
    .where(
      and(
        eq(interventionStaff.schoolId, schoolId),
        interventionIds ? inArray(interventionStaff.interventionId, [...interventionIds]) : undefined,
      ),
    )
    .orderBy(asc(users.displayName));
}

export async function runsIntervention(db: DbOrTx, userId: string, interventionId: string): Promise<boolean> {
  const rows = await db
    .select({ one: sql<number>`1` })
    .from(interventionStaff)
    .where(and(eq(interventionStaff.interventionId, interventionId), eq(interventionStaff.userId, userId)))
    .limit(1);
  return rows.length > 0;
}

export async function setStaff(db: DbOrTx, schoolId: string, interventionId: string, userIds: readonly string[]) {
  await db.delete(interventionStaff).where(eq(interventionStaff.interventionId, interventionId));
  if (userIds.length > 0) {
    await db
      .insert(interventionStaff)
      .values([...new Set(userIds)].map((userId) => ({ schoolId, interventionId, userId })));
  }
}

/** How many pupils are in and waiting, per intervention of the school. */
export async function placeCounts(db: DbOrTx, schoolId: string) {
  return db
    .select({ interventionId: interventionPlaces.interventionId, status: interventionPlaces.status, n: count() })
    .from(interventionPlaces)
    .where(and(eq(interventionPlaces.schoolId, schoolId), inArray(interventionPlaces.status, ['waiting', 'in'])))
    .groupBy(interventionPlaces.interventionId, interventionPlaces.status);
}

const pupilColumns = {
  givenName: pupils.givenName,
  familyName: pupils.familyName,
  preferredName: pupils.preferredName,
  yearGroup: pupils.yearGroup,
  form: pupils.form,
  level: pupils.currentLevel,
};

/** Every place of an intervention with its pupil and who asked for it. */
export async function placesOf(db: DbOrTx, schoolId: string, interventionId: string) {
  return db
    .select({ place: interventionPlaces, pupil: pupilColumns, requestedByName: users.displayName })
    .from(interventionPlaces)
    .innerJoin(pupils, eq(pupils.id, interventionPlaces.pupilId))
    .innerJoin(users, eq(users.id, interventionPlaces.requestedBy))
    .where(and(eq(interventionPlaces.schoolId, schoolId), eq(interventionPlaces.interventionId, interventionId)))
    .orderBy(asc(interventionPlaces.requestedAt));
}

export type PlaceWithPupil = Awaited<ReturnType<typeof placesOf>>[number];

/** The open places (waiting and in) of an intervention, for ordering and allocation. */
export async function openPlacesOf(db: DbOrTx, schoolId: string, interventionId: string) {
  return db
    .select({ place: interventionPlaces, level: pupils.currentLevel })
    .from(interventionPlaces)
    .innerJoin(pupils, eq(pupils.id, interventionPlaces.pupilId))
    .where(
      and(
        eq(interventionPlaces.schoolId, schoolId),
        eq(interventionPlaces.interventionId, interventionId),
        inArray(interventionPlaces.status, ['waiting', 'in']),
      ),
    );
}

export async function loadPlace(db: DbOrTx, schoolId: string, interventionId: string, placeId: string) {
  const [row] = await db
    .select()
    .from(interventionPlaces)
    .where(
      and(
        eq(interventionPlaces.id, placeId),
        eq(interventionPlaces.schoolId, schoolId),
        eq(interventionPlaces.interventionId, interventionId),
      ),
    );
  if (!row) throw new AppError('not_found', 'place not found');
  return row;
}

export async function openPlaceOfPupil(db: DbOrTx, interventionId: string, pupilId: string) {
  const [row] = await db
    .select()
    .from(interventionPlaces)
    .where(
      and(
        eq(interventionPlaces.interventionId, interventionId),
        eq(interventionPlaces.pupilId, pupilId),
        inArray(interventionPlaces.status, ['waiting', 'in']),
      ),
    );
  return row;
}

export async function findPlaceSubmission(db: DbOrTx, schoolId: string, userId: string, key: string) {
  const [row] = await db
    .select()
    .from(interventionPlaces)
    .where(
      and(
        eq(interventionPlaces.schoolId, schoolId),
        eq(interventionPlaces.requestedBy, userId),
        eq(interventionPlaces.submissionKey, key),
      ),
    );
  return row;
}

export async function insertPlace(db: DbOrTx, values: typeof interventionPlaces.$inferInsert) {
  const [row] = await db.insert(interventionPlaces).values(values).returning();
  return row!;
}

export async function updatePlace(
  db: DbOrTx,
  placeId: string,
  values: Partial<typeof interventionPlaces.$inferInsert>,
) {
  const [row] = await db.update(interventionPlaces).set(values).where(eq(interventionPlaces.id, placeId)).returning();
  return row!;
}

/** Sessions of an intervention, newest first, with who recorded them. */
export async function sessionsOf(db: DbOrTx, schoolId: string, interventionId: string, limit = 20) {
  return db
    .select({ session: interventionSessions, recordedByName: users.displayName })
    .from(interventionSessions)
    .innerJoin(users, eq(users.id, interventionSessions.recordedBy))
    .where(and(eq(interventionSessions.schoolId, schoolId), eq(interventionSessions.interventionId, interventionId)))
    .orderBy(desc(interventionSessions.heldOn), desc(interventionSessions.recordedAt))
    .limit(limit);
}

export async function attendanceOf(db: DbOrTx, schoolId: string, sessionIds: readonly string[]) {
  if (sessionIds.length === 0) return [];
  return db
    .select()
    .from(interventionAttendance)
    .where(
      and(eq(interventionAttendance.schoolId, schoolId), inArray(interventionAttendance.sessionId, [...sessionIds])),
    );
}

/** Per place: sessions attended and missed (attendance is only marked at held sessions). */
export async function attendanceCounts(db: DbOrTx, schoolId: string, placeIds: readonly string[]) {
  if (placeIds.length === 0) return [];
  return db
    .select({
      placeId: interventionAttendance.placeId,
      attended: sql<number>`count(*) filter (where ${interventionAttendance.attendance} = 'attended')`.mapWith(Number),
      missed: sql<number>`count(*) filter (where ${interventionAttendance.attendance} = 'not_attended')`.mapWith(
        Number,
      ),
    })
    .from(interventionAttendance)
    .where(and(eq(interventionAttendance.schoolId, schoolId), inArray(interventionAttendance.placeId, [...placeIds])))
    .groupBy(interventionAttendance.placeId);
}

export async function findSessionSubmission(db: DbOrTx, schoolId: string, userId: string, key: string) {
  const [row] = await db
    .select()
    .from(interventionSessions)
    .where(
      and(
        eq(interventionSessions.schoolId, schoolId),
        eq(interventionSessions.recordedBy, userId),
        eq(interventionSessions.submissionKey, key),
      ),
    );
  return row;
}

/** A pupil's places on every intervention of the school, newest first. */
export async function placesOfPupil(db: DbOrTx, schoolId: string, pupilId: string) {
  return db
    .select({ place: interventionPlaces, name: interventions.name })
    .from(interventionPlaces)
    .innerJoin(interventions, eq(interventions.id, interventionPlaces.interventionId))
    .where(and(eq(interventionPlaces.schoolId, schoolId), eq(interventionPlaces.pupilId, pupilId)))
    .orderBy(desc(interventionPlaces.requestedAt));
}
