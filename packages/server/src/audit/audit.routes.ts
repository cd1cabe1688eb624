import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditListResponse, auditQuery, type Actor, type AuditQuery } from '@tandem/core';
import type { AppDeps } from '../platform/deps';
import { toCsv } from '../http/csv';
import { noStore, requireActor } from '../http/context';
import { requireSchoolPermission, requireTrustPermission } from '../http/scope';
import { appendAudit } from './audit.service';
import { trustIdOfSchool } from '../schools/schools.queries';
import { listAuditEntries, type AuditScope } from './audit.queries';

const TAGS = ['Audit trail'];

function filtersOf(q: AuditQuery): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ['action', 'actorUserId', 'subjectId', 'from', 'to'] as const) {
    const v = q[key];
    if (v) out[key] = v;
  }
  return out;
}

async function readAudit(
  deps: AppDeps,
  actor: Actor,
  scope: AuditScope,
  q: AuditQuery,
  ip: string,
  exportCsv: boolean,
) {
  return deps.database.db.transaction(async (tx) => {
    const page = await listAuditEntries(tx, scope, q);
    const trustId = scope.kind === 'trust' ? scope.trustId : await trustIdOfSchool(tx, scope.schoolId);
    const ctx = { actorUserId: actor.userId, trustId, schoolId: scope.kind === 'school' ? scope.schoolId : null, ip };
    // Only the first page of a viewing is recorded, so paging back does not flood the trail.
    if (exportCsv) {
      await appendAudit(
        tx,
        deps.clock,
        { action: 'audit.exported', detail: { filters: filtersOf(q), rows: page.entries.length } },
        ctx,
      );
    } else if (!q.before) {
      await appendAudit(tx, deps.clock, { action: 'audit.viewed', detail: { filters: filtersOf(q) } }, ctx);
    }
    return page;
  });
}

const CSV_LIMIT = 10_000;

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
      const actor = requireActor(req);
      requireSchoolPermission(actor, req.params.schoolId, 'school.viewAudit');
      return readAudit(deps, actor, { kind: 'school', schoolId: req.params.schoolId }, req.query, req.ip, false);
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
      const actor = requireActor(req);
      requireTrustPermission(actor, req.params.trustId, 'trust.viewAudit');
      return readAudit(deps, actor, { kind: 'trust', trustId: req.params.trustId }, req.query, req.ip, false);
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
      const actor = requireActor(req);
      requireSchoolPermission(actor, req.params.schoolId, 'school.viewAudit');
      const page = await readAudit(
        deps,
        actor,
        { kind: 'school', schoolId: req.params.schoolId },
        { ...req.query, limit: CSV_LIMIT },
        req.ip,
        true,
      );
      const csv = toCsv(
        ['Entry', 'When (UTC)', 'Who', 'What', 'Action code', 'Subject type', 'Subject id', 'From address', 'Detail'],
        page.entries.map((e) => [
          e.seq,
          e.at,
          e.actorName ?? '',
          e.actionLabel,
          e.action,
          e.subjectType,
          e.subjectId,
          e.ip,
          e.detail,
        ]),
      );
      noStore(reply);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="audit-trail.csv"')
        .send(csv);
    },
  );
}
