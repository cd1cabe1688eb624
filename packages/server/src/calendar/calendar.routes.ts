/**
 * Calendar feeds over HTTP: a member of staff's own feed (whether they have one, set up or renew,
 * stop), and the secret address calendars fetch without a session, rate-limited per address like
 * the other session-less routes, answering text/calendar that no cache keeps.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { calendarFeedCreatedResponse, calendarFeedResponse, okResponse } from '@tandem/core';
import { noStore, requireActor } from '../http/context';
import { readFeed, setUpFeed, stopFeed } from './use-cases/manage-feed';
import { fetchFeed } from './use-cases/fetch-feed';

const TAGS = ['Calendar feed'];
const FEED = '/api/account/calendar-feed';

export function calendarRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;
  const limit = { rateLimit: { max: deps.config.signInRateLimitPerMinute, timeWindow: '1 minute' } };

  r.get(
    FEED,
    {
      schema: {
        tags: TAGS,
        summary: 'Whether you have a private calendar feed, and since when (staff)',
        response: { 200: calendarFeedResponse },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return readFeed(deps, requireActor(req));
    },
  );
  r.post(
    FEED,
    {
      schema: {
        tags: TAGS,
        summary: 'Set up your calendar feed, or renew its address (the old one ends); shown once',
        response: { 200: calendarFeedCreatedResponse },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return setUpFeed(deps, { actor: requireActor(req), ip: req.ip });
    },
  );
  r.delete(
    FEED,
    {
      schema: { tags: TAGS, summary: 'Stop your calendar feed (its address ends)', response: { 200: okResponse } },
    },
    async (req) => {
      await stopFeed(deps, { actor: requireActor(req), ip: req.ip });
      return { ok: true as const };
    },
  );

  // Fetched by Outlook, Google Calendar and others: no session; the secret is the key.
  r.get(
    '/calendar/:file',
    {
      config: limit,
      schema: {
        tags: TAGS,
        summary: 'A private calendar feed (iCalendar) by its secret address',
        security: [],
        params: z.object({ file: z.string().max(100) }),
      },
    },
    async (req, reply) => {
      const secret = req.params.file.endsWith('.ics') ? req.params.file.slice(0, -4) : '';
      const text = await fetchFeed(deps, secret, req.ip);
      return reply
        .header('cache-control', 'private, no-store')
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', 'inline; filename="tandem.ics"')
        .send(text);
    },
  );
}
