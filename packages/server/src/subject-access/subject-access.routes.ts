/**
 * Subject access requests over HTTP (those with records.subjectAccess): the register, recording a
 * request, the identity check, an extension, the review and a decision per item, the PDF and JSON
 * bundle, sent and closed. Each route parses, calls one use case, and answers.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  closeSubjectAccessBody,
  decideItemBody,
  extendSubjectAccessBody,
  identityCheckBody,
  markSentBody,
  recordSubjectAccessBody,
  subjectAccessContactsResponse,
  subjectAccessCreated,
  subjectAccessExportSchema,
  subjectAccessListResponse,
  subjectAccessRequestSchema,
  subjectAccessReviewResponse,
} from '@tandem/core';
import { noStore, requireActor } from '../http/context';
import type { SchoolRequest } from '../platform/gate';
import { checkIdentity, closeRequest, extendRequest, markSent } from './use-cases/change-request';
import { decideItem } from './use-cases/decide-item';
import { exportJson, exportPdf } from './use-cases/export-bundle';
import { listContacts } from './use-cases/list-contacts';
import { listRequests } from './use-cases/list-requests';
import { readRequest } from './use-cases/read-request';
import { readReview } from './use-cases/read-review';
import { recordRequest } from './use-cases/record-request';

const TAGS = ['Subject access requests'];
const schoolParams = z.object({ schoolId: z.uuid() });
const pupilParams = schoolParams.extend({ pupilId: z.uuid() });
const requestParams = schoolParams.extend({ requestId: z.uuid() });
const ok = z.object({ ok: z.literal(true) });

function at(req: FastifyRequest & { params: { schoolId: string } }): SchoolRequest {
  return { actor: requireActor(req), schoolId: req.params.schoolId, ip: req.ip };
}

export function subjectAccessRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;
  const S = '/api/schools/:schoolId/subject-access';
  const R = `${S}/:requestId`;

  r.get(
    S,
    {
      schema: {
        tags: TAGS,
        summary: 'The register of subject access requests with days left (audited)',
        params: schoolParams,
        response: { 200: subjectAccessListResponse },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return listRequests(deps, at(req));
    },
  );

  r.post(
    S,
    {
      schema: {
        tags: TAGS,
        summary: 'Record a subject access request; its deadline is worked out (one calendar month)',
        params: schoolParams,
        body: recordSubjectAccessBody,
        response: { 201: subjectAccessCreated },
      },
    },
    async (req, reply) => reply.status(201).send(await recordRequest(deps, at(req), req.body)),
  );

  r.get(
    '/api/schools/:schoolId/pupils/:pupilId/subject-access-contacts',
    {
      schema: {
        tags: TAGS,
        summary: 'The pupil’s parents and carers, to choose who made a request',
        params: pupilParams,
        response: { 200: subjectAccessContactsResponse },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return listContacts(deps, at(req), req.params.pupilId);
    },
  );

  r.get(
    R,
    {
      schema: {
        tags: TAGS,
        summary: 'One subject access request: deadline, extension, identity check (audited)',
        params: requestParams,
        response: { 200: subjectAccessRequestSchema },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return readRequest(deps, at(req), req.params.requestId);
    },
  );

  r.post(
    `${R}/identity`,
    {
      schema: {
        tags: TAGS,
        summary: 'Record how, by whom and when the requester’s identity was checked',
        params: requestParams,
        body: identityCheckBody,
        response: { 200: ok },
      },
    },
    async (req) => checkIdentity(deps, at(req), req.params.requestId, req.body),
  );

  r.post(
    `${R}/extend`,
    {
      schema: {
        tags: TAGS,
        summary: 'Extend the deadline by up to two further months, with the reason and when the requester was told',
        params: requestParams,
        body: extendSubjectAccessBody,
        response: { 200: ok },
      },
    },
    async (req) => extendRequest(deps, at(req), req.params.requestId, req.body),
  );

  r.get(
    `${R}/review`,
    {
      schema: {
        tags: TAGS,
        summary: 'Everything held about the pupil, with suggested and made decisions (identity checked first; audited)',
        params: requestParams,
        response: { 200: subjectAccessReviewResponse },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return readReview(deps, at(req), req.params.requestId);
    },
  );

  r.put(
    `${R}/decisions`,
    {
      schema: {
        tags: TAGS,
        summary:
          'Decide one item: disclose, redact or withhold, with a reason (the DSL team for the safeguarding record)',
        params: requestParams,
        body: decideItemBody,
        response: { 200: ok },
      },
    },
    async (req) => decideItem(deps, at(req), req.params.requestId, req.body),
  );

  r.get(
    `${R}/bundle.json`,
    {
      schema: {
        tags: TAGS,
        summary: 'What was decided to disclose, machine-readable (every item decided; audited)',
        params: requestParams,
        response: { 200: subjectAccessExportSchema },
      },
    },
    async (req, reply) => {
      const out = await exportJson(deps, at(req), req.params.requestId);
      noStore(reply);
      void reply.header('content-disposition', `attachment; filename="${out.filename}"`);
      return out.json;
    },
  );

  r.get(
    `${R}/bundle.pdf`,
    {
      schema: {
        tags: TAGS,
        summary: 'What was decided to disclose, as a PDF bundle (every item decided; audited)',
        params: requestParams,
        produces: ['application/pdf'],
      },
    },
    async (req, reply) => {
      const out = await exportPdf(deps, at(req), req.params.requestId);
      noStore(reply);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${out.filename}"`)
        .send(out.pdf);
    },
  );

  r.post(
    `${R}/sent`,
    {
      schema: {
        tags: TAGS,
        summary: 'Record that the response was sent (every item decided)',
        params: requestParams,
        body: markSentBody,
        response: { 200: ok },
      },
    },
    async (req) => markSent(deps, at(req), req.params.requestId, req.body),
  );

  r.post(
    `${R}/close`,
    {
      schema: {
        tags: TAGS,
        summary: 'Close a request, with why (answered, or withdrawn)',
        params: requestParams,
        body: closeSubjectAccessBody,
        response: { 200: ok },
      },
    },
    async (req) => closeRequest(deps, at(req), req.params.requestId, req.body),
  );
}
