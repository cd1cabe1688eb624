import { dayPlus, type PupilAttendanceResponse } from '@tandem/core';
import { requireCaseAccess } from '../../platform/case-access';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { codeGroupsOf, termsOf, toWeek } from '../attendance.mapping';
import { markCountsOfPupil, weeksOfPupil } from '../attendance.queries';

/** About a school year of weeks with data on one screen; older ones page in with `before`. */
export const WEEKS_SHOWN = 52;

/**
 * A pupil's attendance over time (case roles whose scope reaches the pupil; anyone else as the
 * case record answers): weeks newest first, their terms, and the session codes over those days.
 * Audited once per view.
 */
export async function readPupilAttendance(
  deps: AppDeps,
  request: SchoolRequest,
  pupilId: string,
  before: string | undefined,
): Promise<PupilAttendanceResponse> {
  return inSchool(deps, request, 'pupil.readCase', async (w) => {
    await requireCaseAccess(w.tx, w.actor, w.schoolId, pupilId);
    const rows = await weeksOfPupil(w.tx, w.schoolId, pupilId, { before, limit: WEEKS_SHOWN + 1 });
    const weeks = rows.slice(0, WEEKS_SHOWN);
    const newest = weeks[0];
    const oldest = weeks[weeks.length - 1];
    const counts =
      newest && oldest
        ? await markCountsOfPupil(w.tx, w.schoolId, pupilId, oldest.weekStart, dayPlus(newest.weekStart, 6))
        : new Map<string, number>();
    await w.audit({ action: 'attendance.viewed', detail: { weeks: weeks.length } }, { type: 'pupil', id: pupilId });
    return {
      weeks: weeks.map(toWeek),
      olderBefore: rows.length > WEEKS_SHOWN && oldest ? oldest.weekStart : null,
      terms: termsOf(weeks),
      codes: codeGroupsOf(counts),
      markedSessions: [...counts.values()].reduce((a, b) => a + b, 0),
    };
  });
}
