/**
 * Where each member of staff stands on the training their roles need, from the core rule: the
 * school view, its CSV, "my work" and the self-assessment's figures all read it from here.
 */
import {
  TRAINING_COURSES,
  TRAINING_REQUIREMENTS,
  courseStanding,
  emptyCounts,
  gapSentence,
  holdsRequirement,
  requiredCourses,
  type CourseStandingItem,
  type SchoolStaffRole,
  type SchoolTraining,
  type SchoolTrainingQuery,
  type StatusCounts,
  type TrainingCourse,
  type TrainingStaffRow,
} from '@tandem/core';
import type { DbOrTx } from '../db/client';
import { staffOfSchool } from '../platform/directory';
import { latestRecords } from './training.queries';

type Latest = Awaited<ReturnType<typeof latestRecords>>;

function standingsFor(roles: readonly SchoolStaffRole[], mine: Latest, today: string): CourseStandingItem[] {
  return requiredCourses(roles).map((course) => ({
    course,
    ...courseStanding(
      mine.filter((r) => r.course === course),
      today,
    ),
  }));
}

/** Every member of staff now, with their roles and where they stand on each course they need. */
export async function staffStandings(db: DbOrTx, schoolId: string, today: string): Promise<TrainingStaffRow[]> {
  const [staff, latest] = await Promise.all([staffOfSchool(db, schoolId), latestRecords(db, schoolId)]);
  const byPerson = new Map<string, Latest>();
  for (const r of latest) byPerson.set(r.userId, [...(byPerson.get(r.userId) ?? []), r]);
  return staff.map((p) => ({
    userId: p.id,
    name: p.displayName,
    roles: p.roles,
    courses: standingsFor(p.roles, byPerson.get(p.id) ?? [], today),
  }));
}

/** One person's standing on what their roles in the school need. */
export async function personStandings(
  db: DbOrTx,
  schoolId: string,
  userId: string,
  roles: readonly SchoolStaffRole[],
  today: string,
): Promise<CourseStandingItem[]> {
  return standingsFor(roles, await latestRecords(db, schoolId, userId), today);
}

/** Per course, how many of the staff who need it are in each status. */
export function countsByCourse(rows: readonly TrainingStaffRow[]): { course: TrainingCourse; counts: StatusCounts }[] {
  const byCourse = new Map<TrainingCourse, StatusCounts>();
  for (const row of rows) {
    for (const c of row.courses) {
      const counts = byCourse.get(c.course) ?? emptyCounts();
      counts[c.status] += 1;
      byCourse.set(c.course, counts);
    }
  }
  return TRAINING_COURSES.flatMap((course) => {
    const counts = byCourse.get(course);
    return counts === undefined ? [] : [{ course, counts }];
  });
}

/** Each requirement held by someone in the school, with its holders' statuses and the sentence. */
export function gapsByRole(rows: readonly TrainingStaffRow[]): SchoolTraining['gaps'] {
  return TRAINING_REQUIREMENTS.flatMap(({ holder, course }) => {
    const holders = rows.filter((r) => holdsRequirement(holder, r.roles));
    if (holders.length === 0) return [];
    const counts = emptyCounts();
    for (const h of holders) {
      const status = h.courses.find((c) => c.course === course)?.status;
      if (status) counts[status] += 1;
    }
    return [{ holder, course, counts, sentence: gapSentence(holder, course, counts) }];
  });
}

/** The staff the filters leave; with a course chosen, only that course is shown for each. */
export function filterStaff(rows: readonly TrainingStaffRow[], q: SchoolTrainingQuery): TrainingStaffRow[] {
  return rows
    .filter((r) => q.role === undefined || r.roles.includes(q.role))
    .map((r) => (q.course === undefined ? r : { ...r, courses: r.courses.filter((c) => c.course === q.course) }))
    .filter((r) => r.courses.length > 0)
    .filter((r) => q.status === undefined || r.courses.some((c) => c.status === q.status));
}
