/**
 * The resource library over HTTP: a school's library (read by every member of staff, the school's
 * own entries kept by its SMHL) and the trust's shared entries (kept by its curators). Each route
 * parses, calls one use case, and answers.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  changeResourceSchema,
  resourceDetailSchema,
  resourceFieldsSchema,
  resourceListSchema,
  resourceSearchQuery,
  withdrawResourceSchema,
} from '@tandem/core';
import { noStore, requireActor } from '../http/context';
import type { SchoolRequest, TrustRequest } from '../platform/gate';
import { getLibraryEntry, searchLibrary, trustLibrary, trustLibraryEntry } from './use-cases/library';
import {
  addSchoolResource,
  addTrustResource,
  changeSchoolResource,
  changeTrustResource,
  reviewSchoolResource,
  reviewTrustResource,
  withdrawSchoolResource,
  withdrawTrustResource,
} from './use-cases/entries';

const TAGS = ['Resource library'];
const schoolParams = z.object({ schoolId: z.uuid() });
const entryParams = schoolParams.extend({ resourceId: z.uuid() });
const trustParams = z.object({ trustId: z.uuid() });
const trustEntryParams = trustParams.extend({ resourceId: z.uuid() });
const created = z.object({ id: z.uuid() });
const saved = z.object({ id: z.uuid(), version: z.number() });
const ok = z.object({ ok: z.literal(true) });

function atSchool(req: FastifyRequest & { params: { schoolId: string } }): SchoolRequest {
  return { actor: requireActor(req), schoolId: req.params.schoolId, ip: req.ip };
}
function atTrust(req: FastifyRequest & { params: { trustId: string } }): TrustRequest {
  return { actor: requireActor(req), trustId: req.params.trustId, ip: req.ip };
}

export function resourceRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;
  const S = '/api/schools/:schoolId/resources';
  const T = '/api/trusts/:trustId/resources';

  r.get(
    S,
    {
      schema: {
        tags: TAGS,
        summary: 'The school’s resource library: the trust’s entries and its own, by area, audience, kind and words',
        params: schoolParams,
        querystring: resourceSearchQuery,
        response: { 200: resourceListSchema },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return searchLibrary(deps, atSchool(req), req.query);
    },
  );

  r.get(
    `${S}/:resourceId`,
    {
      schema: {
        tags: TAGS,
        summary: 'One entry of the school’s library',
        params: entryParams,
        response: { 200: resourceDetailSchema },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return getLibraryEntry(deps, atSchool(req), req.params.resourceId);
    },
  );

  r.post(
    S,
    {
      schema: {
        tags: TAGS,
        summary: 'Add one of the school’s own entries (SMHL)',
        params: schoolParams,
        body: resourceFieldsSchema,
        response: { 201: created },
      },
    },
    async (req, reply) => reply.status(201).send(await addSchoolResource(deps, atSchool(req), req.body)),
  );

  r.put(
    `${S}/:resourceId`,
    {
      schema: {
        tags: TAGS,
        summary: 'Change one of the school’s own entries (SMHL)',
        params: entryParams,
        body: changeResourceSchema,
        response: { 200: saved },
      },
    },
    async (req) => changeSchoolResource(deps, atSchool(req), req.params.resourceId, req.body),
  );

  r.post(
    `${S}/:resourceId/reviewed`,
    {
      schema: {
        tags: TAGS,
        summary: 'Record that one of the school’s own entries is still right (SMHL)',
        params: entryParams,
        body: z.strictObject({}).optional(),
        response: { 200: ok },
      },
    },
    async (req) => reviewSchoolResource(deps, atSchool(req), req.params.resourceId),
  );

  r.post(
    `${S}/:resourceId/withdrawn`,
    {
      schema: {
        tags: TAGS,
        summary: 'Withdraw one of the school’s own entries from the library (SMHL)',
        params: entryParams,
        body: withdrawResourceSchema,
        response: { 200: ok },
      },
    },
    async (req) => withdrawSchoolResource(deps, atSchool(req), req.params.resourceId, req.body.version),
  );

  r.get(
    T,
    {
      schema: {
        tags: TAGS,
        summary: 'The trust’s shared entries, those due for review first (trust administrator or lead)',
        params: trustParams,
        response: { 200: resourceListSchema },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return trustLibrary(deps, atTrust(req));
    },
  );

  r.get(
    `${T}/:resourceId`,
    {
      schema: {
        tags: TAGS,
        summary: 'One of the trust’s shared entries (trust administrator or lead)',
        params: trustEntryParams,
        response: { 200: resourceDetailSchema },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return trustLibraryEntry(deps, atTrust(req), req.params.resourceId);
    },
  );

  r.post(
    T,
    {
      schema: {
        tags: TAGS,
        summary: 'Add a shared entry for every school of the trust',
        params: trustParams,
        body: resourceFieldsSchema,
        response: { 201: created },
      },
    },
    async (req, reply) => reply.status(201).send(await addTrustResource(deps, atTrust(req), req.body)),
  );

  r.put(
    `${T}/:resourceId`,
    {
      schema: {
        tags: TAGS,
        summary: 'Change a shared entry',
        params: trustEntryParams,
        body: changeResourceSchema,
        response: { 200: saved },
      },
    },
    async (req) => changeTrustResource(deps, atTrust(req), req.params.resourceId, req.body),
  );

  r.post(
    `${T}/:resourceId/reviewed`,
    {
      schema: {
        tags: TAGS,
        summary: 'Record that a shared entry is still right',
        params: trustEntryParams,
        body: z.strictObject({}).optional(),
        response: { 200: ok },
      },
    },
    async (req) => reviewTrustResource(deps, atTrust(req), req.params.resourceId),
  );

  r.post(
    `${T}/:resourceId/withdrawn`,
    {
      schema: {
        tags: TAGS,
        summary: 'Withdraw a shared entry from every school’s library',
        params: trustEntryParams,
        body: withdrawResourceSchema,
        response: { 200: ok },
      },
    },
    async (req) => withdrawTrustResource(deps, atTrust(req), req.params.resourceId, req.body.version),
  );
}
