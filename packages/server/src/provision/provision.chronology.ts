/**
 * Reduced timetables, education elsewhere and visits in a pupil's chronology (the reader can
 * already open the case): each timetable started, reviewed and ended, education elsewhere started
 * and ended, and each visit or call.
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import { PROVISION_KIND_LABELS, TIMETABLE_ENDING_LABELS, VISIT_KIND_LABELS, type ChronologyEntry } from '@tandem/core';
import { alternativeProvisions, reducedTimetables, timetableReviews, users, welfareVisits } from '@tandem/core/schema';
import type { ChronologySource } from '../platform/registries';

/** A day's entry at midday UTC, so it sorts within its day. */
const onDay = (day: string) => `${day}T12:00:00.000Z`;

export const provisionChronology: ChronologySource = {
  name: 'provision',
  kindOrder: {
    timetable_started: 1,
    provision_started: 1,
    timetable_reviewed: 2,
    visit_recorded: 2,
    timetable_ended: 3,
    provision_ended: 3,
  },
  async entries(db, { schoolId, pupilId }) {
    const entries: ChronologyEntry[] = [];
    const timetables = await db
      .select({ t: reducedTimetables, by: users.displayName })
      .from(reducedTimetables)
      .innerJoin(users, eq(users.id, reducedTimetables.createdBy))
      .where(and(eq(reducedTimetables.schoolId, schoolId), eq(reducedTimetables.pupilId, pupilId)));
    for (const { t, by } of timetables) {
      entries.push({
        id: `${t.id}-started`,
        kind: 'timetable_started',
        at: t.createdAt.toISOString(),
        title: `Reduced timetable recorded (${t.startOn} to ${t.endOn}, attendance code C2)`,
        detail: `${t.hours}\nWhy: ${t.reason}`,
        byName: by,
      });
      if (t.status === 'ended' && t.endedOn !== null) {
        entries.push({
          id: `${t.id}-ended`,
          kind: 'timetable_ended',
          at: onDay(t.endedOn),
          title: `Reduced timetable ended: ${t.ending ? TIMETABLE_ENDING_LABELS[t.ending].toLowerCase() : 'ended'}`,
          detail: t.endingNote,
          byName: null,
        });
      }
    }
    const reviews = await db
      .select({ r: timetableReviews, by: users.displayName })
      .from(timetableReviews)
      .innerJoin(reducedTimetables, eq(reducedTimetables.id, timetableReviews.timetableId))
      .leftJoin(users, eq(users.id, timetableReviews.heldBy))
      .where(
        and(
          eq(timetableReviews.schoolId, schoolId),
          eq(reducedTimetables.pupilId, pupilId),
          isNotNull(timetableReviews.heldOn),
        ),
      );
    for (const { r, by } of reviews) {
      entries.push({
        id: r.id,
        kind: 'timetable_reviewed',
        at: onDay(r.heldOn ?? r.dueOn),
        title: 'Reduced timetable reviewed',
        detail: r.outcome,
        byName: by,
      });
    }
    const provisions = await db
      .select({ a: alternativeProvisions, by: users.displayName })
      .from(alternativeProvisions)
      .innerJoin(users, eq(users.id, alternativeProvisions.createdBy))
      .where(and(eq(alternativeProvisions.schoolId, schoolId), eq(alternativeProvisions.pupilId, pupilId)));
    for (const { a, by } of provisions) {
      const what = `${PROVISION_KIND_LABELS[a.kind]}: ${a.provider}`;
      entries.push({
        id: `${a.id}-started`,
        kind: 'provision_started',
        at: onDay(a.startOn),
        title: `Taught elsewhere: ${what}`,
        detail: null,
        byName: by,
      });
      if (a.endOn !== null) {
        entries.push({
          id: `${a.id}-ended`,
          kind: 'provision_ended',
          at: onDay(a.endOn),
          title: `Education elsewhere ends: ${what}`,
          detail: null,
          byName: null,
        });
      }
    }
    const visits = await db
      .select({ v: welfareVisits, by: users.displayName })
      .from(welfareVisits)
      .innerJoin(users, eq(users.id, welfareVisits.byUserId))
      .where(and(eq(welfareVisits.schoolId, schoolId), eq(welfareVisits.pupilId, pupilId)));
    for (const { v, by } of visits) {
      entries.push({
        id: v.id,
        kind: 'visit_recorded',
        at: v.at.toISOString(),
        title: `${VISIT_KIND_LABELS[v.kind]}: ${v.seen ? 'pupil seen or spoken to' : 'pupil not seen'}`,
        detail: v.howSeemed,
        byName: by,
      });
    }
    return entries;
  },
};
