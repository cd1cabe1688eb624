import { requireCaseAccess } from '../../platform/case-access';
import type { AppDeps } from '../../platform/deps';
import { loadPupilInSchool } from '../../platform/directory';
import { readInSchool, type SchoolRequest } from '../../platform/gate';
import { meetingSummaryOf } from '../meetings.mapping';
import { meetingsOfPupil } from '../meetings.queries';

/** A pupil's meetings, newest first (case roles). */
export async function listMeetings(deps: AppDeps, at: Omit<SchoolRequest, 'ip'>, pupilId: string) {
  return readInSchool(deps, at, 'pupil.readCase', async ({ db, schoolId }) => {
    await loadPupilInSchool(db, schoolId, pupilId);
    await requireCaseAccess(db, at.actor, schoolId, pupilId);
    const rows = await meetingsOfPupil(db, schoolId, pupilId);
    return rows.map(meetingSummaryOf);
  });
}
