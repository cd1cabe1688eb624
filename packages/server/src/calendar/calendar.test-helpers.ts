/** Reading a calendar feed in the tests: the address's path, and the events of an iCalendar text. */
import type { TestClient } from '../../test/harness';

export interface FeedEvent {
  uid: string;
  summary: string;
  start: string;
  url: string;
  description: string;
}

/** The path of a feed's address (the tests' app answers on any host). */
export const feedPath = (address: string) => new URL(address).pathname;

/** Set up (or renew) the person's feed; its address. */
export async function setUpFeed(client: TestClient): Promise<string> {
  const res = await client.request<{ address: string }>('POST', '/api/account/calendar-feed');
  if (res.status !== 200) throw new Error(`could not set up a feed: ${res.status} ${res.text}`);
  return res.body.address;
}

/** The events of an iCalendar text (lines unfolded, one object per VEVENT). */
export function eventsOf(ics: string): FeedEvent[] {
  const lines = ics.replace(/\r\n[ \t]/g, '').split(/\r\n/);
  const events: FeedEvent[] = [];
  let current: Record<string, string> | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT' && current) {
      events.push({
        uid: current.UID ?? '',
        summary: current.SUMMARY ?? '',
        start: current.DTSTART ?? '',
        url: current.URL ?? '',
        description: current.DESCRIPTION ?? '',
      });
      current = null;
    } else if (current) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).split(';')[0] ?? '';
      current[name] = line.slice(colon + 1);
    }
  }
  return events;
}
