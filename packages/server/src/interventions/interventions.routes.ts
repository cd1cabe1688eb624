/**
 * Interventions and their waiting lists over HTTP: each route parses, calls one use case, and
 * answers. The use cases go through the gate (platform/gate.ts).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  allocatePlaceSchema,
  changeInterventionSchema,
  endPlaceSchema,
  interventionDetailSchema,
  interventionInputSchema,
  interventionListSchema,
  interventionParams,
  movePlaceSchema,
  outcomesReportSchema,
  placeParams,
  pupilPlacesSchema,
  recordSessionSchema,
  requestPlaceSchema,
  withdrawPlaceSchema,
} from '@tandem/core';
import { noStore, requireActor } from '../http/context';
import type { SchoolRequest } from '../platform/gate';
import { listInterventionsOf } from './use-cases/list-interventions';
import { addIntervention, changeIntervention } from './use-cases/save-intervention';
import { getIntervention } from './use-cases/get-intervention';
import { requestPlace } from './use-cases/request-place';
import { movePlace } from './use-cases/move-place';
import { allocatePlace } from './use-cases/allocate-place';
import { endPlace } from './use-cases/end-place';
import { withdrawPlace } from './use-cases/withdraw-place';
import { recordParentsTold } from './use-cases/record-parents-told';
import { printLetter } from './use-cases/print-letter';
import { recordSession } from './use-cases/record-session';
import { outcomesReport } from './use-cases/outcomes-report';
import { pupilPlaces } from './use-cases/pupil-places';
import { outcomesCsv } from './outcomes.csv';

const TAGS = ['Interventions'];
const schoolParams = z.object({ schoolId: z.uuid() });
const pupilParams = schoolParams.extend({ pupilId: z.uuid() });
const created = z.object({ id: z.uuid() });
const ok = z.object({ ok: z.literal(true) });

function at(req: FastifyRequest & { params: { schoolId: string } }): SchoolRequest {
  return { actor: requireActor(req), schoolId: req.params.schoolId, ip: req.ip };
}

export function interventionRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;
  const base = '/api/schools/:schoolId/interventions';
  const one = `${base}/:interventionId`;
  const place = `${one}/places/:placeId`;

  r.get(
    base,
    {
      schema: {
        tags: TAGS,
        summary: 'The school’s interventions (any staff; no pupil named)',
        params: schoolParams,
        response: { 200: interventionListSchema },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return listInterventionsOf(deps, at(req));
    },
  );

  r.post(
    base,
    {
      schema: {
        tags: TAGS,
        summary: 'Add an intervention (SMHL)',
        params: schoolParams,
        body: interventionInputSchema,
        response: { 201: created },
      },
    },
    async (req, reply) => reply.status(201).send(await addIntervention(deps, at(req), req.body)),
  );

  r.get(
    one,
    {
      schema: {
        tags: TAGS,
        summary: 'An intervention, its waiting list, places and sessions (case roles and its staff; audited)',
        params: interventionParams,
        response: { 200: interventionDetailSchema },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return getIntervention(deps, at(req), req.params.interventionId);
    },
  );

  r.put(
    one,
    {
      schema: {
        tags: TAGS,
        summary: 'Change an intervention (SMHL)',
        params: interventionParams,
        body: changeInterventionSchema,
        response: { 200: created },
      },
    },
    async (req) => changeIntervention(deps, at(req), req.params.interventionId, req.body),
  );

  r.post(
    `${one}/requests`,
    {
      schema: {
        tags: TAGS,
        summary: 'Ask for a place for a pupil',
        params: interventionParams,
        body: requestPlaceSchema,
        response: { 201: created },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await requestPlace(deps, at(req), req.params.interventionId, req.body)),
  );

  r.post(
    `${one}/waiting-list/moves`,
    {
      schema: {
        tags: TAGS,
        summary: 'Move a pupil on the waiting list, with a reason (SMHL)',
        params: interventionParams,
        body: movePlaceSchema,
        response: { 200: ok },
      },
    },
    async (req) => movePlace(deps, at(req), req.params.interventionId, req.body),
  );

  r.post(
    `${one}/allocations`,
    {
      schema: {
        tags: TAGS,
        summary: 'Give a waiting pupil a place (SMHL)',
        params: interventionParams,
        body: allocatePlaceSchema,
        response: { 200: z.object({ id: z.uuid(), baselineQuestionnaireId: z.uuid().nullable() }) },
      },
    },
    async (req) => allocatePlace(deps, at(req), req.params.interventionId, req.body),
  );

  r.post(
    `${place}/end`,
    {
      schema: {
        tags: TAGS,
        summary: 'A pupil completes or leaves early',
        params: placeParams,
        body: endPlaceSchema,
        response: { 200: z.object({ id: z.uuid(), followUpQuestionnaireId: z.uuid().nullable() }) },
      },
    },
    async (req) => endPlace(deps, at(req), req.params.interventionId, req.params.placeId, req.body),
  );

  r.post(
    `${place}/withdraw`,
    {
      schema: {
        tags: TAGS,
        summary: 'Take a pupil off the waiting list',
        params: placeParams,
        body: withdrawPlaceSchema,
        response: { 200: ok },
      },
    },
    async (req) => withdrawPlace(deps, at(req), req.params.interventionId, req.params.placeId, req.body),
  );

  r.post(
    `${place}/parents-told`,
    {
      schema: {
        tags: TAGS,
        summary: 'Record that parents were told',
        params: placeParams,
        body: z.strictObject({}).optional(),
        response: { 200: ok },
      },
    },
    async (req) => recordParentsTold(deps, at(req), req.params.interventionId, req.params.placeId),
  );

  r.get(
    `${place}/letter.pdf`,
    {
      schema: {
        tags: TAGS,
        summary: 'The letter home when a pupil starts (PDF; audited)',
        params: placeParams,
        produces: ['application/pdf'],
      },
    },
    async (req, reply) => {
      const out = await printLetter(deps, at(req), req.params.interventionId, req.params.placeId);
      noStore(reply);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${out.fileName}"`)
        .send(out.pdf);
    },
  );

  r.post(
    `${one}/sessions`,
    {
      schema: {
        tags: TAGS,
        summary: 'Record a session (its staff and the SMHL)',
        params: interventionParams,
        body: recordSessionSchema,
        response: { 201: created },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await recordSession(deps, at(req), req.params.interventionId, req.body)),
  );

  r.get(
    '/api/schools/:schoolId/intervention-outcomes',
    {
      schema: {
        tags: TAGS,
        summary: 'Outcomes of interventions this school year (SMHL, headteacher; audited)',
        params: schoolParams,
        response: { 200: outcomesReportSchema },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return outcomesReport(deps, at(req), 'screen');
    },
  );

  r.get(
    '/api/schools/:schoolId/intervention-outcomes.csv',
    {
      schema: {
        tags: TAGS,
        summary: 'Outcomes of interventions as CSV (audited)',
        params: schoolParams,
        produces: ['text/csv'],
      },
    },
    async (req, reply) => {
      const report = await outcomesReport(deps, at(req), 'csv');
      noStore(reply);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="intervention-outcomes.csv"')
        .send(outcomesCsv(report));
    },
  );

  r.get(
    '/api/schools/:schoolId/pupils/:pupilId/interventions',
    {
      schema: {
        tags: TAGS,
        summary: 'A pupil’s places on interventions (case roles)',
        params: pupilParams,
        response: { 200: pupilPlacesSchema },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return pupilPlaces(deps, at(req), req.params.pupilId);
    },
  );
}
