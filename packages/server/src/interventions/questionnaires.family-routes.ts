/**
 * Questionnaires in the family portal over HTTP: a parent or carer, or the pupil themself, answers
 * a questionnaire asked of them. The same bodies as the staff answering routes
 * (questionnaires.routes.ts), so the web's answering component serves both.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  answerParams,
  answerSchema,
  familyCompleteQuestionnaireResponse,
  goalSchema,
  questionnaireParams,
  questionnaireSchema,
} from '@tandem/core';
import { noStore, requireActor } from '../http/context';
import type { SchoolRequest } from '../platform/gate';
import {
  answerFamilyItem,
  completeFamilyQuestionnaire,
  getFamilyQuestionnaire,
  setFamilyGoal,
} from './use-cases/family-questionnaire';

const TAGS = ['Family'];
const ok = z.object({ ok: z.literal(true) });

function at(req: FastifyRequest & { params: { schoolId: string } }): SchoolRequest {
  return { actor: requireActor(req), schoolId: req.params.schoolId, ip: req.ip };
}

export function questionnaireFamilyRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;
  const one = '/api/family/schools/:schoolId/questionnaires/:questionnaireId';

  r.get(
    one,
    {
      schema: {
        tags: TAGS,
        summary: 'A questionnaire asked of this parent or pupil (audited; never scores for a pupil)',
        params: questionnaireParams,
        response: { 200: questionnaireSchema },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return getFamilyQuestionnaire(deps, at(req), req.params.questionnaireId);
    },
  );

  r.put(
    `${one}/answers/:itemId`,
    {
      schema: {
        tags: TAGS,
        summary: 'Keep one answer as it is given',
        params: answerParams,
        body: answerSchema,
        response: { 200: ok },
      },
    },
    async (req) => answerFamilyItem(deps, at(req), req.params.questionnaireId, req.params.itemId, req.body.value),
  );

  r.put(
    `${one}/goals/:itemId`,
    {
      schema: {
        tags: TAGS,
        summary: 'A goal in their own words (Goal Based Outcomes)',
        params: answerParams,
        body: goalSchema,
        response: { 200: ok },
      },
    },
    async (req) => setFamilyGoal(deps, at(req), req.params.questionnaireId, req.params.itemId, req.body.text),
  );

  r.post(
    `${one}/complete`,
    {
      schema: {
        tags: TAGS,
        summary: 'Finish; a risk answer opens the urgent route and the answer says to show Help now',
        params: questionnaireParams,
        body: z.strictObject({}).optional(),
        response: { 200: familyCompleteQuestionnaireResponse },
      },
    },
    async (req) => completeFamilyQuestionnaire(deps, at(req), req.params.questionnaireId),
  );
}
