import type { FastifyInstance } from 'fastify';
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
import { getFramework, getLevelVersions, rewordLevel, setPupilLevel } from './levels.service';

const TAGS = ['Levels'];
const schoolParams = z.object({ schoolId: z.uuid() });

export function levelRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;

  r.get(
    '/api/schools/:schoolId/levels',
    { schema: { tags: TAGS, params: schoolParams, response: { 200: levelFrameworkResponse } } },
    async (req, reply) => {
      noStore(reply);
      return { levels: await getFramework(deps, requireActor(req), req.params.schoolId) };
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
      return { versions: await getLevelVersions(deps, requireActor(req), req.params.schoolId, req.params.code) };
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
    async (req) => rewordLevel(deps, requireActor(req), req.params.schoolId, req.params.code, req.body, req.ip),
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
    async (req) => setPupilLevel(deps, requireActor(req), req.params.schoolId, req.params.pupilId, req.body, req.ip),
  );
}
