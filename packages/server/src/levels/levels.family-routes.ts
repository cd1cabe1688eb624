/** The levels feature's routes for parents: a termly letter again, as a PDF. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { letterParams } from '@tandem/core';
import { noStore, requireActor } from '../http/context';
import { downloadFamilyLetter } from './use-cases/download-family-letter';

const TAGS = ['Family'];

export function levelFamilyRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;

  r.get(
    '/api/family/schools/:schoolId/children/:pupilId/letters/:letterId/pdf',
    {
      schema: {
        tags: TAGS,
        summary: 'A termly letter about the child, as it was shared, as a PDF (a linked parent; audited)',
        params: letterParams,
        produces: ['application/pdf'],
      },
    },
    async (req, reply) => {
      const { schoolId, pupilId, letterId } = req.params;
      const out = await downloadFamilyLetter(
        deps,
        { actor: requireActor(req), schoolId, ip: req.ip },
        pupilId,
        letterId,
      );
      noStore(reply);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${out.filename}"`)
        .send(out.pdf);
    },
  );
}
