/** A pupil's attendance as stored from the MIS, scoped to the school and the pupil. */
import { and, count, desc, eq, lt, sql } from 'drizzle-orm';
import { attendanceMarks, attendanceWeeks } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';

/** The pupil's weeks, newest first: all of them, or `limit` before a week (exclusive). */
export async function weeksOfPupil(
  db: DbOrTx,
  schoolId: string,
  pupilId: string,
  o: { before?: string; limit?: number },
) {
  const q = db
    .select({
      weekStart: attendanceWeeks.weekStart,
      possible: attendanceWeeks.possible,
      attended: attendanceWeeks.attended,
      authorised: attendanceWeeks.authorised,
      unauthorised: attendanceWeeks.unauthorised,
    })
    .from(attendanceWeeks)
    .where(
      and(
        eq(attendanceWeeks.schoolId, schoolId),
        eq(attendanceWeeks.pupilId, pupilId),
        o.before ? lt(attendanceWeeks.weekStart, o.before) : undefined,
      ),
    )
    .orderBy(desc(attendanceWeeks.weekStart));
  return o.limit === undefined ? q : q.limit(o.limit);
}

/** How many sessions the pupil was marked with each code between two days (inclusive). */
export async function markCountsOfPupil(
  db: DbOrTx,
  schoolId: string,
  pupilId: string,
  from: string,
  to: string,
): Promise<Map<string, number>> {
  const rows = await db
    .select({ code: attendanceMarks.code, n: count() })
    .from(attendanceMarks)
    .where(
      and(
        eq(attendanceMarks.schoolId, schoolId),
        eq(attendanceMarks.pupilId, pupilId),
        sql`${attendanceMarks.on} between ${from} and ${to}`,
      ),
    )
    .groupBy(attendanceMarks.code);
  return new Map(rows.map((r) => [r.code, r.n]));
}
