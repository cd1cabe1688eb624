/**
 * A member of staff's events as an iCalendar feed (RFC 5545), built with ical-generator. Timed
 * events are written in UTC (RFC 5545's form 2: every calendar shows them in the reader's own
 * zone, British Summer Time included; none of these events repeats, so no zone rules are needed),
 * whole-day events as dates. Every event says only its title (initials), the one line pointing to
 * Tandem, and the page's address.
 */
import ical from 'ical-generator';
import { CALENDAR_EVENT_DESCRIPTION, type CalendarEvent } from '@tandem/core';

/** A meeting's record keeps only when it starts: it is shown as an hour long. */
const DEFAULT_MS = 60 * 60 * 1000;

export function calendarFeedText(events: readonly CalendarEvent[], o: { publicUrl: string; stamp: Date }): string {
  const calendar = ical({
    name: 'Tandem',
    prodId: { company: 'Tandem', product: 'Calendar feed', language: 'EN' },
    // Calendars that honour it fetch again after an hour.
    ttl: 60 * 60,
  });
  const host = new URL(o.publicUrl).host;
  for (const e of events) {
    const common = {
      id: `${e.uid}@${host}`,
      summary: e.title,
      description: CALENDAR_EVENT_DESCRIPTION,
      url: `${o.publicUrl}${e.path}`,
      stamp: o.stamp,
    };
    if (e.allDay) {
      // A day as YYYY-MM-DD: written as that date whatever zone the server runs in.
      const day = typeof e.start === 'string' ? e.start.slice(0, 10) : e.start.toISOString().slice(0, 10);
      calendar.createEvent({ ...common, allDay: true, start: day });
    } else {
      const start = typeof e.start === 'string' ? new Date(e.start) : e.start;
      calendar.createEvent({ ...common, start, end: e.end ?? new Date(start.getTime() + DEFAULT_MS) });
    }
  }
  return calendar.toString();
}
