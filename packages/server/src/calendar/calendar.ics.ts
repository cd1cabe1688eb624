/**
 * A member of staff's events as an iCalendar feed (RFC 5545), built with ical-generator. Timed
 * events are in Europe/London with its VTIMEZONE (GMT, and BST from the last Sunday of March to the
 * last Sunday of October, the United Kingdom's rule since 1996), all-day events are dates. Every
 * event says only its title (initials), the one line pointing to Tandem, and the page's address.
 */
import ical from 'ical-generator';
import { CALENDAR_EVENT_DESCRIPTION, type CalendarEvent } from '@tandem/core';

const TZ = 'Europe/London';

const VTIMEZONE_LONDON = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/London',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'TZNAME:BST',
  'DTSTART:19700329T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'TZNAME:GMT',
  'DTSTART:19701025T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

const LONDON_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * The London wall-clock time of a moment, as "YYYY-MM-DDTHH:MM:SS" with no zone. ical-generator
 * reads such a string in the process's own zone and writes those same figures after TZID, so the
 * feed says the London time whatever zone the server runs in.
 */
function londonWallClock(d: Date): string {
  const parts = Object.fromEntries(LONDON_PARTS.formatToParts(d).map((p) => [p.type, p.value]));
  const { year = '', month = '', day = '', hour = '', minute = '', second = '' } = parts;
  return `${year}-${month}-${day}T${hour}:${minute}:${second}`;
}

/** The next day of a YYYY-MM-DD day, for an all-day event's exclusive end. */
function nextDay(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function calendarFeedText(events: readonly CalendarEvent[], o: { publicUrl: string; stamp: Date }): string {
  const calendar = ical({
    name: 'Tandem',
    prodId: { company: 'Tandem', product: 'Calendar feed', language: 'EN' },
    timezone: { name: TZ, generator: (tz) => (tz === TZ ? VTIMEZONE_LONDON : null) },
    // Calendars that honour it fetch again after an hour.
    ttl: 60 * 60,
  });
  const host = new URL(o.publicUrl).host;
  for (const e of events) {
    const url = `${o.publicUrl}${e.path}`;
    const common = {
      id: `${e.uid}@${host}`,
      summary: e.title,
      description: CALENDAR_EVENT_DESCRIPTION,
      url,
      stamp: londonWallClock(o.stamp),
      timezone: TZ,
    };
    if (e.allDay) {
      const day = typeof e.start === 'string' ? e.start.slice(0, 10) : londonWallClock(e.start).slice(0, 10);
      calendar.createEvent({ ...common, allDay: true, start: `${day}T00:00:00`, end: `${nextDay(day)}T00:00:00` });
    } else {
      const start = typeof e.start === 'string' ? new Date(e.start) : e.start;
      const end = e.end ?? new Date(start.getTime() + 60 * 60 * 1000);
      calendar.createEvent({ ...common, start: londonWallClock(start), end: londonWallClock(end) });
    }
  }
  // With the calendar's zone set, ical-generator writes DTSTAMP in London time without a "Z";
  // RFC 5545 wants it in UTC, so it is written as such.
  const compact = (iso: string) => iso.replace(/[-:]/g, '').slice(0, 15);
  return calendar
    .toString()
    .replaceAll(`DTSTAMP:${compact(londonWallClock(o.stamp))}\r\n`, `DTSTAMP:${compact(o.stamp.toISOString())}Z\r\n`);
}
