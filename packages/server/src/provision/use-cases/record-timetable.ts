/** The SMHL or DSL records a reduced timetable: agreed with parents, time-limited, reviewed. One at a time. */
import { londonToday, timetableProblems, type RecordTimetableBody } from '@tandem/core';
import { reducedTimetables } from '@tandem/core/schema';
import { requireCaseAccess } from '../../platform/case-access';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { activeTimetableOf, insertReviews } from '../provision.queries';
import { oneAtATime, refuse } from '../provision.rules';

export async function recordTimetable(
  deps: AppDeps,
  at: SchoolRequest,
  pupilId: string,
  body: RecordTimetableBody,
): Promise<{ id: string; revision: number }> {
  return inSchool(deps, at, 'provision.manage', async (s) => {
    const { tx, schoolId, actor, now } = s;
    await requireCaseAccess(tx, actor, schoolId, pupilId);
    refuse(timetableProblems(body, londonToday(now), { isNew: true }));
    if (await activeTimetableOf(tx, schoolId, pupilId)) throw oneAtATime();
    const { reviewDates, longerReason, laToldBy, ...fields } = body;
    const [row] = await tx
      .insert(reducedTimetables)
      .values({
        ...fields,
        schoolId,
        pupilId,
        longerReason: longerReason === '' ? null : longerReason,
        laToldBy: laToldBy === '' ? null : laToldBy,
        leadUserId: actor.userId,
        status: 'active',
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      // A second one sent at the same moment meets the one-running index: the same refusal.
      .onConflictDoNothing()
      .returning({ id: reducedTimetables.id });
    if (!row) throw oneAtATime();
    await insertReviews(tx, schoolId, row.id, reviewDates);
    await s.audit(
      {
        action: 'timetable.recorded',
        detail: { startOn: body.startOn, endOn: body.endOn, sessionsPerWeek: body.sessionsPerWeek },
      },
      { type: 'reduced_timetable', id: row.id },
    );
    return { id: row.id, revision: 1 };
  });
}
