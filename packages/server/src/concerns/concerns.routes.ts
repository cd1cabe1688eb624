import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addActionBody,
  addAddendumBody,
  closeConcernBody,
  completeActionBody,
  concernQueueQuery,
  concernQueueResponse,
  concernViewResponse,
  correctConcernBody,
  escalateBody,
  logConcernBody,
  logConcernResponse,
  myConcernsResponse,
  okResponse,
  recordParentsToldBody,
} from '@tandem/core';
import { noStore, requireActor } from '../http/context';
import {
  acknowledge,
  addAction,
  addAddendum,
  closeConcern,
  completeAction,
  correctConcern,
  escalateToDsl,
  concernSent,
  getConcern,
  listQueue,
  logConcern,
  moveToRestricted,
  myConcerns,
  recordParentsTold,
  recordPupilWillTell,
} from './use-cases';
import { getDraft, saveDraft } from './drafts.service';

const TAGS = ['Concerns'];
const schoolParams = z.object({ schoolId: z.uuid() });
const concernParams = schoolParams.extend({ concernId: z.uuid() });

/** Who is asking, in which school: what the gate needs. */
const who = (req: FastifyRequest & { params: { schoolId: string } }) => ({
  actor: requireActor(req),
  schoolId: req.params.schoolId,
  ip: req.ip,
});

export function concernRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;
  const ok = { 200: okResponse };

  r.post(
    '/api/schools/:schoolId/concerns',
    {
      schema: {
        tags: TAGS,
        params: schoolParams,
        body: logConcernBody,
        response: { 201: logConcernResponse, 200: logConcernResponse },
      },
    },
    async (req, reply) => {
      const result = await logConcern(deps, who(req), req.body);
      return reply.status(result.alreadyReceived ? 200 : 201).send(result);
    },
  );

  r.get(
    '/api/schools/:schoolId/concerns',
    {
      schema: {
        tags: TAGS,
        params: schoolParams,
        querystring: concernQueueQuery,
        response: { 200: concernQueueResponse },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return listQueue(deps, who(req), req.query);
    },
  );

  r.get(
    '/api/schools/:schoolId/concerns/mine',
    { schema: { tags: TAGS, params: schoolParams, response: { 200: myConcernsResponse } } },
    async (req, reply) => {
      noStore(reply);
      return { concerns: await myConcerns(deps, who(req)) };
    },
  );

  r.get(
    '/api/schools/:schoolId/concerns/draft',
    {
      schema: {
        tags: TAGS,
        params: schoolParams,
        response: {
          200: z.object({ draft: z.record(z.string(), z.unknown()).nullable(), savedAt: z.string().nullable() }),
        },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return getDraft(deps, who(req));
    },
  );

  r.put(
    '/api/schools/:schoolId/concerns/draft',
    {
      schema: {
        tags: TAGS,
        params: schoolParams,
        body: z.strictObject({ draft: z.record(z.string(), z.unknown()) }),
        response: { 200: z.object({ savedAt: z.string() }) },
      },
    },
    async (req) => saveDraft(deps, who(req), req.body.draft),
  );

  r.get(
    '/api/schools/:schoolId/concerns/:concernId',
    { schema: { tags: TAGS, params: concernParams, response: { 200: concernViewResponse } } },
    async (req, reply) => {
      noStore(reply);
      return getConcern(deps, who(req), req.params.concernId);
    },
  );

  r.get(
    '/api/schools/:schoolId/concerns/:concernId/sent',
    {
      schema: {
        tags: TAGS,
        summary: 'The confirmation after logging a concern, again, for the person who logged it',
        params: concernParams,
        response: { 200: logConcernResponse },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return concernSent(deps, who(req), req.params.concernId);
    },
  );

  r.post(
    '/api/schools/:schoolId/concerns/:concernId/acknowledge',
    { schema: { tags: TAGS, params: concernParams, body: z.strictObject({}).optional(), response: ok } },
    async (req) => {
      await acknowledge(deps, who(req), req.params.concernId);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/schools/:schoolId/concerns/:concernId/actions',
    {
      schema: { tags: TAGS, params: concernParams, body: addActionBody, response: { 201: z.object({ id: z.uuid() }) } },
    },
    async (req, reply) => {
      const id = await addAction(deps, who(req), req.params.concernId, req.body);
      return reply.status(201).send({ id });
    },
  );

  r.post(
    '/api/schools/:schoolId/concerns/:concernId/actions/:actionId/complete',
    {
      schema: {
        tags: TAGS,
        params: concernParams.extend({ actionId: z.uuid() }),
        body: completeActionBody,
        response: ok,
      },
    },
    async (req) => {
      await completeAction(deps, who(req), req.params.concernId, req.params.actionId, req.body.note);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/schools/:schoolId/concerns/:concernId/addenda',
    { schema: { tags: TAGS, params: concernParams, body: addAddendumBody, response: ok } },
    async (req) => {
      await addAddendum(deps, who(req), req.params.concernId, req.body);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/schools/:schoolId/concerns/:concernId/escalate',
    { schema: { tags: TAGS, params: concernParams, body: escalateBody, response: ok } },
    async (req) => {
      await escalateToDsl(deps, who(req), req.params.concernId, req.body.reason);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/schools/:schoolId/concerns/:concernId/restrict',
    { schema: { tags: TAGS, params: concernParams, body: escalateBody, response: ok } },
    async (req) => {
      await moveToRestricted(deps, who(req), req.params.concernId, req.body.reason);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/schools/:schoolId/concerns/:concernId/close',
    { schema: { tags: TAGS, params: concernParams, body: closeConcernBody, response: ok } },
    async (req) => {
      await closeConcern(deps, who(req), req.params.concernId, req.body);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/schools/:schoolId/concerns/:concernId/corrections',
    { schema: { tags: TAGS, params: concernParams, body: correctConcernBody, response: ok } },
    async (req) => {
      await correctConcern(deps, who(req), req.params.concernId, req.body);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/schools/:schoolId/concerns/:concernId/parents-told',
    { schema: { tags: TAGS, params: concernParams, body: recordParentsToldBody, response: ok } },
    async (req) => {
      await recordParentsTold(deps, who(req), req.params.concernId, req.body);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/schools/:schoolId/concerns/:concernId/pupil-will-tell-parents',
    { schema: { tags: TAGS, params: concernParams, body: z.strictObject({}).optional(), response: ok } },
    async (req) => {
      await recordPupilWillTell(deps, who(req), req.params.concernId);
      return { ok: true as const };
    },
  );
}
