/** The lead ends a reduced timetable: back to full time, taught elsewhere, left, or something else. */
import { londonToday, endProblems, type EndTimetableBody } from '@tandem/core';
import { requireCaseAccess } from '../../platform/case-access';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { dropUnheldReviews, lockTimetable, updateTimetable } from '../provision.queries';
import { refuse, requireActive, requireRevision } from '../provision.rules';

export async function endTimetable(
  deps: AppDeps,
  at: SchoolRequest,
  timetableId: string,
  body: EndTimetableBody,
): Promise<{ id: string; revision: number }> {
  return inSchool(deps, at, 'provision.manage', async (s) => {
    const { tx, schoolId, actor, now } = s;
    const row = await lockTimetable(tx, schoolId, timetableId);
    await requireCaseAccess(tx, actor, schoolId, row.pupilId);
    requireActive(row);
    requireRevision(row, body.revision, 'reduced timetable');
    refuse(endProblems(row, body.endedOn, londonToday(now)));
    const revision = row.revision + 1;
    await updateTimetable(tx, row.id, {
      status: 'ended',
      endedOn: body.endedOn,
      ending: body.ending,
      endingNote: body.endingNote === '' ? null : body.endingNote,
      revision,
      updatedAt: now,
    });
    // Reviews no longer due would otherwise still remind the lead.
    await dropUnheldReviews(tx, schoolId, row.id);
    await s.audit(
      { action: 'timetable.ended', detail: { ending: body.ending } },
      { type: 'reduced_timetable', id: row.id },
    );
    return { id: row.id, revision };
  });
}
