import { toCsv } from '../../http/csv';
import { requireCaseAccess } from '../../platform/case-access';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { toWeek } from '../attendance.mapping';
import { weeksOfPupil } from '../attendance.queries';

const HEADER = [
  'Week beginning',
  'Possible sessions',
  'Attended sessions',
  'Authorised absence',
  'Unauthorised absence',
  'Attendance (%)',
];

/** Every week of a pupil's attendance as CSV, oldest first (case roles in scope). Audited. */
export async function exportPupilAttendance(deps: AppDeps, request: SchoolRequest, pupilId: string): Promise<string> {
  return inSchool(deps, request, 'pupil.readCase', async (w) => {
    await requireCaseAccess(w.tx, w.actor, w.schoolId, pupilId);
    const weeks = (await weeksOfPupil(w.tx, w.schoolId, pupilId, {})).map(toWeek).reverse();
    await w.audit(
      { action: 'attendance.exported', detail: { what: 'pupil', rows: weeks.length } },
      { type: 'pupil', id: pupilId },
    );
    return toCsv(
      HEADER,
      weeks.map((x) => [x.weekStart, x.possible, x.attended, x.authorised, x.unauthorised, x.percent ?? '']),
    );
  });
}
