/** The SQL behind the lead's outcomes view: places, attendance and score pairs of one school. */
import { and, eq, gte, inArray, isNotNull, or, sql } from 'drizzle-orm';
import { interventionAttendance, interventionPlaces, interventionSessions } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';

/** The places that count this year: waiting or in now, or given a place since `since`. */
export async function placesForOutcomes(db: DbOrTx, schoolId: string, since: Date) {
  return db
    .select({
      interventionId: interventionPlaces.interventionId,
      pupilId: interventionPlaces.pupilId,
      status: interventionPlaces.status,
      requestedAt: interventionPlaces.requestedAt,
      allocatedAt: interventionPlaces.allocatedAt,
    })
    .from(interventionPlaces)
    .where(
      and(
        eq(interventionPlaces.schoolId, schoolId),
        or(
          inArray(interventionPlaces.status, ['waiting', 'in']),
          and(isNotNull(interventionPlaces.allocatedAt), gte(interventionPlaces.allocatedAt, since)),
        ),
      ),
    );
}

/** Attended and missed, per intervention, for sessions held since `sinceDay`. */
export async function attendanceSince(db: DbOrTx, schoolId: string, sinceDay: string) {
  return db
    .select({
      interventionId: interventionSessions.interventionId,
      attended: sql<number>`count(*) filter (where ${interventionAttendance.attendance} = 'attended')`.mapWith(Number),
      missed: sql<number>`count(*) filter (where ${interventionAttendance.attendance} = 'not_attended')`.mapWith(
        Number,
      ),
    })
    .from(interventionAttendance)
    .innerJoin(interventionSessions, eq(interventionSessions.id, interventionAttendance.sessionId))
    .where(
      and(
        eq(interventionAttendance.schoolId, schoolId),
        eq(interventionSessions.schoolId, schoolId),
        gte(interventionSessions.heldOn, sinceDay),
      ),
    )
    .groupBy(interventionSessions.interventionId);
}
