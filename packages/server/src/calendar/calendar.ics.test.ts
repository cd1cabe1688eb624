/** The iCalendar text itself: times in UTC, whole days as dates, stable ids. */
import { describe, expect, it } from 'vitest';
import { calendarFeedText } from './calendar.ics';
import { eventsOf } from './calendar.test-helpers';

const base = { publicUrl: 'https://tandem.example.org', stamp: new Date('2026-07-01T08:05:09Z') };

describe('the feed text', () => {
  const text = calendarFeedText(
    [
      {
        uid: 'meeting-1',
        start: new Date('2026-07-10T09:30:00Z'),
        allDay: false,
        title: 'Meeting — J.W.',
        path: '/schools/s/meetings/1',
      },
      {
        uid: 'meeting-2',
        start: new Date('2026-12-10T09:30:00Z'),
        allDay: false,
        title: 'Meeting — J.W.',
        path: '/schools/s/meetings/2',
      },
      {
        uid: 'plan-review-3',
        start: '2026-12-18',
        allDay: true,
        title: 'Plan review — J.W.',
        path: '/schools/s/plans/3',
      },
    ],
    base,
  );

  it('gives meetings their moment in UTC, an hour long, which calendars show in local time', () => {
    expect(text).toContain('DTSTART:20260710T093000Z');
    expect(text).toContain('DTEND:20260710T103000Z');
    expect(text).toContain('DTSTART:20261210T093000Z');
    expect(text).not.toContain('TZID');
  });

  it('writes a review as a whole day, and the stamp in UTC', () => {
    expect(text).toContain('DTSTART;VALUE=DATE:20261218');
    expect(text).not.toMatch(/DTSTART:20261218/);
    expect(text).toContain('DTSTAMP:20260701T080509Z');
  });

  it('says only the title, the one line about Tandem and the page', () => {
    const [first] = eventsOf(text);
    expect(first).toMatchObject({
      uid: 'meeting-1@tandem.example.org',
      summary: 'Meeting — J.W.',
      url: 'https://tandem.example.org/schools/s/meetings/1',
    });
    expect(first?.description).toBe('Open in Tandem to see the details (you will be asked to sign in).');
    expect(text).not.toMatch(/^LOCATION/m);
  });
});
