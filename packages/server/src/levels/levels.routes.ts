import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  levelCodeSchema,
  levelDefinitionSchema,
  levelFrameworkResponse,
  rewordLevelBody,
  setLevelBody,
} from '@tandem/core';
import { noStore, requireActor } from '../http/context';
import type { SchoolRequest } from '../platform/gate';
import { getFramework } from './use-cases/get-framework';
import { getLevelVersions } from './use-cases/get-level-versions';
import { rewordLevel } from './use-cases/reword-level';
import { setPupilLevel } from './use-cases/set-pupil-level';

const TAGS = ['Levels'];
const schoolParams = z.object({ schoolId: z.uuid() });

/** Who is asking, in which school, from where. */
function schoolRequest(req: FastifyRequest & { params: { schoolId: string } }): SchoolRequest {
  return { actor: requireActor(req), schoolId: req.params.schoolId, ip: req.ip };
}

export function levelRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;

  r.get(
    '/api/schools/:schoolId/levels',
    { schema: { tags: TAGS, params: schoolParams, response: { 200: levelFrameworkResponse } } },
    async (req, reply) => {
      noStore(reply);
      return { levels: await getFramework(deps, schoolRequest(req)) };
    },
  );

  r.get(
    '/api/schools/:schoolId/levels/:code/versions',
    {
      schema: {
        tags: TAGS,
        params: schoolParams.extend({ code: levelCodeSchema }),
        response: { 200: z.object({ versions: z.array(levelDefinitionSchema) }) },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return { versions: await getLevelVersions(deps, schoolRequest(req), req.params.code) };
    },
  );

  r.put(
    '/api/schools/:schoolId/levels/:code',
    {
      schema: {
        tags: TAGS,
        params: schoolParams.extend({ code: levelCodeSchema }),
        body: rewordLevelBody,
        response: { 200: levelDefinitionSchema },
      },
    },
    async (req) => rewordLevel(deps, schoolRequest(req), req.params.code, req.body),
  );

  r.post(
    '/api/schools/:schoolId/pupils/:pupilId/level',
    {
      schema: {
        tags: TAGS,
        params: schoolParams.extend({ pupilId: z.uuid() }),
        body: setLevelBody,
        response: { 200: z.object({ level: levelCodeSchema.nullable(), changeId: z.uuid() }) },
      },
    },
    async (req) => setPupilLevel(deps, schoolRequest(req), req.params.pupilId, req.body),
  );
}
