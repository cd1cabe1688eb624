/** The lead extends a running timetable to a later end date (with a reason past six weeks from its start). */
import { extendProblems, type ExtendTimetableBody } from '@tandem/core';
import { requireCaseAccess } from '../../platform/case-access';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { lockTimetable, updateTimetable } from '../provision.queries';
import { refuse, requireActive, requireRevision } from '../provision.rules';

export async function extendTimetable(
  deps: AppDeps,
  at: SchoolRequest,
  timetableId: string,
  body: ExtendTimetableBody,
): Promise<{ id: string; revision: number }> {
  return inSchool(deps, at, 'provision.manage', async (s) => {
    const { tx, schoolId, actor, now } = s;
    const row = await lockTimetable(tx, schoolId, timetableId);
    await requireCaseAccess(tx, actor, schoolId, row.pupilId);
    requireActive(row);
    requireRevision(row, body.revision, 'reduced timetable');
    refuse(extendProblems(row, body));
    const revision = row.revision + 1;
    await updateTimetable(tx, row.id, {
      endOn: body.endOn,
      longerReason: body.longerReason === '' ? row.longerReason : body.longerReason,
      revision,
      updatedAt: now,
    });
    await s.audit(
      {
        action: 'timetable.changed',
        detail: { fields: ['endOn', ...(body.longerReason === '' ? [] : ['longerReason'])] },
      },
      { type: 'reduced_timetable', id: row.id },
    );
    return { id: row.id, revision };
  });
}
