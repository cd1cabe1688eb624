/**
 * The concerns feature's part of a member of staff's calendar feed: the actions on concerns they
 * own (next steps), on the day each is due. Each concern passes concernAccessFor, the rule the
 * concern page applies, so an action on a concern in the restricted safeguarding record reaches
 * only someone who may open it. Titles carry the pupils' initials only, never the action's words.
 */
import { and, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { calendarTitle, concernAccessFor, type CalendarEvent } from '@tandem/core';
import { concernActions, concernPupils, concerns, pupils } from '@tandem/core/schema';
import type { CalendarSource } from '../platform/registries';

const LIMIT = 500;

export const concernCalendar: CalendarSource = {
  name: 'concerns',
  async events(db, r) {
    const rows = await db
      .select({ a: concernActions, c: concerns })
      .from(concernActions)
      .innerJoin(concerns, eq(concerns.id, concernActions.concernId))
      .where(
        and(
          eq(concernActions.schoolId, r.schoolId),
          eq(concernActions.ownerUserId, r.actor.userId),
          isNull(concernActions.completedAt),
          isNull(concernActions.droppedAt),
          eq(concerns.schoolId, r.schoolId),
          // An action carried to the pupil's case when its concern closed is still the owner's work.
          or(ne(concerns.status, 'closed'), sql`${concernActions.carriedAt} is not null`),
          sql`${concernActions.dueOn} between ${r.from}::date and ${r.to}::date`,
        ),
      )
      .orderBy(concernActions.dueOn)
      .limit(LIMIT);
    const visible = rows.filter(({ c }) => concernAccessFor(r.actor, r.schoolId, c) === 'full');
    if (visible.length === 0) return [];
    const names = await db
      .select({ concernId: concernPupils.concernId, givenName: pupils.givenName, familyName: pupils.familyName })
      .from(concernPupils)
      .innerJoin(pupils, eq(pupils.id, concernPupils.pupilId))
      .where(
        inArray(
          concernPupils.concernId,
          visible.map(({ c }) => c.id),
        ),
      )
      .orderBy(pupils.familyName, pupils.givenName);
    return visible.map(({ a, c }): CalendarEvent => ({
      uid: `concern-action-${a.id}`,
      start: a.dueOn,
      allDay: true,
      title: calendarTitle(
        'nextStep',
        names.filter((n) => n.concernId === c.id),
      ),
      path: `/schools/${r.schoolId}/concerns/${c.id}`,
    }));
  },
};
