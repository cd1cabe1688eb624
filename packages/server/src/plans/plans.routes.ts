/**
 * Plans and meetings over HTTP: each route parses, calls one use case, and answers. The use cases
 * go through the gate (platform/gate.ts) for the permission check, the transaction and the audit.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  completeNextStepBody,
  confirmReadBody,
  createMeetingBody,
  createPlanBody,
  endPlanBody,
  markAgreedBody,
  meetingDetailResponse,
  meetingListResponse,
  meetingMutationResponse,
  okResponse,
  planDetailResponse,
  planListResponse,
  planMutationResponse,
  planSharingBody,
  planVersionResponse,
  recordAgreementBody,
  recordReviewBody,
  reviewsDueResponse,
  revisePlanBody,
  updateMeetingBody,
} from '@tandem/core';
import { noStore, requireActor } from '../http/context';
import type { SchoolRequest } from '../platform/gate';
import {
  changeSharing,
  completeNextStep,
  confirmRead,
  createMeeting,
  createPlan,
  endPlan,
  exportPlanPdf,
  getMeeting,
  getPlan,
  getPlanVersion,
  listMeetings,
  listPlans,
  markAgreed,
  recordAgreement,
  recordReview,
  reviewsDue,
  revisePlan,
  updateMeeting,
} from './use-cases';

const TAGS = ['Plans and meetings'];
const schoolParams = z.object({ schoolId: z.uuid() });
const pupilParams = schoolParams.extend({ pupilId: z.uuid() });
const planParams = schoolParams.extend({ planId: z.uuid() });
const meetingParams = schoolParams.extend({ meetingId: z.uuid() });
const created = z.object({ id: z.uuid() });

/** Who is asking, in which school, from where. */
function at(req: FastifyRequest & { params: { schoolId: string } }): SchoolRequest {
  return { actor: requireActor(req), schoolId: req.params.schoolId, ip: req.ip };
}

export function planRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;

  r.get(
    '/api/schools/:schoolId/plans/reviews-due',
    {
      schema: {
        tags: TAGS,
        summary: 'Plan reviews overdue or due within two weeks (case roles)',
        params: schoolParams,
        response: { 200: reviewsDueResponse },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return reviewsDue(deps, at(req));
    },
  );

  r.get(
    '/api/schools/:schoolId/pupils/:pupilId/plans',
    { schema: { tags: TAGS, params: pupilParams, response: { 200: planListResponse } } },
    async (req, reply) => {
      noStore(reply);
      return { plans: await listPlans(deps, at(req), req.params.pupilId) };
    },
  );

  r.post(
    '/api/schools/:schoolId/pupils/:pupilId/plans',
    {
      schema: {
        tags: TAGS,
        params: pupilParams,
        body: createPlanBody,
        response: { 201: planMutationResponse, 200: planMutationResponse },
      },
    },
    async (req, reply) => {
      const { answer, alreadyReceived } = await createPlan(deps, at(req), req.params.pupilId, req.body);
      return reply.status(alreadyReceived ? 200 : 201).send(answer);
    },
  );

  r.get(
    '/api/schools/:schoolId/plans/:planId',
    { schema: { tags: TAGS, params: planParams, response: { 200: planDetailResponse } } },
    async (req, reply) => {
      noStore(reply);
      return getPlan(deps, at(req), req.params.planId);
    },
  );

  r.get(
    '/api/schools/:schoolId/plans/:planId/versions/:version',
    {
      schema: {
        tags: TAGS,
        params: planParams.extend({ version: z.coerce.number().int().min(1).max(100_000) }),
        response: { 200: planVersionResponse },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return getPlanVersion(deps, at(req), req.params.planId, req.params.version);
    },
  );

  r.get(
    '/api/schools/:schoolId/plans/:planId/plan.pdf',
    {
      schema: {
        tags: TAGS,
        summary: 'The plan as a confidential PDF (audited)',
        params: planParams,
        querystring: z.strictObject({ version: z.coerce.number().int().min(1).max(100_000).optional() }),
        produces: ['application/pdf'],
      },
    },
    async (req, reply) => {
      const out = await exportPlanPdf(deps, at(req), req.params.planId, req.query.version);
      noStore(reply);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${out.filename}"`)
        .send(out.pdf);
    },
  );

  r.put(
    '/api/schools/:schoolId/plans/:planId',
    { schema: { tags: TAGS, params: planParams, body: revisePlanBody, response: { 200: planMutationResponse } } },
    async (req) => revisePlan(deps, at(req), req.params.planId, req.body),
  );

  r.put(
    '/api/schools/:schoolId/plans/:planId/sharing',
    { schema: { tags: TAGS, params: planParams, body: planSharingBody, response: { 200: planMutationResponse } } },
    async (req) => changeSharing(deps, at(req), req.params.planId, req.body),
  );

  r.post(
    '/api/schools/:schoolId/plans/:planId/agreements',
    { schema: { tags: TAGS, params: planParams, body: recordAgreementBody, response: { 201: created } } },
    async (req, reply) => {
      const out = await recordAgreement(deps, at(req), req.params.planId, req.body);
      return reply.status(201).send(out);
    },
  );

  r.post(
    '/api/schools/:schoolId/plans/:planId/agree',
    { schema: { tags: TAGS, params: planParams, body: markAgreedBody, response: { 200: planMutationResponse } } },
    async (req) => markAgreed(deps, at(req), req.params.planId, req.body.version),
  );

  r.post(
    '/api/schools/:schoolId/plans/:planId/reviews',
    { schema: { tags: TAGS, params: planParams, body: recordReviewBody, response: { 201: created } } },
    async (req, reply) => {
      const out = await recordReview(deps, at(req), req.params.planId, req.body);
      return reply.status(201).send(out);
    },
  );

  r.post(
    '/api/schools/:schoolId/plans/:planId/read',
    { schema: { tags: TAGS, params: planParams, body: confirmReadBody, response: { 200: okResponse } } },
    async (req) => confirmRead(deps, at(req), req.params.planId, req.body.version),
  );

  r.post(
    '/api/schools/:schoolId/plans/:planId/end',
    { schema: { tags: TAGS, params: planParams, body: endPlanBody, response: { 200: planMutationResponse } } },
    async (req) => endPlan(deps, at(req), req.params.planId, req.body),
  );

  // ---- Meetings ----

  r.get(
    '/api/schools/:schoolId/pupils/:pupilId/meetings',
    { schema: { tags: TAGS, params: pupilParams, response: { 200: meetingListResponse } } },
    async (req, reply) => {
      noStore(reply);
      return { meetings: await listMeetings(deps, at(req), req.params.pupilId) };
    },
  );

  r.post(
    '/api/schools/:schoolId/pupils/:pupilId/meetings',
    {
      schema: {
        tags: TAGS,
        params: pupilParams,
        body: createMeetingBody,
        response: { 201: meetingMutationResponse, 200: meetingMutationResponse },
      },
    },
    async (req, reply) => {
      const { answer, alreadyReceived } = await createMeeting(deps, at(req), req.params.pupilId, req.body);
      return reply.status(alreadyReceived ? 200 : 201).send(answer);
    },
  );

  r.get(
    '/api/schools/:schoolId/meetings/:meetingId',
    { schema: { tags: TAGS, params: meetingParams, response: { 200: meetingDetailResponse } } },
    async (req, reply) => {
      noStore(reply);
      return getMeeting(deps, at(req), req.params.meetingId);
    },
  );

  r.put(
    '/api/schools/:schoolId/meetings/:meetingId',
    {
      schema: {
        tags: TAGS,
        params: meetingParams,
        body: updateMeetingBody,
        response: { 200: meetingMutationResponse },
      },
    },
    async (req) => updateMeeting(deps, at(req), req.params.meetingId, req.body),
  );

  r.post(
    '/api/schools/:schoolId/meetings/:meetingId/next-steps/:actionId/complete',
    {
      schema: {
        tags: TAGS,
        params: meetingParams.extend({ actionId: z.uuid() }),
        body: completeNextStepBody,
        response: { 200: okResponse },
      },
    },
    async (req) => {
      const { meetingId, actionId } = req.params;
      return completeNextStep(deps, at(req), meetingId, actionId, req.body.note);
    },
  );
}
