/**
 * Reports over HTTP: the school's picture (screen, CSV, governors' PDF), the pupils behind a
 * number, termly reports, and the trust's view (screen, CSV). Each route parses, calls one use
 * case, and answers; every answer is private to the viewer (no-store).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  drillQuery,
  drillResponse,
  reportQuery,
  schoolReportResponse,
  termlyReportListResponse,
  termlyReportQuery,
  termlyReportResponse,
  termParams,
  trustReportResponse,
} from '@tandem/core';
import { noStore, requireActor } from '../http/context';
import type { SchoolRequest, TrustRequest } from '../platform/gate';
import { drillReport } from './use-cases/drill';
import { viewSchoolReport } from './use-cases/school-report';
import { schoolReportCsv, schoolReportPdf } from './use-cases/school-report-export';
import { listTermlyReports, printTermlyReport, viewTermlyReport } from './use-cases/termly';
import { trustReportCsv, viewTrustReport } from './use-cases/trust-report';

const TAGS = ['Reports'];
const schoolParams = z.object({ schoolId: z.uuid() });
const trustParams = z.object({ trustId: z.uuid() });

function atSchool(req: FastifyRequest & { params: { schoolId: string } }): SchoolRequest {
  return { actor: requireActor(req), schoolId: req.params.schoolId, ip: req.ip };
}

function atTrust(req: FastifyRequest & { params: { trustId: string } }): TrustRequest {
  return { actor: requireActor(req), trustId: req.params.trustId, ip: req.ip };
}

/** A CSV is saved; a PDF opens in the browser, ready to print (and can be saved from there). */
function file(reply: FastifyReply, type: string, fileName: string, body: string | Buffer) {
  noStore(reply);
  const disposition = type === PDF ? 'inline' : 'attachment';
  return reply
    .header('content-type', type)
    .header('content-disposition', `${disposition}; filename="${fileName}"`)
    .send(body);
}

const CSV = 'text/csv; charset=utf-8';
const PDF = 'application/pdf';

export function reportRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;
  const S = '/api/schools/:schoolId/reports';
  const T = '/api/trusts/:trustId/reports';

  r.get(
    S,
    {
      schema: {
        tags: TAGS,
        summary: 'The school’s figures for the days and pupils asked for (SMHL, headteacher; audited)',
        params: schoolParams,
        querystring: reportQuery,
        response: { 200: schoolReportResponse },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return viewSchoolReport(deps, atSchool(req), req.query);
    },
  );

  r.get(
    `${S}.csv`,
    {
      schema: {
        tags: TAGS,
        summary: 'One figure, or every figure, as CSV (audited)',
        params: schoolParams,
        querystring: reportQuery,
        produces: ['text/csv'],
      },
    },
    async (req, reply) => {
      const out = await schoolReportCsv(deps, atSchool(req), req.query);
      return file(reply, CSV, out.fileName, out.csv);
    },
  );

  r.get(
    `${S}.pdf`,
    {
      schema: {
        tags: TAGS,
        summary: 'The governors’ version as a PDF: counts only, small numbers hidden (audited)',
        params: schoolParams,
        querystring: reportQuery,
        produces: ['application/pdf'],
      },
    },
    async (req, reply) => {
      const out = await schoolReportPdf(deps, atSchool(req), req.query);
      return file(reply, PDF, out.fileName, out.pdf);
    },
  );

  r.get(
    `${S}/drill`,
    {
      schema: {
        tags: TAGS,
        summary: 'The pupils behind one number, those the viewer may see (audited)',
        params: schoolParams,
        querystring: drillQuery,
        response: { 200: drillResponse },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return drillReport(deps, atSchool(req), req.query);
    },
  );

  r.get(
    `${S}/termly`,
    {
      schema: {
        tags: TAGS,
        summary: 'The termly reports prepared so far, and when the next will be',
        params: schoolParams,
        response: { 200: termlyReportListResponse },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return listTermlyReports(deps, atSchool(req));
    },
  );

  r.get(
    `${S}/termly/:termKey`,
    {
      schema: {
        tags: TAGS,
        summary: 'One term’s report as prepared (audited)',
        params: termParams,
        querystring: termlyReportQuery,
        response: { 200: termlyReportResponse },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return viewTermlyReport(deps, atSchool(req), req.params.termKey, req.query.version);
    },
  );

  r.get(
    `${S}/termly/:termKey/pdf`,
    {
      schema: {
        tags: TAGS,
        summary: 'One term’s report as a PDF for governors (audited)',
        params: termParams,
        produces: ['application/pdf'],
      },
    },
    async (req, reply) => {
      const out = await printTermlyReport(deps, atSchool(req), req.params.termKey);
      return file(reply, PDF, out.fileName, out.pdf);
    },
  );

  r.get(
    T,
    {
      schema: {
        tags: TAGS,
        summary: 'Every school’s figures side by side and the trust’s, small numbers suppressed (audited)',
        params: trustParams,
        querystring: reportQuery,
        response: { 200: trustReportResponse },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return viewTrustReport(deps, atTrust(req), req.query);
    },
  );

  r.get(
    `${T}.csv`,
    {
      schema: {
        tags: TAGS,
        summary: 'The trust’s figures as CSV, suppressed as on screen (audited)',
        params: trustParams,
        querystring: reportQuery,
        produces: ['text/csv'],
      },
    },
    async (req, reply) => {
      const out = await trustReportCsv(deps, atTrust(req), req.query);
      return file(reply, CSV, out.fileName, out.csv);
    },
  );
}
