import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditListResponse, auditQuery } from '@tandem/core';
import { noStore, requireActor } from '../http/context';
import { exportSchoolAudit } from './use-cases/export-school-audit';
import { viewSchoolAudit } from './use-cases/view-school-audit';
import { viewTrustAudit } from './use-cases/view-trust-audit';

const TAGS = ['Audit trail'];

export function auditRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;

  r.get(
    '/api/schools/:schoolId/audit',
    {
      schema: {
        tags: TAGS,
        params: z.object({ schoolId: z.uuid() }),
        querystring: auditQuery,
        response: { 200: auditListResponse },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return viewSchoolAudit(deps, requireActor(req), req.params.schoolId, req.query, req.ip);
    },
  );

  r.get(
    '/api/trusts/:trustId/audit',
    {
      schema: {
        tags: TAGS,
        params: z.object({ trustId: z.uuid() }),
        querystring: auditQuery,
        response: { 200: auditListResponse },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return viewTrustAudit(deps, requireActor(req), req.params.trustId, req.query, req.ip);
    },
  );

  r.get(
    '/api/schools/:schoolId/audit.csv',
    {
      schema: {
        tags: TAGS,
        params: z.object({ schoolId: z.uuid() }),
        querystring: auditQuery.omit({ limit: true, before: true }),
      },
    },
    async (req, reply) => {
      const csv = await exportSchoolAudit(deps, requireActor(req), req.params.schoolId, req.query, req.ip);
      noStore(reply);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="audit-trail.csv"')
        .send(csv);
    },
  );
}
