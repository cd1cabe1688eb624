/**
 * Subject access requests in "my work": each open request within SAR_WARNING_DAYS of its deadline,
 * or past it, for everyone who manages requests (records.subjectAccess).
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { addDaysToDay, canInSchool, daysLeft, SAR_WARNING_DAYS, type SubjectAccessDueItem } from '@tandem/core';
import { pupils, subjectAccessRequests } from '@tandem/core/schema';
import { pupilName } from '../platform/directory';
import type { MyWorkSource } from '../platform/registries';

export const subjectAccessMyWork: MyWorkSource = {
  name: 'subject-access',
  async items(db, r) {
    if (!canInSchool(r.actor, 'records.subjectAccess', r.schoolId)) return {};
    const horizon = addDaysToDay(r.today, SAR_WARNING_DAYS);
    const due = sql<string>`coalesce(${subjectAccessRequests.extendedTo}, ${subjectAccessRequests.deadline})::text`;
    const rows = await db
      .select({ id: subjectAccessRequests.id, dueOn: due, p: pupils })
      .from(subjectAccessRequests)
      .innerJoin(pupils, eq(pupils.id, subjectAccessRequests.pupilId))
      .where(
        and(
          eq(subjectAccessRequests.schoolId, r.schoolId),
          isNull(subjectAccessRequests.closedAt),
          isNull(subjectAccessRequests.sentOn),
          sql`coalesce(${subjectAccessRequests.extendedTo}, ${subjectAccessRequests.deadline}) <= ${horizon}::date`,
        ),
      );
    const items: SubjectAccessDueItem[] = rows.map((x) => {
      const left = daysLeft(r.today, x.dueOn);
      return {
        requestId: x.id,
        pupil: { id: x.p.id, name: pupilName(x.p) },
        dueOn: x.dueOn,
        daysLeft: left,
        overdue: left < 0,
      };
    });
    return { subjectAccessDue: items };
  },
};
