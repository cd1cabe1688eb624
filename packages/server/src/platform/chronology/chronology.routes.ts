import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { chronologyResponse } from '@tandem/core';
import { noStore, requireActor } from '../../http/context';
import type { SchoolRequest } from '../gate';
import { exportChronologyPdf, getChronology } from './chronology.service';

const TAGS = ['Pupils'];
const pupilParams = z.object({ schoolId: z.uuid(), pupilId: z.uuid() });
/** Newest first unless asked: local authorities and courts read oldest first. */
const chronologyPdfQuery = z.object({
  order: z.enum(['oldest', 'newest'], { error: 'Choose oldest first or newest first' }).default('newest'),
});

/** Who is asking, in which school, from where. */
function schoolRequest(req: FastifyRequest & { params: { schoolId: string } }): SchoolRequest {
  return { actor: requireActor(req), schoolId: req.params.schoolId, ip: req.ip };
}

/** The pupil's chronology on screen and as a PDF, under the pupil's address. */
export function chronologyRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;

  r.get(
    '/api/schools/:schoolId/pupils/:pupilId/chronology',
    { schema: { tags: TAGS, params: pupilParams, response: { 200: chronologyResponse } } },
    async (req, reply) => {
      noStore(reply);
      return { entries: await getChronology(deps, schoolRequest(req), req.params.pupilId) };
    },
  );

  r.get(
    '/api/schools/:schoolId/pupils/:pupilId/chronology.pdf',
    {
      schema: {
        tags: TAGS,
        summary:
          'The chronology as a confidential PDF, filtered as on screen, newest or oldest first (case roles; audited)',
        params: pupilParams,
        querystring: chronologyPdfQuery,
        produces: ['application/pdf'],
      },
    },
    async (req, reply) => {
      const out = await exportChronologyPdf(deps, schoolRequest(req), req.params.pupilId, req.query.order);
      noStore(reply);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${out.filename}"`)
        .send(out.pdf);
    },
  );
}
