/**
 * Questionnaires (outcome measures) over HTTP. The routes a handed device may still use (the one
 * questionnaire the pupil is answering) say so with `config: { handedDevice: 'questionnaire' }`.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  answerParams,
  answerSchema,
  completeQuestionnaireResponse,
  customMeasureDraftShape,
  goalSchema,
  measureDefinitionSchema,
  measureListSchema,
  pupilOutcomesSchema,
  questionnaireParams,
  questionnaireSchema,
  startQuestionnaireSchema,
} from '@tandem/core';
import { noStore, requireActor } from '../http/context';
import type { SchoolRequest } from '../platform/gate';
import { addMeasure, getMeasure, listMeasures, reviseMeasure } from './use-cases/measures';
import { pupilOutcomes } from './use-cases/pupil-outcomes';
import { startQuestionnaire } from './use-cases/start-questionnaire';
import { getQuestionnaire } from './use-cases/get-questionnaire';
import { answerItem, setGoal } from './use-cases/answer-questionnaire';
import { completeQuestionnaire } from './use-cases/complete-questionnaire';
import { handToPupil } from './use-cases/hand-to-pupil';

const TAGS = ['Questionnaires'];
const schoolParams = z.object({ schoolId: z.uuid() });
const pupilParams = schoolParams.extend({ pupilId: z.uuid() });
const ok = z.object({ ok: z.literal(true) });
const HANDED = { handedDevice: 'questionnaire' as const };

function at(req: FastifyRequest & { params: { schoolId: string } }): SchoolRequest {
  return { actor: requireActor(req), schoolId: req.params.schoolId, ip: req.ip };
}

export function questionnaireRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;
  const one = '/api/schools/:schoolId/questionnaires/:questionnaireId';

  r.get(
    '/api/schools/:schoolId/measures',
    {
      schema: {
        tags: TAGS,
        summary: 'Measures the school may use, with licences',
        params: schoolParams,
        response: { 200: measureListSchema },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return listMeasures(deps, at(req));
    },
  );

  r.get(
    '/api/schools/:schoolId/measures/:measureKey',
    {
      schema: {
        tags: TAGS,
        summary: 'One measure in full',
        params: schoolParams.extend({ measureKey: z.string().min(1).max(80) }),
        response: { 200: measureDefinitionSchema },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return getMeasure(deps, at(req), req.params.measureKey);
    },
  );

  r.post(
    '/api/schools/:schoolId/measures',
    {
      schema: {
        tags: TAGS,
        summary: 'Add the school’s own questionnaire (SMHL)',
        params: schoolParams,
        body: customMeasureDraftShape,
        response: { 201: z.object({ key: z.string() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await addMeasure(deps, at(req), req.body)),
  );

  r.put(
    '/api/schools/:schoolId/measures/:measureKey',
    {
      schema: {
        tags: TAGS,
        summary: 'Change the school’s own questionnaire: a new version (SMHL)',
        params: schoolParams.extend({ measureKey: z.string().min(1).max(80) }),
        body: customMeasureDraftShape,
        response: { 200: z.object({ key: z.string(), version: z.number() }) },
      },
    },
    async (req) => reviseMeasure(deps, at(req), req.params.measureKey, req.body),
  );

  r.get(
    '/api/schools/:schoolId/pupils/:pupilId/outcomes',
    {
      schema: {
        tags: TAGS,
        summary: 'A pupil’s questionnaires and before-and-after changes (case roles; audited)',
        params: pupilParams,
        response: { 200: pupilOutcomesSchema },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return pupilOutcomes(deps, at(req), req.params.pupilId);
    },
  );

  r.post(
    '/api/schools/:schoolId/pupils/:pupilId/questionnaires',
    {
      schema: {
        tags: TAGS,
        summary: 'Start a questionnaire for a pupil',
        params: pupilParams,
        body: startQuestionnaireSchema,
        response: { 201: z.object({ id: z.uuid() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await startQuestionnaire(deps, at(req), req.params.pupilId, req.body)),
  );

  r.get(
    one,
    {
      config: HANDED,
      schema: {
        tags: TAGS,
        summary: 'A questionnaire to answer or read (audited)',
        params: questionnaireParams,
        response: { 200: questionnaireSchema },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return getQuestionnaire(deps, at(req), req.params.questionnaireId, req.auth?.handedTo?.questionnaireId ?? null);
    },
  );

  r.put(
    `${one}/answers/:itemId`,
    {
      config: HANDED,
      schema: {
        tags: TAGS,
        summary: 'Keep one answer as it is given',
        params: answerParams,
        body: answerSchema,
        response: { 200: ok },
      },
    },
    async (req) => answerItem(deps, at(req), req.params.questionnaireId, req.params.itemId, req.body.value),
  );

  r.put(
    `${one}/goals/:itemId`,
    {
      config: HANDED,
      schema: {
        tags: TAGS,
        summary: 'A goal in the pupil’s words (Goal Based Outcomes)',
        params: answerParams,
        body: goalSchema,
        response: { 200: ok },
      },
    },
    async (req) => setGoal(deps, at(req), req.params.questionnaireId, req.params.itemId, req.body.text),
  );

  r.post(
    `${one}/complete`,
    {
      config: HANDED,
      schema: {
        tags: TAGS,
        summary: 'Finish and score; a risk answer opens the urgent route',
        params: questionnaireParams,
        body: z.strictObject({}).optional(),
        response: { 200: completeQuestionnaireResponse },
      },
    },
    async (req) => {
      const answer = await completeQuestionnaire(deps, at(req), req.params.questionnaireId);
      // On a device handed to the pupil the answer is only that it is done: the scores and any
      // safety message are for the member of staff once they have taken the device back.
      return req.auth?.handedTo?.questionnaireId === req.params.questionnaireId
        ? { status: answer.status, scores: [], riskRaised: false, urgentMessage: null, onDuty: [] }
        : answer;
    },
  );

  r.post(
    `${one}/hand-to-pupil`,
    {
      schema: {
        tags: TAGS,
        summary: 'Hand this device to the pupil for this questionnaire only',
        params: questionnaireParams,
        body: z.strictObject({}).optional(),
        response: { 200: ok },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return handToPupil(
        deps,
        { actor, schoolId: req.params.schoolId, ip: req.ip },
        req.params.questionnaireId,
        req.auth!.sessionId,
      );
    },
  );
}
