/** The SMHL or DSL corrects a running reduced timetable; reviews not yet held are replaced by the dates given. */
import { londonToday, timetableProblems, type ChangeTimetableBody } from '@tandem/core';
import { requireCaseAccess } from '../../platform/case-access';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { dropUnheldReviews, insertReviews, lockTimetable, updateTimetable } from '../provision.queries';
import { refuse, requireActive, requireRevision } from '../provision.rules';

const COMPARED = [
  'reason',
  'hours',
  'sessionsPerWeek',
  'startOn',
  'endOn',
  'returnPlan',
  'parentsAgreedBy',
  'parentsAgreedOn',
  'parentsAgreedHow',
  'laToldOn',
] as const;

export async function changeTimetable(
  deps: AppDeps,
  at: SchoolRequest,
  timetableId: string,
  body: ChangeTimetableBody,
): Promise<{ id: string; revision: number }> {
  return inSchool(deps, at, 'provision.manage', async (s) => {
    const { tx, schoolId, actor, now } = s;
    const row = await lockTimetable(tx, schoolId, timetableId);
    await requireCaseAccess(tx, actor, schoolId, row.pupilId);
    requireActive(row);
    requireRevision(row, body.revision, 'reduced timetable');
    refuse(timetableProblems(body, londonToday(now), { isNew: false }));
    const { reviewDates, revision: _r, longerReason, laToldBy, ...fields } = body;
    const changed: string[] = COMPARED.filter((k) => row[k] !== body[k]);
    if ((row.longerReason ?? '') !== longerReason) changed.push('longerReason');
    if ((row.laToldBy ?? '') !== laToldBy) changed.push('laToldBy');
    changed.push('reviewDates');
    const revision = row.revision + 1;
    await updateTimetable(tx, row.id, {
      ...fields,
      longerReason: longerReason === '' ? null : longerReason,
      laToldBy: laToldBy === '' ? null : laToldBy,
      revision,
      updatedAt: now,
    });
    await dropUnheldReviews(tx, schoolId, row.id);
    await insertReviews(tx, schoolId, row.id, reviewDates);
    await s.audit(
      { action: 'timetable.changed', detail: { fields: changed } },
      { type: 'reduced_timetable', id: row.id },
    );
    return { id: row.id, revision };
  });
}
