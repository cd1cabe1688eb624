/**
 * A calendar fetching a feed by its secret address (no session). An unknown, renewed or stopped
 * address, a disabled account and someone with no staff role left all get the same 404. The events
 * are gathered afresh on each fetch from every school where the person holds a staff role now,
 * each feature applying the need-to-know of its own pages (the `calendarEvents` registry).
 */
import {
  AppError,
  CALENDAR_DAYS_AHEAD,
  CALENDAR_DAYS_BACK,
  addDaysToDay,
  isStaffRole,
  isTrustRole,
  londonToday,
  mayHaveCalendarFeed,
  type Actor,
  type CalendarEvent,
} from '@tandem/core';
import { loadAssignments } from '../../http/context';
import type { AppDeps } from '../../platform/deps';
import { forAccount } from '../../platform/gate';
import { liveFeedBySecretHash, markFetched } from '../calendar.queries';
import { calendarFeedText } from '../calendar.ics';
import { secretHashOf } from './manage-feed';

/** A secret as made by setUpFeed: 43 URL-safe characters. */
const SECRET = /^[A-Za-z0-9_-]{43}$/;
/** The last fetch is written at most this often, so a busy calendar costs few writes. */
const TOUCH_MS = 60_000;

const notFound = () => new AppError('not_found', 'calendar feed not found');

export async function fetchFeed(deps: AppDeps, secret: string, ip: string | null): Promise<string> {
  if (!SECRET.test(secret)) throw notFound();
  return forAccount(deps, { ip }, async (a) => {
    const found = await liveFeedBySecretHash(a.tx, secretHashOf(secret));
    if (!found || found.user.disabledAt) throw notFound();
    // Only the staff roles: a member of staff who is also a parent here reads as staff only.
    const assignments = (await loadAssignments(a.tx, found.user.id)).filter(
      (x) => isStaffRole(x.role) || isTrustRole(x.role),
    );
    if (!mayHaveCalendarFeed(assignments)) throw notFound();
    const actor: Actor = {
      userId: found.user.id,
      email: found.user.email,
      displayName: found.user.displayName,
      assignments,
    };
    const today = londonToday(a.now);
    const from = addDaysToDay(today, -CALENDAR_DAYS_BACK);
    const to = addDaysToDay(today, CALENDAR_DAYS_AHEAD);
    const schoolIds = [...new Set(assignments.flatMap((x) => (x.schoolId === null ? [] : [x.schoolId])))];
    const events: CalendarEvent[] = [];
    for (const schoolId of schoolIds) {
      for (const source of deps.registries.calendarEvents) {
        events.push(...(await source.events(a.tx, { actor, schoolId, from, to })));
      }
    }
    const last = found.feed.lastFetchedAt;
    if (!last || a.now.getTime() - last.getTime() >= TOUCH_MS) await markFetched(a.tx, found.feed.id, a.now);
    return calendarFeedText(events, { publicUrl: deps.config.publicUrl, stamp: a.now });
  });
}
