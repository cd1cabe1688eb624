import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  chronologyResponse,
  okResponse,
  pupilListQuery,
  pupilListResponse,
  pupilProfileResponse,
  updatePupilBody,
} from '@tandem/core';
import { noStore, requireActor } from '../http/context';
import { exportChronologyPdf, getChronology } from './chronology';
import { exportPupils, getPupilProfile, listPupils, updatePupil } from './pupils.service';

const TAGS = ['Pupils'];
const schoolParams = z.object({ schoolId: z.uuid() });
const pupilParams = schoolParams.extend({ pupilId: z.uuid() });

export function pupilRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;

  r.get(
    '/api/schools/:schoolId/pupils',
    { schema: { tags: TAGS, params: schoolParams, querystring: pupilListQuery, response: { 200: pupilListResponse } } },
    async (req, reply) => {
      noStore(reply);
      return listPupils(deps, requireActor(req), req.params.schoolId, req.query);
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
      const csv = await exportPupils(deps, requireActor(req), req.params.schoolId, { ...req.query, limit: 25 }, req.ip);
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
      return getPupilProfile(deps, requireActor(req), req.params.schoolId, req.params.pupilId, req.ip);
    },
  );

  r.get(
    '/api/schools/:schoolId/pupils/:pupilId/chronology',
    { schema: { tags: TAGS, params: pupilParams, response: { 200: chronologyResponse } } },
    async (req, reply) => {
      noStore(reply);
      return { entries: await getChronology(deps, requireActor(req), req.params.schoolId, req.params.pupilId, req.ip) };
    },
  );

  r.get(
    '/api/schools/:schoolId/pupils/:pupilId/chronology.pdf',
    {
      schema: {
        tags: TAGS,
        summary: 'The chronology as a confidential PDF, filtered as on screen (case roles; audited)',
        params: pupilParams,
        produces: ['application/pdf'],
      },
    },
    async (req, reply) => {
      const out = await exportChronologyPdf(deps, requireActor(req), req.params.schoolId, req.params.pupilId, req.ip);
      noStore(reply);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${out.filename}"`)
        .send(out.pdf);
    },
  );

  r.patch(
    '/api/schools/:schoolId/pupils/:pupilId',
    { schema: { tags: TAGS, params: pupilParams, body: updatePupilBody, response: { 200: okResponse } } },
    async (req) => {
      await updatePupil(deps, requireActor(req), req.params.schoolId, req.params.pupilId, req.body, req.ip);
      return { ok: true as const };
    },
  );
}
