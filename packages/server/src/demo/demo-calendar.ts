/**
 * The demo's calendar feeds, at Kingsmead:
 *  - Tom Fletcher (pastoral lead, Years 9 to 11) has a meeting ahead with a pupil in the years he leads and
 *    their family, to which Chris Okafor (DSL) is invited, and a next step from it to do, so his own
 *    calendar is not empty (the SMHL's already holds meetings, plan reviews, next steps and reduced
 *    timetable reviews; the DSL's a Signs of Safety review);
 *  - Chris Okafor set up a calendar feed twelve days ago, read by a calendar an hour ago, so the
 *    page shows a feed in use (its address was shown once and is not kept: renew to see one).
 * Inserted in the demo transaction, not audited.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { addDaysToDay, londonToday } from '@tandem/core';
import { calendarFeeds, meetingActions, meetings, pupils } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';

const PASTORAL = 'tom.fletcher@kingsmead.example';
const DSL = 'chris.okafor@kingsmead.example';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The first weekday on or after a day. */
function weekdayFrom(day: string): string {
  const w = new Date(`${day}T12:00:00Z`).getUTCDay();
  return w === 6 ? addDaysToDay(day, 2) : w === 0 ? addDaysToDay(day, 1) : day;
}

/** 10:40 in England on the day (GMT or BST). */
function londonMorning(day: string): Date {
  const noonUtc = new Date(`${day}T12:00:00Z`);
  const londonNoon = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' }).format(noonUtc),
  );
  return new Date(noonUtc.getTime() - (londonNoon - 12) * HOUR - 80 * 60_000);
}

export async function seedDemoCalendar(
  tx: DbOrTx,
  o: { schoolIds: ReadonlyMap<string, string>; userIds: ReadonlyMap<string, string>; now: Date },
): Promise<void> {
  const schoolId = o.schoolIds.get('kingsmead');
  const pastoral = o.userIds.get(PASTORAL);
  const dsl = o.userIds.get(DSL);
  if (!schoolId || !pastoral || !dsl) throw new Error('demo calendar: Kingsmead or its staff missing');
  const today = londonToday(o.now);

  const [pupil] = await tx
    .select({ id: pupils.id })
    .from(pupils)
    .where(and(eq(pupils.schoolId, schoolId), inArray(pupils.yearGroup, [10]), isNull(pupils.leftOn)))
    .orderBy(asc(pupils.familyName), asc(pupils.givenName))
    .limit(1);
  if (!pupil) throw new Error('demo calendar: no Year 10 pupil');
  const created = new Date(o.now.getTime() - 2 * DAY);
  const [meeting] = await tx
    .insert(meetings)
    .values({
      schoolId,
      pupilId: pupil.id,
      kind: 'mh_review',
      heldAt: londonMorning(weekdayFrom(addDaysToDay(today, 5))),
      place: 'Head of Year office, Upper School',
      attendees: [
        { kind: 'staff', userId: pastoral, name: 'Tom Fletcher', role: 'Head of Upper School' },
        { kind: 'staff', userId: dsl, name: 'Chris Okafor', role: 'Designated Safeguarding Lead' },
        { kind: 'parent', userId: null, name: 'Parent or carer', role: 'Parent' },
      ],
      aims: 'To hear how the first weeks of the new homework support have gone, at school and at home, and to agree what happens over the mock exams.',
      createdBy: pastoral,
      createdAt: created,
      updatedAt: created,
    })
    .returning({ id: meetings.id });
  if (!meeting) throw new Error('demo calendar: meeting not created');
  await tx.insert(meetingActions).values({
    schoolId,
    meetingId: meeting.id,
    description: 'Ask subject teachers for a short note on how lessons have gone since half term, for the meeting',
    ownerUserId: pastoral,
    ownerName: 'Tom Fletcher',
    dueOn: weekdayFrom(addDaysToDay(today, 3)),
    createdBy: pastoral,
    createdAt: created,
  });

  // The address was shown once when it was made; only the hash of its secret is kept.
  const secretHash = createHash('sha256').update(randomBytes(32).toString('base64url')).digest('hex');
  await tx.insert(calendarFeeds).values({
    userId: dsl,
    secretHash,
    createdAt: new Date(o.now.getTime() - 12 * DAY),
    lastFetchedAt: new Date(o.now.getTime() - HOUR),
  });
}
