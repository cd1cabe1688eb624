/**
 * Reading the meetings about the pupil as record items, with the next steps agreed at each. A
 * meeting takes the record class of the plan it is about, or is a wellbeing record.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { ATTENDEE_KIND_LABELS, MEETING_KIND_LABELS, type PupilRecordItem } from '@tandem/core';
import { meetingActions, meetings, users } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';
import { calendarDay, dateAndTime } from '../platform/dates';
import type { PupilRecordQuery } from '../platform/registries';
import { lines, planLabel, planTag, type PlansById } from './plans.record-class';

/** The meetings about the pupil and their next steps, as record items; `byId` is the pupil's plans. */
export async function readMeetingItems(
  db: DbOrTx,
  { schoolId, pupilId }: PupilRecordQuery,
  byId: PlansById,
): Promise<PupilRecordItem[]> {
  const items: PupilRecordItem[] = [];
  const label = (planId: string) => planLabel(byId, planId);
  const tag = (planId: string | null) => planTag(byId, planId);

  const completer = alias(users, 'completer');
  const meetingRows = await db
    .select({ m: meetings, by: users.displayName, completer: completer.displayName })
    .from(meetings)
    .innerJoin(users, eq(users.id, meetings.createdBy))
    .leftJoin(completer, eq(completer.id, meetings.completedBy))
    .where(and(eq(meetings.schoolId, schoolId), eq(meetings.pupilId, pupilId)))
    .orderBy(meetings.heldAt);
  const meetingById = new Map(meetingRows.map((r) => [r.m.id, r.m]));
  for (const { m, by, completer: heldBy } of meetingRows) {
    items.push({
      ...tag(m.planId),
      kind: 'meeting',
      id: m.id,
      at: m.heldAt.toISOString(),
      title: `${MEETING_KIND_LABELS[m.kind]} on ${dateAndTime(m.heldAt)}`,
      body: lines(
        `Meeting: ${MEETING_KIND_LABELS[m.kind]}`,
        `When: ${dateAndTime(m.heldAt)}`,
        `Where: ${m.place}`,
        ...m.attendees.map(
          (a) => `Attended: ${a.name}${a.role ? ` (${a.role})` : ''}, ${ATTENDEE_KIND_LABELS[a.kind].toLowerCase()}`,
        ),
        m.planId && byId.has(m.planId) && `About the plan: ${label(m.planId)}`,
        m.aims && `Aims: ${m.aims}`,
        m.notes && `Notes: ${m.notes}`,
        `Arranged by: ${by}, on ${dateAndTime(m.createdAt)}`,
        m.completedAt
          ? `Held: recorded on ${dateAndTime(m.completedAt)}${heldBy ? ` by ${heldBy}` : ''}`
          : 'Held: not yet (planned)',
      ),
    });
  }

  if (meetingRows.length > 0) {
    const owner = alias(users, 'owner');
    const creator = alias(users, 'step_creator');
    const doneBy = alias(users, 'done_by');
    const steps = await db
      .select({ a: meetingActions, owner: owner.displayName, by: creator.displayName, doneBy: doneBy.displayName })
      .from(meetingActions)
      .leftJoin(owner, eq(owner.id, meetingActions.ownerUserId))
      .innerJoin(creator, eq(creator.id, meetingActions.createdBy))
      .leftJoin(doneBy, eq(doneBy.id, meetingActions.completedBy))
      .where(
        and(
          eq(meetingActions.schoolId, schoolId),
          inArray(
            meetingActions.meetingId,
            meetingRows.map((r) => r.m.id),
          ),
        ),
      )
      .orderBy(meetingActions.createdAt);
    for (const { a, owner: ownerName, by, doneBy: doneByName } of steps) {
      const m = meetingById.get(a.meetingId)!;
      items.push({
        ...tag(m.planId),
        kind: 'next-step',
        id: a.id,
        at: a.createdAt.toISOString(),
        title: `Next step agreed at the ${MEETING_KIND_LABELS[m.kind].toLowerCase()}: ${a.description}`,
        body: lines(
          `Agreed at: ${MEETING_KIND_LABELS[m.kind]}, ${dateAndTime(m.heldAt)}`,
          `What is to be done: ${a.description}`,
          `Who does it: ${ownerName ?? a.ownerName}`,
          `Due: ${calendarDay(a.dueOn)}`,
          `Recorded by: ${by}, on ${dateAndTime(a.createdAt)}`,
          a.completedAt && `Done: on ${dateAndTime(a.completedAt)}${doneByName ? `, recorded by ${doneByName}` : ''}`,
          a.completionNote && `About what was done: ${a.completionNote}`,
        ),
      });
    }
  }
  return items;
}
