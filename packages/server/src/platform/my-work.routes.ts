import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { myWorkResponse } from '@tandem/core';
import { noStore, requireActor } from '../http/context';
import { myWork } from './my-work.service';

export function myWorkRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;
  r.get(
    '/api/schools/:schoolId/my-work',
    {
      schema: {
        tags: ['Home'],
        summary:
          'What needs the signed-in member of staff today: plans to read and confirm, next steps and actions they own, concerns awaiting their triage, 24-hour deadlines and reviews due',
        params: z.object({ schoolId: z.uuid() }),
        response: { 200: myWorkResponse },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return myWork(deps, { actor: requireActor(req), schoolId: req.params.schoolId });
    },
  );
}
