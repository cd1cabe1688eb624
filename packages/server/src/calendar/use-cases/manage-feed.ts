/**
 * A member of staff's own calendar feed: whether they have one, setting one up (or renewing its
 * address, which ends the old one at once) and stopping it. Work on the person's own account, not
 * in a school: the gate's `forAccount`. Audited with the feed's id only, never its secret.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  AppError,
  mayHaveCalendarFeed,
  type Actor,
  type CalendarFeedCreatedResponse,
  type CalendarFeedResponse,
} from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { forAccount } from '../../platform/gate';
import { endFeed, insertFeed, liveFeedOf } from '../calendar.queries';

/** The secret is 256 random bits; only its SHA-256 is kept. */
export const secretHashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');

function requireStaff(actor: Actor): void {
  if (!mayHaveCalendarFeed(actor.assignments)) {
    throw new AppError('forbidden', 'calendar feed: no staff role', {
      userMessage: 'Calendar feeds are for school staff. Parents and pupils cannot set one up.',
    });
  }
}

export async function readFeed(deps: AppDeps, actor: Actor): Promise<CalendarFeedResponse> {
  requireStaff(actor);
  const feed = await liveFeedOf(deps.database.db, actor.userId);
  return {
    feed: feed
      ? { createdAt: feed.createdAt.toISOString(), lastFetchedAt: feed.lastFetchedAt?.toISOString() ?? null }
      : null,
  };
}

/** A new address, shown once. If a feed is in use, it ends now and this one replaces it. */
export async function setUpFeed(
  deps: AppDeps,
  request: { actor: Actor; ip: string | null },
): Promise<CalendarFeedCreatedResponse> {
  const { actor } = request;
  requireStaff(actor);
  return forAccount(deps, request, async (a) => {
    const old = await liveFeedOf(a.tx, actor.userId);
    if (old) await endFeed(a.tx, old.id, a.now);
    const secret = randomBytes(32).toString('base64url');
    const feed = await insertFeed(a.tx, { userId: actor.userId, secretHash: secretHashOf(secret), createdAt: a.now });
    await a.audit(
      old
        ? { action: 'calendar.feed_renewed', detail: { feedId: feed.id, endedFeedId: old.id } }
        : { action: 'calendar.feed_created', detail: { feedId: feed.id } },
      { userId: actor.userId },
    );
    return {
      address: `${deps.config.publicUrl}/calendar/${secret}.ics`,
      createdAt: feed.createdAt.toISOString(),
      renewed: old !== undefined,
    };
  });
}

/** Ends the feed in use: its address answers 404 from now on. */
export async function stopFeed(deps: AppDeps, request: { actor: Actor; ip: string | null }): Promise<void> {
  const { actor } = request;
  requireStaff(actor);
  await forAccount(deps, request, async (a) => {
    const feed = await liveFeedOf(a.tx, actor.userId);
    if (!feed) {
      throw new AppError('not_found', 'no calendar feed', { userMessage: 'You have no calendar feed to stop.' });
    }
    await endFeed(a.tx, feed.id, a.now);
    await a.audit({ action: 'calendar.feed_stopped', detail: { feedId: feed.id } }, { userId: actor.userId });
  });
}
