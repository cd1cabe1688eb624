/**
 * The services directory over HTTP: a school's search and its own entries, and the trust's national
 * and shared entries. Each route parses, calls one use case, and answers.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  changeServiceSchema,
  serviceDetailSchema,
  serviceInputSchema,
  serviceListSchema,
  serviceSearchQuery,
} from '@tandem/core';
import { noStore, requireActor } from '../http/context';
import type { SchoolRequest } from '../platform/gate';
import {
  addSchoolService,
  addTrustService,
  changeSchoolService,
  changeTrustService,
  checkService,
  checkTrustService,
  getService,
  searchServices,
  trustService,
  trustServices,
} from './use-cases/services';

const TAGS = ['Referrals and services'];
const schoolParams = z.object({ schoolId: z.uuid() });
const serviceParams = schoolParams.extend({ serviceId: z.uuid() });
const trustParams = z.object({ trustId: z.uuid() });
const trustServiceParams = trustParams.extend({ serviceId: z.uuid() });
const created = z.object({ id: z.uuid() });
const saved = z.object({ id: z.uuid(), version: z.number() });

function at(req: FastifyRequest & { params: { schoolId: string } }): SchoolRequest {
  return { actor: requireActor(req), schoolId: req.params.schoolId, ip: req.ip };
}

export function serviceRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;
  const S = '/api/schools/:schoolId';

  r.get(
    `${S}/services`,
    {
      schema: {
        tags: TAGS,
        summary: 'Search the services directory by need, age, audience and words',
        params: schoolParams,
        querystring: serviceSearchQuery,
        response: { 200: serviceListSchema },
      },
    },
    async (req, reply) => {
      noStore(reply);
      const { includeRetired, ...search } = req.query;
      return searchServices(deps, at(req), { ...search, includeRetired: includeRetired === 'true' });
    },
  );

  r.get(
    `${S}/services/:serviceId`,
    {
      schema: {
        tags: TAGS,
        summary: 'A directory entry with its history',
        params: serviceParams,
        response: { 200: serviceDetailSchema },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return getService(deps, at(req), req.params.serviceId);
    },
  );

  r.post(
    `${S}/services`,
    {
      schema: {
        tags: TAGS,
        summary: 'Add a local entry (SMHL)',
        params: schoolParams,
        body: serviceInputSchema,
        response: { 201: created },
      },
    },
    async (req, reply) => reply.status(201).send(await addSchoolService(deps, at(req), req.body)),
  );

  r.put(
    `${S}/services/:serviceId`,
    {
      schema: {
        tags: TAGS,
        summary: 'Change or retire a local entry: a new version (SMHL)',
        params: serviceParams,
        body: changeServiceSchema,
        response: { 200: saved },
      },
    },
    async (req) => changeSchoolService(deps, at(req), req.params.serviceId, req.body),
  );

  r.post(
    `${S}/services/:serviceId/checked`,
    {
      schema: {
        tags: TAGS,
        summary: 'Record that a local entry was checked (SMHL)',
        params: serviceParams,
        body: z.strictObject({}).optional(),
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (req) => checkService(deps, at(req), req.params.serviceId),
  );

  r.get(
    '/api/trusts/:trustId/services',
    {
      schema: {
        tags: TAGS,
        summary: 'The trust’s national and shared entries (trust administrator)',
        params: trustParams,
        response: { 200: serviceListSchema },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return trustServices(deps, { actor: requireActor(req), trustId: req.params.trustId, ip: req.ip });
    },
  );

  r.get(
    '/api/trusts/:trustId/services/:serviceId',
    {
      schema: {
        tags: TAGS,
        summary: 'One of the trust’s entries with its history (trust administrator)',
        params: trustServiceParams,
        response: { 200: serviceDetailSchema },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return trustService(
        deps,
        { actor: requireActor(req), trustId: req.params.trustId, ip: req.ip },
        req.params.serviceId,
      );
    },
  );

  r.post(
    '/api/trusts/:trustId/services',
    {
      schema: {
        tags: TAGS,
        summary: 'Add a shared entry for every school of the trust',
        params: trustParams,
        body: serviceInputSchema,
        response: { 201: created },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await addTrustService(deps, { actor: requireActor(req), trustId: req.params.trustId, ip: req.ip }, req.body),
        ),
  );

  r.put(
    '/api/trusts/:trustId/services/:serviceId',
    {
      schema: {
        tags: TAGS,
        summary: 'Change or retire a shared entry',
        params: trustServiceParams,
        body: changeServiceSchema,
        response: { 200: saved },
      },
    },
    async (req) =>
      changeTrustService(
        deps,
        { actor: requireActor(req), trustId: req.params.trustId, ip: req.ip },
        req.params.serviceId,
        req.body,
      ),
  );

  r.post(
    '/api/trusts/:trustId/services/:serviceId/checked',
    {
      schema: {
        tags: TAGS,
        summary: 'Record that a shared entry was checked (trust administrator)',
        params: trustServiceParams,
        body: z.strictObject({}).optional(),
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (req) =>
      checkTrustService(
        deps,
        { actor: requireActor(req), trustId: req.params.trustId, ip: req.ip },
        req.params.serviceId,
      ),
  );
}
