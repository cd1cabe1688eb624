/**
 * The policy register over HTTP: the register and one policy (any member of staff), adding
 * policies and versions and changing owner and readers (policy managers), and confirming a read.
 * Each route parses, calls one use case, and answers.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addPolicyRequest,
  addPolicyVersionRequest,
  changePolicyBody,
  confirmPolicyReadBody,
  policyDetailResponse,
  policyListQuery,
  policyListResponse,
} from '@tandem/core';
import { noStore, requireActor } from '../http/context';
import type { SchoolRequest } from '../platform/gate';
import { addPolicy } from './use-cases/add-policy';
import { addPolicyVersion } from './use-cases/add-version';
import { changePolicy } from './use-cases/change-policy';
import { confirmPolicyRead } from './use-cases/confirm-read';
import { getPolicy, listPolicies } from './use-cases/read-policies';

const TAGS = ['Policy register'];
const schoolParams = z.object({ schoolId: z.uuid() });
const policyParams = schoolParams.extend({ policyId: z.uuid() });
const created = z.object({ id: z.uuid() });

function at(req: FastifyRequest & { params: { schoolId: string } }): SchoolRequest {
  return { actor: requireActor(req), schoolId: req.params.schoolId, ip: req.ip };
}

export function policyRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;
  const P = '/api/schools/:schoolId/policies';

  r.get(
    P,
    {
      schema: {
        tags: TAGS,
        summary: 'The policy register: each policy with its status and read confirmations (any staff)',
        params: schoolParams,
        querystring: policyListQuery,
        response: { 200: policyListResponse },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return listPolicies(deps, at(req), { status: req.query.status });
    },
  );

  r.get(
    `${P}/:policyId`,
    {
      schema: {
        tags: TAGS,
        summary: 'One policy: its current version, every earlier one, and who has read it',
        params: policyParams,
        response: { 200: policyDetailResponse },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return getPolicy(deps, at(req), req.params.policyId);
    },
  );

  r.post(
    P,
    {
      schema: {
        tags: TAGS,
        summary: 'Add a policy with its first version (SMHL, head, school administrator, DSL)',
        params: schoolParams,
        body: addPolicyRequest,
        response: { 201: created },
      },
    },
    async (req, reply) => reply.status(201).send(await addPolicy(deps, at(req), req.body)),
  );

  r.post(
    `${P}/:policyId/versions`,
    {
      schema: {
        tags: TAGS,
        summary: 'Record a new version of a policy (policy managers)',
        params: policyParams,
        body: addPolicyVersionRequest,
        response: { 201: z.object({ id: z.uuid(), version: z.number().int(), revision: z.number().int() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await addPolicyVersion(deps, at(req), req.params.policyId, req.body)),
  );

  r.put(
    `${P}/:policyId`,
    {
      schema: {
        tags: TAGS,
        summary: 'Change a policy’s title, owner or who must read it (policy managers)',
        params: policyParams,
        body: changePolicyBody,
        response: { 200: z.object({ id: z.uuid(), revision: z.number().int() }) },
      },
    },
    async (req) => changePolicy(deps, at(req), req.params.policyId, req.body),
  );

  r.post(
    `${P}/:policyId/read`,
    {
      schema: {
        tags: TAGS,
        summary: 'Confirm having read the current version of a policy (any staff)',
        params: policyParams,
        body: confirmPolicyReadBody,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (req) => confirmPolicyRead(deps, at(req), req.params.policyId, req.body.version),
  );
}
