import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dslDutyResponse, setDslDutyBody } from '@tandem/core';
import { noStore, requireActor } from '../http/context';
import { getDslDuty, setDslDuty } from './duty.service';

const TAGS = ['Concerns'];
const schoolParams = z.object({ schoolId: z.uuid() });

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
      return getDslDuty(deps, requireActor(req), req.params.schoolId);
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
    async (req) => setDslDuty(deps, requireActor(req), req.params.schoolId, req.body, req.ip),
  );
}
