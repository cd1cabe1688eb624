/**
 * The self-assessment over HTTP: the list, one assessment, year on year (screen and CSV), the
 * records a statement may cite, and starting, rating and confirming. Each route parses, calls one
 * use case, and answers.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  assessmentDetailSchema,
  assessmentListSchema,
  assessmentProgressSchema,
  evidenceRecordsSchema,
  progressQuery,
  savedStatementSchema,
  saveStatementSchema,
  startAssessmentSchema,
} from '@tandem/core';
import { noStore, requireActor } from '../http/context';
import type { SchoolRequest } from '../platform/gate';
import { confirmAssessment } from './use-cases/assessment-confirm';
import {
  getSelfAssessment,
  listSelfAssessments,
  selfAssessmentEvidenceRecords,
  selfAssessmentProgress,
  selfAssessmentProgressCsv,
} from './use-cases/assessment-read';
import { saveStatement } from './use-cases/assessment-save-statement';
import { startAssessment } from './use-cases/assessment-start';

const TAGS = ['Self-assessment'];
const schoolParams = z.object({ schoolId: z.uuid() });
const assessmentParams = schoolParams.extend({ assessmentId: z.uuid() });
const statementParams = assessmentParams.extend({ statementKey: z.string().min(1).max(80) });

function at(req: FastifyRequest & { params: { schoolId: string } }): SchoolRequest {
  return { actor: requireActor(req), schoolId: req.params.schoolId, ip: req.ip };
}

export function assessmentRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;
  const S = '/api/schools/:schoolId/self-assessments';

  r.get(
    S,
    {
      schema: {
        tags: TAGS,
        summary: 'The school’s self-assessments, newest first (contributors and the lead)',
        params: schoolParams,
        response: { 200: assessmentListSchema },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return listSelfAssessments(deps, at(req));
    },
  );

  r.post(
    S,
    {
      schema: {
        tags: TAGS,
        summary: 'Start a self-assessment of a framework for a year or term (the lead)',
        params: schoolParams,
        body: startAssessmentSchema,
        response: { 201: z.object({ id: z.uuid() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await startAssessment(deps, at(req), req.body)),
  );

  r.get(
    `${S}/progress`,
    {
      schema: {
        tags: TAGS,
        summary: 'Year on year: each area’s rating per assessment, oldest first',
        params: schoolParams,
        querystring: progressQuery,
        response: { 200: assessmentProgressSchema },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return selfAssessmentProgress(deps, at(req), req.query.framework);
    },
  );

  r.get(
    `${S}/progress.csv`,
    {
      schema: {
        tags: TAGS,
        summary: 'Year on year as CSV',
        params: schoolParams,
        querystring: progressQuery,
        produces: ['text/csv'],
      },
    },
    async (req, reply) => {
      const csv = await selfAssessmentProgressCsv(deps, at(req), req.query.framework);
      noStore(reply);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="self-assessment-${req.query.framework}.csv"`)
        .send(csv);
    },
  );

  r.get(
    `${S}/evidence-records`,
    {
      schema: {
        tags: TAGS,
        summary: 'Records in Tandem a statement may cite as evidence',
        params: schoolParams,
        response: { 200: evidenceRecordsSchema },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return selfAssessmentEvidenceRecords(deps, at(req));
    },
  );

  r.get(
    `${S}/:assessmentId`,
    {
      schema: {
        tags: TAGS,
        summary: 'One self-assessment with its areas, statements, ratings and evidence',
        params: assessmentParams,
        response: { 200: assessmentDetailSchema },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return getSelfAssessment(deps, at(req), req.params.assessmentId);
    },
  );

  r.put(
    `${S}/:assessmentId/statements/:statementKey`,
    {
      schema: {
        tags: TAGS,
        summary: 'Save one statement’s rating and evidence (contributors; refused if changed meanwhile)',
        params: statementParams,
        body: saveStatementSchema,
        response: { 200: savedStatementSchema },
      },
    },
    async (req) => saveStatement(deps, at(req), req.params.assessmentId, req.params.statementKey, req.body),
  );

  r.post(
    `${S}/:assessmentId/confirm`,
    {
      schema: {
        tags: TAGS,
        summary: 'Confirm a self-assessment once every statement is rated (the lead)',
        params: assessmentParams,
        body: z.strictObject({}).optional(),
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (req) => confirmAssessment(deps, at(req), req.params.assessmentId),
  );
}
