import {
  TRAINING_COURSE_SHORT_LABELS,
  TRAINING_STATUS_LABELS,
  ROLE_LABELS,
  londonToday,
  type SchoolTraining,
  type SchoolTrainingQuery,
} from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { inSchool, readInSchool, type SchoolRequest } from '../../platform/gate';
import { toCsv } from '../../http/csv';
import { courseNameOf } from '../training.mapping';
import { awaitingRecords } from '../training.queries';
import { countsByCourse, filterStaff, gapsByRole, staffStandings } from '../training.standing';

/** The school view for the lead: every member of staff, counts per course, gaps by role, what awaits confirmation. */
export async function schoolTraining(
  deps: AppDeps,
  at: Omit<SchoolRequest, 'ip'>,
  query: SchoolTrainingQuery,
): Promise<SchoolTraining> {
  return readInSchool(deps, at, 'training.manage', async ({ db, schoolId, now }) => {
    const today = londonToday(now);
    const [all, awaiting] = await Promise.all([staffStandings(db, schoolId, today), awaitingRecords(db, schoolId)]);
    return {
      today,
      totalStaff: all.length,
      staff: filterStaff(all, query),
      counts: countsByCourse(all),
      gaps: gapsByRole(all),
      awaiting: awaiting.map(({ otherName, ...a }) => ({
        ...a,
        courseName: courseNameOf({ course: a.course, otherName }),
      })),
    };
  });
}

const CSV_HEADER = ['Name', 'Roles', 'Training', 'Status', 'Completed on', 'Renew by'];

/** The school view's table as CSV (one row per person and course, as filtered). Audited. */
export async function schoolTrainingCsv(deps: AppDeps, at: SchoolRequest, query: SchoolTrainingQuery): Promise<string> {
  return inSchool(deps, at, 'training.manage', async (s) => {
    const rows = filterStaff(await staffStandings(s.tx, s.schoolId, londonToday(s.now)), query).flatMap((p) =>
      p.courses.map((c) => [
        p.name,
        p.roles.map((r) => ROLE_LABELS[r]).join('; '),
        TRAINING_COURSE_SHORT_LABELS[c.course],
        TRAINING_STATUS_LABELS[c.status],
        c.completedOn ?? '',
        c.expiresOn ?? (c.completedOn ? 'Does not expire' : ''),
      ]),
    );
    await s.audit({ action: 'training.exported', detail: { rows: rows.length } });
    return toCsv(CSV_HEADER, rows);
  });
}
