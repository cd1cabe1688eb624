import type { FastifyInstance } from 'fastify';
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
  getConcern,
  listQueue,
  logConcern,
  moveToRestricted,
  myConcerns,
  recordParentsTold,
  recordPupilWillTell,
} from './concerns.service';
import { getDraft, saveDraft } from './drafts.service';

const TAGS = ['Concerns'];
const schoolParams = z.object({ schoolId: z.uuid() });
const concernParams = schoolParams.extend({ concernId: z.uuid() });

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
      const result = await logConcern(deps, requireActor(req), req.params.schoolId, req.body, req.ip);
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
      return listQueue(deps, requireActor(req), req.params.schoolId, req.query);
    },
  );

  r.get(
    '/api/schools/:schoolId/concerns/mine',
    { schema: { tags: TAGS, params: schoolParams, response: { 200: myConcernsResponse } } },
    async (req, reply) => {
      noStore(reply);
      return { concerns: await myConcerns(deps, requireActor(req), req.params.schoolId) };
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
      return getDraft(deps, requireActor(req), req.params.schoolId);
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
    async (req) => saveDraft(deps, requireActor(req), req.params.schoolId, req.body.draft),
  );

  r.get(
    '/api/schools/:schoolId/concerns/:concernId',
    { schema: { tags: TAGS, params: concernParams, response: { 200: concernViewResponse } } },
    async (req, reply) => {
      noStore(reply);
      return getConcern(deps, requireActor(req), req.params.schoolId, req.params.concernId, req.ip);
    },
  );

  const p = (req: { params: { schoolId: string; concernId: string } }) =>
    [req.params.schoolId, req.params.concernId] as const;

  r.post(
    '/api/schools/:schoolId/concerns/:concernId/acknowledge',
    { schema: { tags: TAGS, params: concernParams, body: z.strictObject({}).optional(), response: ok } },
    async (req) => {
      await acknowledge(deps, requireActor(req), ...p(req), req.ip);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/schools/:schoolId/concerns/:concernId/actions',
    {
      schema: { tags: TAGS, params: concernParams, body: addActionBody, response: { 201: z.object({ id: z.uuid() }) } },
    },
    async (req, reply) => {
      const id = await addAction(deps, requireActor(req), ...p(req), req.body, req.ip);
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
      await completeAction(deps, requireActor(req), ...p(req), req.params.actionId, req.body.note, req.ip);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/schools/:schoolId/concerns/:concernId/addenda',
    { schema: { tags: TAGS, params: concernParams, body: addAddendumBody, response: ok } },
    async (req) => {
      await addAddendum(deps, requireActor(req), ...p(req), req.body, req.ip);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/schools/:schoolId/concerns/:concernId/escalate',
    { schema: { tags: TAGS, params: concernParams, body: escalateBody, response: ok } },
    async (req) => {
      await escalateToDsl(deps, requireActor(req), ...p(req), req.body.reason, req.ip);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/schools/:schoolId/concerns/:concernId/restrict',
    { schema: { tags: TAGS, params: concernParams, body: escalateBody, response: ok } },
    async (req) => {
      await moveToRestricted(deps, requireActor(req), ...p(req), req.body.reason, req.ip);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/schools/:schoolId/concerns/:concernId/close',
    { schema: { tags: TAGS, params: concernParams, body: closeConcernBody, response: ok } },
    async (req) => {
      await closeConcern(deps, requireActor(req), ...p(req), req.body, req.ip);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/schools/:schoolId/concerns/:concernId/corrections',
    { schema: { tags: TAGS, params: concernParams, body: correctConcernBody, response: ok } },
    async (req) => {
      await correctConcern(deps, requireActor(req), ...p(req), req.body, req.ip);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/schools/:schoolId/concerns/:concernId/parents-told',
    { schema: { tags: TAGS, params: concernParams, body: recordParentsToldBody, response: ok } },
    async (req) => {
      await recordParentsTold(deps, requireActor(req), ...p(req), req.body, req.ip);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/schools/:schoolId/concerns/:concernId/pupil-will-tell-parents',
    { schema: { tags: TAGS, params: concernParams, body: z.strictObject({}).optional(), response: ok } },
    async (req) => {
      await recordPupilWillTell(deps, requireActor(req), ...p(req), req.ip);
      return { ok: true as const };
    },
  );
}
