/**
 * The staff training record over HTTP: each person's own training, the lead's school view and its
 * CSV, adding, correcting and confirming records. Each route parses, calls one use case, answers.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addTrainingSchema,
  changeTrainingSchema,
  confirmTrainingSchema,
  myTrainingSchema,
  schoolTrainingQuery,
  schoolTrainingSchema,
  trainingRecordSchema,
  trainingSavedSchema,
} from '@tandem/core';
import { noStore, requireActor } from '../http/context';
import type { SchoolRequest } from '../platform/gate';
import { addTraining } from './use-cases/add-training';
import { changeTraining } from './use-cases/change-training';
import { confirmTraining } from './use-cases/confirm-training';
import { getTrainingRecord, myTraining } from './use-cases/read-training';
import { schoolTraining, schoolTrainingCsv } from './use-cases/school-training';

const TAGS = ['Training record'];
const schoolParams = z.object({ schoolId: z.uuid() });
const recordParams = schoolParams.extend({ recordId: z.uuid() });

function at(req: FastifyRequest & { params: { schoolId: string } }): SchoolRequest {
  return { actor: requireActor(req), schoolId: req.params.schoolId, ip: req.ip };
}

export function trainingRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;
  const S = '/api/schools/:schoolId';

  r.get(
    `${S}/my-training`,
    {
      schema: {
        tags: TAGS,
        summary: 'Your own training: what your roles need, and your records (any member of staff)',
        params: schoolParams,
        response: { 200: myTrainingSchema },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return myTraining(deps, at(req));
    },
  );

  r.get(
    `${S}/training`,
    {
      schema: {
        tags: TAGS,
        summary: 'The school view: every member of staff, due and overdue, gaps by role (training leads)',
        params: schoolParams,
        querystring: schoolTrainingQuery,
        response: { 200: schoolTrainingSchema },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return schoolTraining(deps, at(req), req.query);
    },
  );

  r.get(
    `${S}/training.csv`,
    {
      schema: {
        tags: TAGS,
        summary: 'The school view’s table as CSV (training leads; audited)',
        params: schoolParams,
        querystring: schoolTrainingQuery,
        produces: ['text/csv'],
      },
    },
    async (req, reply) => {
      const csv = await schoolTrainingCsv(deps, at(req), req.query);
      noStore(reply);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="training.csv"')
        .send(csv);
    },
  );

  r.post(
    `${S}/training`,
    {
      schema: {
        tags: TAGS,
        summary: 'Record training: your own (awaits confirmation), or anyone’s (training leads; confirmed)',
        params: schoolParams,
        body: addTrainingSchema,
        response: { 201: trainingSavedSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await addTraining(deps, at(req), req.body)),
  );

  r.get(
    `${S}/training/:recordId`,
    {
      schema: {
        tags: TAGS,
        summary: 'One training record (your own, or anyone’s for training leads)',
        params: recordParams,
        response: { 200: trainingRecordSchema },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return getTrainingRecord(deps, at(req), req.params.recordId);
    },
  );

  r.put(
    `${S}/training/:recordId`,
    {
      schema: {
        tags: TAGS,
        summary: 'Correct a training record (training leads; with the version it started from)',
        params: recordParams,
        body: changeTrainingSchema,
        response: { 200: trainingSavedSchema },
      },
    },
    async (req) => changeTraining(deps, at(req), req.params.recordId, req.body),
  );

  r.post(
    `${S}/training/:recordId/confirm`,
    {
      schema: {
        tags: TAGS,
        summary: 'Confirm training a member of staff recorded themself (training leads)',
        params: recordParams,
        body: confirmTrainingSchema,
        response: { 200: trainingSavedSchema },
      },
    },
    async (req) => confirmTraining(deps, at(req), req.params.recordId, req.body.version),
  );
}
