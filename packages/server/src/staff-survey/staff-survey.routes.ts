/**
 * The anonymous staff wellbeing survey over HTTP. Each route parses, calls one use case, answers.
 * Answering returns nothing about the response; results come only once a survey has closed.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  answerInputSchema,
  freeTextRequestSchema,
  freeTextSchema,
  surveyDetailSchema,
  surveyInputSchema,
  surveyListSchema,
  surveyResultsSchema,
} from '@tandem/core';
import { noStore, requireActor } from '../http/context';
import type { SchoolRequest } from '../platform/gate';
import { getSurvey, listSurveys } from './use-cases/read-surveys';
import { changeSurvey, closeSurvey, createSurvey, openSurvey, remindSurvey } from './use-cases/manage-survey';
import { answerSurvey } from './use-cases/answer-survey';
import { surveyFreeText, surveyResults, surveyResultsCsv } from './use-cases/survey-results';

const TAGS = ['Staff wellbeing survey'];
const schoolParams = z.object({ schoolId: z.uuid() });
const surveyParams = schoolParams.extend({ surveyId: z.uuid() });
const empty = z.strictObject({}).optional();

function at(req: FastifyRequest & { params: { schoolId: string } }): SchoolRequest {
  return { actor: requireActor(req), schoolId: req.params.schoolId, ip: req.ip };
}

export function staffSurveyRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;
  const S = '/api/schools/:schoolId/staff-surveys';

  r.get(
    S,
    {
      schema: {
        tags: TAGS,
        summary: 'Surveys: all with counts for the head and SMHL; open ones I am asked to answer for others',
        params: schoolParams,
        response: { 200: surveyListSchema },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return listSurveys(deps, at(req));
    },
  );

  r.post(
    S,
    {
      schema: {
        tags: TAGS,
        summary: 'Prepare a survey (head, SMHL); the built-in statements unless given',
        params: schoolParams,
        body: surveyInputSchema,
        response: { 201: z.object({ id: z.uuid() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await createSurvey(deps, at(req), req.body)),
  );

  r.get(
    `${S}/:surveyId`,
    {
      schema: {
        tags: TAGS,
        summary: 'A survey and its statements',
        params: surveyParams,
        response: { 200: surveyDetailSchema },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return getSurvey(deps, at(req), req.params.surveyId);
    },
  );

  r.put(
    `${S}/:surveyId`,
    {
      schema: {
        tags: TAGS,
        summary: 'Change a draft survey (head, SMHL)',
        params: surveyParams,
        body: surveyInputSchema,
        response: { 200: z.object({ id: z.uuid() }) },
      },
    },
    async (req) => changeSurvey(deps, at(req), req.params.surveyId, req.body),
  );

  r.post(
    `${S}/:surveyId/open`,
    {
      schema: {
        tags: TAGS,
        summary: 'Open a draft survey: invite its audience by e-mail (head, SMHL)',
        params: surveyParams,
        body: empty,
        response: { 200: z.object({ invited: z.number().int() }) },
      },
    },
    async (req) => openSurvey(deps, at(req), req.params.surveyId),
  );

  r.post(
    `${S}/:surveyId/close`,
    {
      schema: {
        tags: TAGS,
        summary: 'Close an open survey (head, SMHL)',
        params: surveyParams,
        body: empty,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (req) => closeSurvey(deps, at(req), req.params.surveyId),
  );

  r.post(
    `${S}/:surveyId/remind`,
    {
      schema: {
        tags: TAGS,
        summary: 'E-mail a reminder to those invited who have not answered; the count only (head, SMHL)',
        params: surveyParams,
        body: empty,
        response: { 200: z.object({ reminded: z.number().int() }) },
      },
    },
    async (req) => remindSurvey(deps, at(req), req.params.surveyId),
  );

  r.post(
    `${S}/:surveyId/answers`,
    {
      schema: {
        tags: TAGS,
        summary: 'Answer a survey I was asked to, once; nothing of the response comes back',
        params: surveyParams,
        body: answerInputSchema,
        response: { 201: z.object({ answered: z.literal(true) }) },
      },
    },
    async (req, reply) => reply.status(201).send(await answerSurvey(deps, at(req), req.params.surveyId, req.body)),
  );

  r.get(
    `${S}/:surveyId/results`,
    {
      schema: {
        tags: TAGS,
        summary: 'Results of a closed survey, groups under five suppressed (head, SMHL; audited)',
        params: surveyParams,
        response: { 200: surveyResultsSchema },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return surveyResults(deps, at(req), req.params.surveyId);
    },
  );

  r.get(
    `${S}/:surveyId/results.csv`,
    {
      schema: {
        tags: TAGS,
        summary: 'The suppressed results table as CSV (head, SMHL; audited)',
        params: surveyParams,
        produces: ['text/csv'],
      },
    },
    async (req, reply) => {
      const csv = await surveyResultsCsv(deps, at(req), req.params.surveyId);
      noStore(reply);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="staff-survey-results.csv"')
        .send(csv);
    },
  );

  r.post(
    `${S}/:surveyId/results/free-text`,
    {
      schema: {
        tags: TAGS,
        summary: 'What staff wrote, from groups of at least five, after confirming (head, SMHL; audited)',
        params: surveyParams,
        body: freeTextRequestSchema,
        response: { 200: freeTextSchema },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return surveyFreeText(deps, at(req), req.params.surveyId);
    },
  );
}
