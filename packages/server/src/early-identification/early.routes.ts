/**
 * Early identification over HTTP (the SMHL): the pupils to review, recording a review, the rules
 * (read and change) and how often each fires by group. Each route parses, calls one use case, and
 * answers.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  earlyListResponse,
  earlyRatesResponse,
  earlyReviewBody,
  earlyReviewResponse,
  earlyRuleChangeBody,
  earlyRulesResponse,
  earlyRuleView,
} from '@tandem/core';
import { noStore, requireActor } from '../http/context';
import type { SchoolRequest } from '../platform/gate';
import { changeEarlyRule } from './use-cases/change-rule';
import { listPupilsToReview } from './use-cases/list-pupils';
import { readEarlyRates } from './use-cases/read-rates';
import { readEarlyRules } from './use-cases/read-rules';
import { reviewPupil } from './use-cases/review-pupil';

const TAGS = ['Early identification'];
const schoolParams = z.object({ schoolId: z.uuid() });
const pupilParams = schoolParams.extend({ pupilId: z.uuid() });

function at(req: FastifyRequest & { params: { schoolId: string } }): SchoolRequest {
  return { actor: requireActor(req), schoolId: req.params.schoolId, ip: req.ip };
}

export function earlyRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;
  const P = '/api/schools/:schoolId/early';

  r.get(
    `${P}/pupils`,
    {
      schema: {
        tags: TAGS,
        summary: 'The pupils to review: each with the rules that fired and the figures behind them (SMHL)',
        params: schoolParams,
        response: { 200: earlyListResponse },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return listPupilsToReview(deps, at(req));
    },
  );

  r.post(
    `${P}/pupils/:pupilId/reviews`,
    {
      schema: {
        tags: TAGS,
        summary: 'Record a review of a pupil: no action, a level change or a referral, with the reason (SMHL)',
        params: pupilParams,
        body: earlyReviewBody,
        response: { 201: earlyReviewResponse },
      },
    },
    async (req, reply) => reply.status(201).send(await reviewPupil(deps, at(req), req.params.pupilId, req.body)),
  );

  r.get(
    `${P}/rules`,
    {
      schema: {
        tags: TAGS,
        summary: 'The early identification rules in plain words, with their settings (SMHL)',
        params: schoolParams,
        response: { 200: earlyRulesResponse },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return readEarlyRules(deps, at(req));
    },
  );

  r.put(
    `${P}/rules`,
    {
      schema: {
        tags: TAGS,
        summary: 'Switch a rule on or off or change its settings (SMHL)',
        params: schoolParams,
        body: earlyRuleChangeBody,
        response: { 200: earlyRuleView },
      },
    },
    async (req) => changeEarlyRule(deps, at(req), req.body),
  );

  r.get(
    `${P}/rates`,
    {
      schema: {
        tags: TAGS,
        summary: 'How often each rule fires in each group of pupils, against the whole school (SMHL)',
        params: schoolParams,
        response: { 200: earlyRatesResponse },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return readEarlyRates(deps, at(req));
    },
  );
}
