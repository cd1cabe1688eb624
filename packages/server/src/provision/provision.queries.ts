/** The provision feature's SQL: each query scoped to one school (and the caller's pupil checks). */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { AppError } from '@tandem/core';
import {
  alternativeProvisions,
  reducedTimetables,
  timetableReviews,
  users,
  visitSchedules,
  welfareVisits,
} from '@tandem/core/schema';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/client';

export type TimetableRow = typeof reducedTimetables.$inferSelect;
export type ReviewRow = typeof timetableReviews.$inferSelect;
export type ProvisionRow = typeof alternativeProvisions.$inferSelect;
export type ScheduleRow = typeof visitSchedules.$inferSelect;

/** A pupil's running reduced timetable, if any (locked when `lock`, to keep one at a time). */
export async function activeTimetableOf(db: DbOrTx, schoolId: string, pupilId: string): Promise<TimetableRow | null> {
  const [row] = await db
    .select()
    .from(reducedTimetables)
    .where(
      and(
        eq(reducedTimetables.schoolId, schoolId),
        eq(reducedTimetables.pupilId, pupilId),
        eq(reducedTimetables.status, 'active'),
      ),
    );
  return row ?? null;
}

/** One reduced timetable of the school, locked for a change; 404 when not there. */
export async function lockTimetable(db: DbOrTx, schoolId: string, id: string): Promise<TimetableRow> {
  const [row] = await db
    .select()
    .from(reducedTimetables)
    .where(and(eq(reducedTimetables.schoolId, schoolId), eq(reducedTimetables.id, id)))
    .for('update');
  if (!row) throw new AppError('not_found', 'timetable not found');
  return row;
}

/** A pupil's timetables, newest first, with the lead's name. */
export async function timetablesOf(db: DbOrTx, schoolId: string, pupilId: string) {
  return db
    .select({ t: reducedTimetables, leadName: users.displayName })
    .from(reducedTimetables)
    .innerJoin(users, eq(users.id, reducedTimetables.leadUserId))
    .where(and(eq(reducedTimetables.schoolId, schoolId), eq(reducedTimetables.pupilId, pupilId)))
    .orderBy(desc(reducedTimetables.startOn), desc(reducedTimetables.createdAt));
}

/** The reviews of these timetables, earliest first, with who held each. */
export async function reviewsOf(db: DbOrTx, schoolId: string, timetableIds: readonly string[]) {
  if (timetableIds.length === 0) return [];
  return db
    .select({ r: timetableReviews, heldByName: users.displayName })
    .from(timetableReviews)
    .leftJoin(users, eq(users.id, timetableReviews.heldBy))
    .where(and(eq(timetableReviews.schoolId, schoolId), inArray(timetableReviews.timetableId, [...timetableIds])))
    .orderBy(asc(timetableReviews.dueOn));
}

export async function insertReviews(db: DbOrTx, schoolId: string, timetableId: string, dates: readonly string[]) {
  const unique = [...new Set(dates)];
  if (unique.length === 0) return;
  await db.insert(timetableReviews).values(unique.map((dueOn) => ({ schoolId, timetableId, dueOn })));
}

/** Reviews not yet held are a plan, replaced when the timetable is changed. */
export async function dropUnheldReviews(db: DbOrTx, schoolId: string, timetableId: string): Promise<void> {
  await db
    .delete(timetableReviews)
    .where(
      and(
        eq(timetableReviews.schoolId, schoolId),
        eq(timetableReviews.timetableId, timetableId),
        isNull(timetableReviews.heldOn),
      ),
    );
}

export async function updateTimetable(db: DbOrTx, id: string, patch: Partial<TimetableRow>): Promise<void> {
  await db.update(reducedTimetables).set(patch).where(eq(reducedTimetables.id, id));
}

/** A pupil's education elsewhere, newest first. */
export async function provisionsOf(db: DbOrTx, schoolId: string, pupilId: string): Promise<ProvisionRow[]> {
  return db
    .select()
    .from(alternativeProvisions)
    .where(and(eq(alternativeProvisions.schoolId, schoolId), eq(alternativeProvisions.pupilId, pupilId)))
    .orderBy(desc(alternativeProvisions.startOn));
}

export async function lockProvision(db: DbOrTx, schoolId: string, id: string): Promise<ProvisionRow> {
  const [row] = await db
    .select()
    .from(alternativeProvisions)
    .where(and(eq(alternativeProvisions.schoolId, schoolId), eq(alternativeProvisions.id, id)))
    .for('update');
  if (!row) throw new AppError('not_found', 'provision not found');
  return row;
}

/** A pupil's running visit schedule, with its lead's name. */
export async function runningScheduleOf(db: DbOrTx, schoolId: string, pupilId: string) {
  const [row] = await db
    .select({ s: visitSchedules, leadName: users.displayName })
    .from(visitSchedules)
    .innerJoin(users, eq(users.id, visitSchedules.leadUserId))
    .where(
      and(eq(visitSchedules.schoolId, schoolId), eq(visitSchedules.pupilId, pupilId), isNull(visitSchedules.endedOn)),
    );
  return row ?? null;
}

export async function lockSchedule(db: DbOrTx, schoolId: string, id: string): Promise<ScheduleRow> {
  const [row] = await db
    .select()
    .from(visitSchedules)
    .where(and(eq(visitSchedules.schoolId, schoolId), eq(visitSchedules.id, id)))
    .for('update');
  if (!row) throw new AppError('not_found', 'schedule not found');
  return row;
}

/** A pupil's visits and calls, newest first, with who made each. */
export async function visitsOf(db: DbOrTx, schoolId: string, pupilId: string) {
  return db
    .select({ v: welfareVisits, byName: users.displayName })
    .from(welfareVisits)
    .innerJoin(users, eq(users.id, welfareVisits.byUserId))
    .where(and(eq(welfareVisits.schoolId, schoolId), eq(welfareVisits.pupilId, pupilId)))
    .orderBy(desc(welfareVisits.at));
}

/** The London day of a pupil's latest visit or call, as SQL (for the missed-visit job and lists). */
export const lastVisitDaySql = (pupilId: AnyPgColumn) =>
  sql<string | null>`(select max((${welfareVisits.at} at time zone 'Europe/London')::date)::text
    from ${welfareVisits} where ${welfareVisits.pupilId} = ${pupilId})`;
