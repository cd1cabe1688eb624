/**
 * Records retention over HTTP (records.retention: head, school administrator, SMHL, DSL team): the
 * rules in force and the records reaching review, a school's longer period, destruction (a
 * child-protection file proposed by the DSL team and confirmed by a second person), the register.
 * Each route parses, calls one use case, and answers.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  confirmDestructionBody,
  destroyRecordsBody,
  destructionRegisterResponse,
  destructionResult,
  recordClassSchema,
  retentionOverviewResponse,
  setRetentionBody,
} from '@tandem/core';
import { noStore, requireActor } from '../http/context';
import type { SchoolRequest } from '../platform/gate';
import { confirmDestruction, destroyRecords, withdrawProposal } from './use-cases/destroy-records';
import { readRegister } from './use-cases/read-register';
import { readRetention } from './use-cases/read-retention';
import { setRetention } from './use-cases/set-retention';

const TAGS = ['Records retention'];
const schoolParams = z.object({ schoolId: z.uuid() });
const ruleParams = schoolParams.extend({ recordClass: recordClassSchema });
const destructionParams = schoolParams.extend({ destructionId: z.uuid() });
const ok = z.object({ ok: z.literal(true) });

function at(req: FastifyRequest & { params: { schoolId: string } }): SchoolRequest {
  return { actor: requireActor(req), schoolId: req.params.schoolId, ip: req.ip };
}

export function retentionRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;
  const R = '/api/schools/:schoolId/retention';

  r.get(
    R,
    {
      schema: {
        tags: TAGS,
        summary: 'The retention rules in force and the records reaching their review date',
        params: schoolParams,
        response: { 200: retentionOverviewResponse },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return readRetention(deps, at(req));
    },
  );

  r.put(
    `${R}/rules/:recordClass`,
    {
      schema: {
        tags: TAGS,
        summary: 'Keep a kind of record longer than the toolkit says (never shorter), with a reason',
        params: ruleParams,
        body: setRetentionBody,
        response: { 200: ok },
      },
    },
    async (req) => setRetention(deps, at(req), req.params.recordClass, req.body),
  );

  r.get(
    `${R}/destructions`,
    {
      schema: {
        tags: TAGS,
        summary: 'The register of destroyed records (child-protection files for the DSL team only)',
        params: schoolParams,
        response: { 200: destructionRegisterResponse },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return readRegister(deps, at(req));
    },
  );

  r.post(
    `${R}/destructions`,
    {
      schema: {
        tags: TAGS,
        summary: 'Destroy a pupil’s records of one kind past their review date (a child-protection file is proposed)',
        params: schoolParams,
        body: destroyRecordsBody,
        response: { 201: destructionResult },
      },
    },
    async (req, reply) => reply.status(201).send(await destroyRecords(deps, at(req), req.body)),
  );

  r.post(
    `${R}/destructions/:destructionId/confirm`,
    {
      schema: {
        tags: TAGS,
        summary: 'A second person confirms the destruction of a child-protection file',
        params: destructionParams,
        body: confirmDestructionBody,
        response: { 200: destructionResult },
      },
    },
    async (req) => confirmDestruction(deps, at(req), req.params.destructionId, req.body),
  );

  r.post(
    `${R}/destructions/:destructionId/withdraw`,
    {
      schema: {
        tags: TAGS,
        summary: 'Withdraw a proposal to destroy a child-protection file (DSL team)',
        params: destructionParams,
        response: { 200: ok },
      },
    },
    async (req) => withdrawProposal(deps, at(req), req.params.destructionId),
  );
}
