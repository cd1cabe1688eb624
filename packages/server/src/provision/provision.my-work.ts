/**
 * Reduced timetables and visits in their lead's "my work": each review due within
 * TIMETABLE_REMINDER_DAYS or overdue, each timetable running past its end date, and the next visit
 * or call of each schedule they lead, due within TIMETABLE_REMINDER_DAYS or missed. Only for those
 * who may still open the pupil's case (the lead is SMHL or DSL team, school-wide, in practice).
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { addDaysToDay, canInSchool, nextVisitDue, TIMETABLE_REMINDER_DAYS, type ProvisionDueItem } from '@tandem/core';
import { pupils, reducedTimetables, timetableReviews, visitSchedules } from '@tandem/core/schema';
import { caseScopeSql, caseScopesOf } from '../platform/case-access';
import { pupilName } from '../platform/directory';
import type { MyWorkSource } from '../platform/registries';
import { lastVisitDaySql } from './provision.queries';

export const provisionMyWork: MyWorkSource = {
  name: 'provision',
  async items(db, r) {
    if (!canInSchool(r.actor, 'pupil.readCase', r.schoolId)) return {};
    const scopes = await caseScopesOf(db, r.actor, r.schoolId);
    const horizon = addDaysToDay(r.today, TIMETABLE_REMINDER_DAYS);
    const items: ProvisionDueItem[] = [];
    const ref = (p: typeof pupils.$inferSelect) => ({ id: p.id, name: pupilName(p) });

    const reviews = await db
      .select({ dueOn: timetableReviews.dueOn, p: pupils })
      .from(timetableReviews)
      .innerJoin(reducedTimetables, eq(reducedTimetables.id, timetableReviews.timetableId))
      .innerJoin(pupils, eq(pupils.id, reducedTimetables.pupilId))
      .where(
        and(
          eq(reducedTimetables.schoolId, r.schoolId),
          eq(reducedTimetables.status, 'active'),
          eq(reducedTimetables.leadUserId, r.actor.userId),
          isNull(timetableReviews.heldOn),
          sql`${timetableReviews.dueOn} <= ${horizon}::date`,
          caseScopeSql(scopes, r.actor.userId, r.schoolId, reducedTimetables.pupilId),
        ),
      )
      .orderBy(asc(timetableReviews.dueOn));
    for (const x of reviews) {
      items.push({ kind: 'timetable_review', pupil: ref(x.p), dueOn: x.dueOn, overdue: x.dueOn < r.today });
    }

    const pastEnd = await db
      .select({ endOn: reducedTimetables.endOn, p: pupils })
      .from(reducedTimetables)
      .innerJoin(pupils, eq(pupils.id, reducedTimetables.pupilId))
      .where(
        and(
          eq(reducedTimetables.schoolId, r.schoolId),
          eq(reducedTimetables.status, 'active'),
          eq(reducedTimetables.leadUserId, r.actor.userId),
          sql`${reducedTimetables.endOn} < ${r.today}::date`,
          caseScopeSql(scopes, r.actor.userId, r.schoolId, reducedTimetables.pupilId),
        ),
      );
    for (const x of pastEnd) items.push({ kind: 'timetable_past_end', pupil: ref(x.p), dueOn: x.endOn, overdue: true });

    const schedules = await db
      .select({ s: visitSchedules, p: pupils, last: lastVisitDaySql(visitSchedules.pupilId) })
      .from(visitSchedules)
      .innerJoin(pupils, eq(pupils.id, visitSchedules.pupilId))
      .where(
        and(
          eq(visitSchedules.schoolId, r.schoolId),
          isNull(visitSchedules.endedOn),
          eq(visitSchedules.leadUserId, r.actor.userId),
          caseScopeSql(scopes, r.actor.userId, r.schoolId, visitSchedules.pupilId),
        ),
      );
    for (const x of schedules) {
      const dueOn = nextVisitDue(x.s.startOn, x.last, x.s.everyDays);
      if (dueOn <= horizon) items.push({ kind: 'visit', pupil: ref(x.p), dueOn, overdue: dueOn < r.today });
    }
    return { provisionDue: items };
  },
};
