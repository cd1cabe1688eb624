/**
 * Referrals over HTTP: each route parses, calls one use case, and
 * answers. The use cases go through the gate (platform/gate.ts).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  referralDetailSchema,
  referralListSchema,
  referralParams,
  referralStepSchema,
  referralWaitsSchema,
  saveReferralSchema,
  shareReferralSchema,
  startReferralSchema,
} from '@tandem/core';
import { noStore, requireActor } from '../http/context';
import type { SchoolRequest } from '../platform/gate';
import { startReferral } from './use-cases/start-referral';
import { getReferral } from './use-cases/get-referral';
import { saveReferral } from './use-cases/save-referral';
import { stepReferral } from './use-cases/step-referral';
import { shareReferral } from './use-cases/share-referral';
import { pupilReferrals } from './use-cases/list-referrals';
import { referralLetter } from './use-cases/referral-letter';
import { referralWaitsView } from './use-cases/referral-waits';
import { referralWaitsCsv } from './waits';

const TAGS = ['Referrals and services'];
const schoolParams = z.object({ schoolId: z.uuid() });
const pupilParams = schoolParams.extend({ pupilId: z.uuid() });
const created = z.object({ id: z.uuid() });
const saved = z.object({ id: z.uuid(), version: z.number() });

function at(req: FastifyRequest & { params: { schoolId: string } }): SchoolRequest {
  return { actor: requireActor(req), schoolId: req.params.schoolId, ip: req.ip };
}

export function referralRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;
  const S = '/api/schools/:schoolId';

  r.get(
    `${S}/pupils/:pupilId/referrals`,
    {
      schema: {
        tags: TAGS,
        summary: 'A pupil’s referrals (case roles; audited)',
        params: pupilParams,
        response: { 200: referralListSchema },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return pupilReferrals(deps, at(req), req.params.pupilId);
    },
  );

  r.post(
    `${S}/pupils/:pupilId/referrals`,
    {
      schema: {
        tags: TAGS,
        summary: 'Start a referral (case roles), or a CAMHS referral in an emergency (any staff)',
        params: pupilParams,
        body: startReferralSchema,
        response: { 201: created.extend({ standardDays: z.number() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await startReferral(deps, at(req), req.params.pupilId, req.body)),
  );

  r.get(
    `${S}/referrals/:referralId`,
    {
      schema: {
        tags: TAGS,
        summary: 'A referral in full (audited)',
        params: referralParams,
        response: { 200: referralDetailSchema },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return getReferral(deps, at(req), req.params.referralId);
    },
  );

  r.put(
    `${S}/referrals/:referralId`,
    {
      schema: {
        tags: TAGS,
        summary: 'Save a draft referral',
        params: referralParams,
        body: saveReferralSchema,
        response: { 200: saved },
      },
    },
    async (req) => saveReferral(deps, at(req), req.params.referralId, req.body),
  );

  r.post(
    `${S}/referrals/:referralId/steps`,
    {
      schema: {
        tags: TAGS,
        summary: 'Record the referral’s next step',
        params: referralParams,
        body: referralStepSchema,
        response: { 200: saved.extend({ status: z.string() }) },
      },
    },
    async (req) => stepReferral(deps, at(req), req.params.referralId, req.body),
  );

  r.post(
    `${S}/referrals/:referralId/share-with-parents`,
    {
      schema: {
        tags: TAGS,
        summary: 'Share the referral with the child’s parents in the portal (case roles; never restricted or draft)',
        params: referralParams,
        body: shareReferralSchema,
        response: { 200: referralDetailSchema },
      },
    },
    async (req) => shareReferral(deps, at(req), req.params.referralId, req.body),
  );

  r.get(
    `${S}/referrals/:referralId/letter.pdf`,
    {
      schema: {
        tags: TAGS,
        summary: 'The referral as a PDF letter (audited)',
        params: referralParams,
        produces: ['application/pdf'],
      },
    },
    async (req, reply) => {
      const out = await referralLetter(deps, at(req), req.params.referralId);
      noStore(reply);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${out.fileName}"`)
        .send(out.pdf);
    },
  );

  r.get(
    `${S}/referral-waits`,
    {
      schema: {
        tags: TAGS,
        summary: 'Referral waits per service (SMHL, headteacher; audited)',
        params: schoolParams,
        response: { 200: referralWaitsSchema },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return referralWaitsView(deps, at(req), 'screen');
    },
  );

  r.get(
    `${S}/referral-waits.csv`,
    {
      schema: { tags: TAGS, summary: 'Referral waits as CSV (audited)', params: schoolParams, produces: ['text/csv'] },
    },
    async (req, reply) => {
      const w = await referralWaitsView(deps, at(req), 'csv');
      noStore(reply);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="referral-waits.csv"')
        .send(referralWaitsCsv(w));
    },
  );
}
