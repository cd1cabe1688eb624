/**
 * The provision feature's part of a member of staff's calendar feed: the reviews, not yet held, of
 * the active reduced timetables they lead (the timetable's lead_user_id: the person the reminders
 * already go to, provision.jobs), for pupils whose case they may open (the timetable page's rule).
 * Titles carry the pupil's initials only.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { calendarTitle, canInSchool, type CalendarEvent } from '@tandem/core';
import { pupils, reducedTimetables, timetableReviews } from '@tandem/core/schema';
import { caseScopeSql, caseScopesOf } from '../platform/case-access';
import type { CalendarSource } from '../platform/registries';

export const provisionCalendar: CalendarSource = {
  name: 'provision',
  async events(db, r) {
    if (!canInSchool(r.actor, 'pupil.readCase', r.schoolId)) return [];
    const scopes = await caseScopesOf(db, r.actor, r.schoolId);
    const rows = await db
      .select({ review: timetableReviews, t: reducedTimetables, pupil: pupils })
      .from(timetableReviews)
      .innerJoin(reducedTimetables, eq(reducedTimetables.id, timetableReviews.timetableId))
      .innerJoin(pupils, eq(pupils.id, reducedTimetables.pupilId))
      .where(
        and(
          eq(timetableReviews.schoolId, r.schoolId),
          eq(reducedTimetables.schoolId, r.schoolId),
          eq(reducedTimetables.status, 'active'),
          eq(reducedTimetables.leadUserId, r.actor.userId),
          isNull(timetableReviews.heldOn),
          sql`${timetableReviews.dueOn} between ${r.from}::date and ${r.to}::date`,
          caseScopeSql(scopes, r.actor.userId, r.schoolId, reducedTimetables.pupilId),
        ),
      )
      .orderBy(timetableReviews.dueOn);
    return rows.map(({ review, t, pupil }): CalendarEvent => ({
      uid: `timetable-review-${review.id}`,
      start: review.dueOn,
      allDay: true,
      title: calendarTitle('timetableReview', [pupil]),
      path: `/schools/${r.schoolId}/pupils/${pupil.id}/timetable/${t.id}`,
    }));
  },
};
