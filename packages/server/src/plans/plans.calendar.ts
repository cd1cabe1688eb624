/**
 * The plans feature's part of a member of staff's calendar feed: meetings they lead or are invited
 * to, reviews of plans they lead, and next steps from meetings they own. Each item passes the rule
 * of the page it links to (a meeting's record and its steps, and a plan's review on the case view
 * of the plan: case roles within their case scope), applied in each query by caseScopeSql (one
 * statement per kind, however many events), so nothing is listed that the person could not open.
 * Titles carry the pupil's initials only.
 */
import { and, eq, or, sql } from 'drizzle-orm';
import { calendarTitle, canInSchool, type CalendarEvent } from '@tandem/core';
import { meetings, pupils } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';
import { caseScopeSql, caseScopesOf } from '../platform/case-access';
import type { CalendarReader, CalendarSource } from '../platform/registries';
import { openNextStepsOwned } from './meetings.queries';
import { reviewsLedBy } from './plans.queries';

/** A meeting is shown as an hour long (its record keeps only when it starts). */
const MEETING_MS = 60 * 60 * 1000;
/** At most this many of each kind, so one feed stays small. */
const LIMIT = 500;

const londonDay = (column: typeof meetings.heldAt) => sql`(${column} at time zone 'Europe/London')::date`;

async function meetingEvents(db: DbOrTx, r: CalendarReader): Promise<CalendarEvent[]> {
  const { actor, schoolId } = r;
  // A meeting's record is opened by case roles only (getMeeting).
  if (!canInSchool(actor, 'pupil.readCase', schoolId)) return [];
  const scopes = await caseScopesOf(db, actor, schoolId);
  const invited = sql`${meetings.attendees} @> ${JSON.stringify([{ userId: actor.userId }])}::jsonb`;
  const rows = await db
    .select({ m: meetings, pupil: pupils })
    .from(meetings)
    .innerJoin(pupils, eq(pupils.id, meetings.pupilId))
    .where(
      and(
        eq(meetings.schoolId, schoolId),
        or(eq(meetings.createdBy, actor.userId), invited),
        sql`${londonDay(meetings.heldAt)} between ${r.from}::date and ${r.to}::date`,
        caseScopeSql(scopes, actor.userId, schoolId, meetings.pupilId),
      ),
    )
    .orderBy(meetings.heldAt)
    .limit(LIMIT);
  return rows.map(({ m, pupil }) => ({
    uid: `meeting-${m.id}`,
    start: m.heldAt,
    end: new Date(m.heldAt.getTime() + MEETING_MS),
    allDay: false,
    title: calendarTitle('meeting', [pupil]),
    path: `/schools/${schoolId}/meetings/${m.id}`,
  }));
}

async function planReviewEvents(db: DbOrTx, r: CalendarReader): Promise<CalendarEvent[]> {
  const rows = await reviewsLedBy(db, r.actor, r.schoolId, LIMIT, r);
  return rows.map(({ p, pupil }) => ({
    // The review date is part of the id: a review recorded moves the next one to a new event.
    uid: `plan-review-${p.id}-${p.reviewDue}`,
    start: p.reviewDue,
    allDay: true,
    title: calendarTitle('planReview', [pupil]),
    path: `/schools/${r.schoolId}/plans/${p.id}`,
  }));
}

async function nextStepEvents(db: DbOrTx, r: CalendarReader): Promise<CalendarEvent[]> {
  const { actor, schoolId } = r;
  const rows = await openNextStepsOwned(db, actor, schoolId, LIMIT, r);
  return rows.map(({ a, pupil }) => ({
    uid: `next-step-${a.id}`,
    start: a.dueOn,
    allDay: true,
    title: calendarTitle('nextStep', [pupil]),
    path: `/schools/${schoolId}/meetings/${a.meetingId}`,
  }));
}

export const planCalendar: CalendarSource = {
  name: 'plans',
  events: async (db, r) => [
    ...(await meetingEvents(db, r)),
    ...(await planReviewEvents(db, r)),
    ...(await nextStepEvents(db, r)),
  ],
};
