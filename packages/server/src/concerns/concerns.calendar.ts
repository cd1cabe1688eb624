/**
 * The concerns feature's part of a member of staff's calendar feed: the actions on concerns they
 * own (next steps), on the day each is due. Each concern passes concernAccessFor, the rule the
 * concern page applies, so an action on a concern in the restricted safeguarding record reaches
 * only someone who may open it. Titles carry the pupils' initials only, never the action's words.
 */
import { eq, inArray } from 'drizzle-orm';
import { calendarTitle, type CalendarEvent } from '@tandem/core';
import { concernPupils, pupils } from '@tandem/core/schema';
import type { CalendarSource } from '../platform/registries';
import { openActionsOwned } from './concerns.queries';

const LIMIT = 500;

export const concernCalendar: CalendarSource = {
  name: 'concerns',
  async events(db, r) {
    const visible = await openActionsOwned(db, r.actor, r.schoolId, LIMIT, r);
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
