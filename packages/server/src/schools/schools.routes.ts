import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createSchoolBody, schoolSchema, updateSchoolBody } from '@tandem/core';
import { noStore, requireActor } from '../http/context';
import { createSchool } from './use-cases/create-school';
import { getSchool } from './use-cases/get-school';
import { listTrustSchools } from './use-cases/list-trust-schools';
import { updateSchool } from './use-cases/update-school';

const TAGS = ['Schools'];
const trustParams = z.object({ trustId: z.uuid() });
const schoolParams = z.object({ schoolId: z.uuid() });

export function schoolRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;

  r.get(
    '/api/trusts/:trustId/schools',
    { schema: { tags: TAGS, params: trustParams, response: { 200: z.object({ schools: z.array(schoolSchema) }) } } },
    async (req, reply) => {
      noStore(reply);
      return { schools: await listTrustSchools(deps, requireActor(req), req.params.trustId, req.ip) };
    },
  );

  r.post(
    '/api/trusts/:trustId/schools',
    { schema: { tags: TAGS, params: trustParams, body: createSchoolBody, response: { 201: schoolSchema } } },
    async (req, reply) => {
      const school = await createSchool(deps, requireActor(req), req.params.trustId, req.body, req.ip);
      return reply.status(201).send(school);
    },
  );

  r.get(
    '/api/schools/:schoolId',
    { schema: { tags: TAGS, params: schoolParams, response: { 200: schoolSchema } } },
    async (req, reply) => {
      noStore(reply);
      return getSchool(deps, requireActor(req), req.params.schoolId);
    },
  );

  r.patch(
    '/api/schools/:schoolId',
    { schema: { tags: TAGS, params: schoolParams, body: updateSchoolBody, response: { 200: schoolSchema } } },
    async (req) => updateSchool(deps, requireActor(req), req.params.schoolId, req.body, req.ip),
  );
}
