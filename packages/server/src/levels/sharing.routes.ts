import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { levelLettersBody, staffBriefingBody, termlySharingSummaryResponse } from '@tandem/core';
import { noStore, requireActor } from '../http/context';
import type { SchoolRequest } from '../platform/gate';
import { generateLevelLetters } from './use-cases/generate-level-letters';
import { generateStaffBriefing } from './use-cases/generate-staff-briefing';
import { termlySharingSummary } from './use-cases/termly-sharing-summary';

const TAGS = ['Levels'];
const schoolParams = z.object({ schoolId: z.uuid() });

/** Who is asking, in which school, from where. */
function schoolRequest(req: FastifyRequest & { params: { schoolId: string } }): SchoolRequest {
  return { actor: requireActor(req), schoolId: req.params.schoolId, ip: req.ip };
}

function sendPdf(reply: FastifyReply, pdf: Buffer, filename: string) {
  noStore(reply);
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(pdf);
}

export function sharingRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;

  r.get(
    '/api/schools/:schoolId/termly-sharing',
    {
      schema: {
        tags: TAGS,
        summary: 'How many letters and briefing entries each choice would make, and when each was last made',
        params: schoolParams,
        response: { 200: termlySharingSummaryResponse },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return termlySharingSummary(deps, schoolRequest(req));
    },
  );

  r.post(
    '/api/schools/:schoolId/level-letters',
    {
      schema: {
        tags: TAGS,
        summary:
          'Letters home with each pupil’s level, one page per pupil, as one PDF; recorded as shared with parents',
        params: schoolParams,
        body: levelLettersBody,
        produces: ['application/pdf'],
      },
    },
    async (req, reply) => {
      const out = await generateLevelLetters(deps, schoolRequest(req), req.body);
      return sendPdf(reply, out.pdf, out.filename);
    },
  );

  r.post(
    '/api/schools/:schoolId/staff-briefing',
    {
      schema: {
        tags: TAGS,
        summary:
          'The staff briefing of pupils at MH2 and above by teaching group, as a PDF; recorded as shared with staff',
        params: schoolParams,
        body: staffBriefingBody.optional(),
        produces: ['application/pdf'],
      },
    },
    async (req, reply) => {
      const out = await generateStaffBriefing(deps, schoolRequest(req));
      return sendPdf(reply, out.pdf, out.filename);
    },
  );
}
