import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  okResponse,
  pupilListQuery,
  pupilListResponse,
  pupilProfileResponse,
  recordLeavingBody,
  updatePupilBody,
} from '@tandem/core';
import { noStore, requireActor } from '../http/context';
import type { SchoolRequest } from '../platform/gate';
import { exportPupils } from './use-cases/export-pupils';
import { getPupilProfile } from './use-cases/get-pupil-profile';
import { listPupils } from './use-cases/list-pupils';
import { updatePupil } from './use-cases/update-pupil';
import { recordLeaving } from './use-cases/record-leaving';

const TAGS = ['Pupils'];
const schoolParams = z.object({ schoolId: z.uuid() });
const pupilParams = schoolParams.extend({ pupilId: z.uuid() });

/** Who is asking, in which school, from where. */
function schoolRequest(req: FastifyRequest & { params: { schoolId: string } }): SchoolRequest {
  return { actor: requireActor(req), schoolId: req.params.schoolId, ip: req.ip };
}

export function pupilRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;

  r.get(
    '/api/schools/:schoolId/pupils',
    { schema: { tags: TAGS, params: schoolParams, querystring: pupilListQuery, response: { 200: pupilListResponse } } },
    async (req, reply) => {
      noStore(reply);
      return listPupils(deps, schoolRequest(req), req.query);
    },
  );

  r.get(
    '/api/schools/:schoolId/pupils.csv',
    {
      schema: {
        tags: TAGS,
        summary: 'The pupil list as CSV, with the same filters and rules as the list (audited)',
        params: schoolParams,
        querystring: pupilListQuery.omit({ after: true, limit: true }),
        produces: ['text/csv'],
      },
    },
    async (req, reply) => {
      const csv = await exportPupils(deps, schoolRequest(req), { ...req.query, limit: 25 });
      noStore(reply);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="pupils.csv"')
        .send(csv);
    },
  );

  r.get(
    '/api/schools/:schoolId/pupils/:pupilId',
    { schema: { tags: TAGS, params: pupilParams, response: { 200: pupilProfileResponse } } },
    async (req, reply) => {
      noStore(reply);
      return getPupilProfile(deps, schoolRequest(req), req.params.pupilId);
    },
  );

  r.patch(
    '/api/schools/:schoolId/pupils/:pupilId',
    { schema: { tags: TAGS, params: pupilParams, body: updatePupilBody, response: { 200: okResponse } } },
    async (req) => {
      await updatePupil(deps, schoolRequest(req), req.params.pupilId, req.body);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/schools/:schoolId/pupils/:pupilId/leaving',
    {
      schema: {
        tags: TAGS,
        summary:
          'Record that a pupil leaves, with the next school if known (case roles; sets up the transfer of files)',
        params: pupilParams,
        body: recordLeavingBody,
        response: { 200: okResponse },
      },
    },
    async (req) => {
      await recordLeaving(deps, schoolRequest(req), req.params.pupilId, req.body);
      return { ok: true as const };
    },
  );
}
