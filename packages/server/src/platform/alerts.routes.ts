import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { alertListQuery, alertListResponse, markAllReadResponse, okResponse, type Actor } from '@tandem/core';
import { noStore, requireActor } from '../http/context';
import { loggableError } from '../http/errors';
import { listAlerts, markAlertRead, markAllAlertsRead, unreadCounts } from './alerts.service';
import { sessionStillLive } from './sessions';

const TAGS = ['Alerts'];
const schoolParams = z.object({ schoolId: z.uuid() });

/** A comment line this often keeps proxies from closing a quiet stream. */
export const HEARTBEAT_MS = 25_000;

/** Who is asking, in which school: what the gate needs. */
const who = (req: FastifyRequest & { params: { schoolId: string } }) => ({
  actor: requireActor(req),
  schoolId: req.params.schoolId,
  ip: req.ip,
});

export function alertRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;
  /** Open streams, ended when the server stops so that closing does not wait on them. */
  const openStreams = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of [...openStreams]) end();
  });

  r.get(
    '/api/schools/:schoolId/alerts',
    {
      schema: {
        tags: TAGS,
        summary: 'The signed-in person’s alerts in a school, newest first, with the unread count',
        params: schoolParams,
        querystring: alertListQuery,
        response: { 200: alertListResponse },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return listAlerts(deps, who(req), req.query);
    },
  );

  r.post(
    '/api/schools/:schoolId/alerts/read-all',
    {
      schema: {
        tags: TAGS,
        params: schoolParams,
        body: z.strictObject({}).optional(),
        response: { 200: markAllReadResponse },
      },
    },
    async (req) => ({ marked: await markAllAlertsRead(deps, who(req)) }),
  );

  r.post(
    '/api/schools/:schoolId/alerts/:alertId/read',
    {
      schema: {
        tags: TAGS,
        params: schoolParams.extend({ alertId: z.uuid() }),
        body: z.strictObject({}).optional(),
        response: { 200: okResponse },
      },
    },
    async (req) => {
      await markAlertRead(deps, who(req), req.params.alertId);
      return { ok: true as const };
    },
  );

  r.get(
    '/api/alerts/stream',
    {
      schema: {
        tags: TAGS,
        summary:
          'Server-sent events: "counts" (unread alerts per school) on connecting and whenever a new alert arrives',
        produces: ['text/event-stream'],
      },
    },
    async (req, reply) => {
      const actor: Actor = requireActor(req);
      const sessionId = req.auth?.sessionId ?? '';
      reply.hijack();
      const res = reply.raw;
      // Security headers set so far (helmet's, CSP included) are already on the raw response.
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });

      let closed = false;
      let sending = false;
      let again = false;
      const send = (text: string) => {
        if (!closed) res.write(text);
      };
      const sendCounts = async (): Promise<void> => {
        if (sending) {
          again = true;
          return;
        }
        sending = true;
        try {
          do {
            again = false;
            const counts = await unreadCounts(deps, actor);
            send(`event: counts\ndata: ${JSON.stringify(counts)}\n\n`);
          } while (again && !closed);
        } finally {
          sending = false;
        }
      };
      const safely = (work: () => Promise<void>) => {
        work().catch((err: unknown) => {
          req.log.error({ err: loggableError(err) }, 'alert stream failed');
          end();
        });
      };
      const onAlert = (userId: string) => {
        if (userId === actor.userId) safely(sendCounts);
      };
      const heartbeat = setInterval(() => {
        safely(async () => {
          if (!(await sessionStillLive(deps, sessionId))) {
            send('event: signed-out\ndata: {}\n\n');
            end();
            return;
          }
          send(': keep-alive\n\n');
        });
      }, HEARTBEAT_MS);
      heartbeat.unref();
      function end(): void {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        stopListening();
        openStreams.delete(end);
        res.end();
      }
      openStreams.add(end);
      const stopListening = deps.alertBus.subscribe(onAlert);
      req.raw.on('close', end);
      res.on('error', end);
      send('retry: 10000\n\n');
      safely(sendCounts);
    },
  );
}
