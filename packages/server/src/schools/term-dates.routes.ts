/** The school's term dates over HTTP: read by any member of staff, changed with school.termDates. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addClosureBody, addTermBody, termDatesResponse } from '@tandem/core';
import { noStore, requireActor } from '../http/context';
import type { SchoolRequest } from '../platform/gate';
import { addClosure, addTerm, readTermDates, removeClosure, removeTerm } from './term-dates.use-cases';

const TAGS = ['Term dates'];
const schoolParams = z.object({ schoolId: z.uuid() });
const created = z.object({ id: z.uuid() });
const ok = z.object({ ok: z.literal(true) });

function at(req: FastifyRequest & { params: { schoolId: string } }): SchoolRequest {
  return { actor: requireActor(req), schoolId: req.params.schoolId, ip: req.ip };
}

export function termDateRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;
  const S = '/api/schools/:schoolId/term-dates';

  r.get(
    S,
    {
      schema: {
        tags: TAGS,
        summary: 'The school’s terms and closure days',
        params: schoolParams,
        response: { 200: termDatesResponse },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return readTermDates(deps, at(req));
    },
  );
  r.post(
    `${S}/terms`,
    {
      schema: {
        tags: TAGS,
        summary: 'Add a term (school administrator, head)',
        params: schoolParams,
        body: addTermBody,
        response: { 201: created },
      },
    },
    async (req, reply) => reply.status(201).send(await addTerm(deps, at(req), req.body)),
  );
  r.delete(
    `${S}/terms/:termId`,
    {
      schema: {
        tags: TAGS,
        summary: 'Remove a term',
        params: schoolParams.extend({ termId: z.uuid() }),
        response: { 200: ok },
      },
    },
    async (req) => {
      await removeTerm(deps, at(req), req.params.termId);
      return { ok: true as const };
    },
  );
  r.post(
    `${S}/closures`,
    {
      schema: {
        tags: TAGS,
        summary: 'Add a closure day (INSET day, bank holiday)',
        params: schoolParams,
        body: addClosureBody,
        response: { 201: created },
      },
    },
    async (req, reply) => reply.status(201).send(await addClosure(deps, at(req), req.body)),
  );
  r.delete(
    `${S}/closures/:closureId`,
    {
      schema: {
        tags: TAGS,
        summary: 'Remove a closure day',
        params: schoolParams.extend({ closureId: z.uuid() }),
        response: { 200: ok },
      },
    },
    async (req) => {
      await removeClosure(deps, at(req), req.params.closureId);
      return { ok: true as const };
    },
  );
}
