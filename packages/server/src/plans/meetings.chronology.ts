/**
 * The meetings' part of a pupil's chronology: each meeting once it has been held (planned ones are
 * on the meetings list), and the next steps agreed at held meetings, with their completion.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { MEETING_KIND_LABELS, type ChronologyEntry } from '@tandem/core';
import { meetingActions, meetings, users } from '@tandem/core/schema';
import { calendarDay } from '../platform/dates';
import type { ChronologySource } from '../platform/registries';

const KIND_LABELS: Readonly<Record<string, string>> = MEETING_KIND_LABELS;

export const meetingChronology: ChronologySource = {
  name: 'meetings',
  // At the same moment: the meeting, then the steps agreed at it, then a step done.
  kindOrder: { meeting_held: 1, next_step_agreed: 2, next_step_completed: 3 },
  async entries(db, { schoolId, pupilId }) {
    const rows = await db
      .select({ m: meetings, by: users.displayName })
      .from(meetings)
      .innerJoin(users, eq(users.id, meetings.createdBy))
      .where(and(eq(meetings.schoolId, schoolId), eq(meetings.pupilId, pupilId)));
    const held = rows.filter(({ m }) => m.completedAt !== null);
    if (held.length === 0) return [];
    const entries: ChronologyEntry[] = [];
    for (const { m, by } of held) {
      const who = m.attendees.map((a) => (a.role ? `${a.name} (${a.role})` : a.name)).join(', ');
      entries.push({
        id: m.id,
        kind: 'meeting_held',
        at: m.heldAt.toISOString(),
        title: `${KIND_LABELS[m.kind] ?? 'Meeting'} held: ${m.place}`,
        detail:
          [who ? `Attended: ${who}` : null, m.aims ? `Aims: ${m.aims}` : null, m.notes || null]
            .filter((l): l is string => l !== null)
            .join('\n') || null,
        byName: by,
        meetingId: m.id,
      });
    }

    const completer = alias(users, 'completer');
    const steps = await db
      .select({ a: meetingActions, by: users.displayName, completer: completer.displayName })
      .from(meetingActions)
      .innerJoin(users, eq(users.id, meetingActions.createdBy))
      .leftJoin(completer, eq(completer.id, meetingActions.completedBy))
      .where(
        and(
          eq(meetingActions.schoolId, schoolId),
          inArray(
            meetingActions.meetingId,
            held.map(({ m }) => m.id),
          ),
        ),
      );
    for (const { a, by, completer: completerName } of steps) {
      entries.push({
        id: `${a.id}-agreed`,
        kind: 'next_step_agreed',
        at: a.createdAt.toISOString(),
        title: `Next step agreed: ${a.description}`,
        detail: `For ${a.ownerName}, due ${calendarDay(a.dueOn)}`,
        byName: by,
        meetingId: a.meetingId,
      });
      if (a.completedAt) {
        entries.push({
          id: `${a.id}-done`,
          kind: 'next_step_completed',
          at: a.completedAt.toISOString(),
          title: `Next step done: ${a.description}`,
          detail: a.completionNote,
          byName: completerName,
          meetingId: a.meetingId,
        });
      }
    }
    return entries;
  },
};
