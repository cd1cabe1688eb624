import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dslDutyResponse, setDslDutyBody } from '@tandem/core';
import { noStore, requireActor } from '../http/context';
import { getDslDuty, setDslDuty } from './duty.service';

const TAGS = ['Concerns'];
const schoolParams = z.object({ schoolId: z.uuid() });

/** Who is asking, in which school: what the gate needs. */
const who = (req: FastifyRequest & { params: { schoolId: string } }) => ({
  actor: requireActor(req),
  schoolId: req.params.schoolId,
  ip: req.ip,
});

export function dutyRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;

  r.get(
    '/api/schools/:schoolId/dsl-duty',
    {
      schema: {
        tags: TAGS,
        summary: 'Who is on DSL duty each weekday and where to find them',
        params: schoolParams,
        response: { 200: dslDutyResponse },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return getDslDuty(deps, who(req));
    },
  );

  r.put(
    '/api/schools/:schoolId/dsl-duty',
    {
      schema: {
        tags: TAGS,
        summary: 'Replace the DSL duty rota (DSL team, headteacher or school administrator)',
        params: schoolParams,
        body: setDslDutyBody,
        response: { 200: dslDutyResponse },
      },
    },
    async (req) => setDslDuty(deps, who(req), req.body),
  );
}
