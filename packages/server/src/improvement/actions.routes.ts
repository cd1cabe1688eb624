/**
 * The action plan over HTTP: the plan (with proposed actions), adding and changing actions,
 * progress notes, one action, and the PDF for governors. Each route parses, calls one use case,
 * and answers.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  actionDetailSchema,
  actionInputSchema,
  actionPlanQuery,
  actionPlanSchema,
  actionProgressSchema,
  actionSavedSchema,
  changeActionSchema,
} from '@tandem/core';
import { noStore, requireActor } from '../http/context';
import type { SchoolRequest } from '../platform/gate';
import { addAction } from './use-cases/action-add';
import { changeAction } from './use-cases/action-change';
import { getAction } from './use-cases/action-get';
import { getActionPlan } from './use-cases/action-plan';
import { printActionPlan } from './use-cases/action-plan-pdf';
import { noteProgress } from './use-cases/action-progress';

const TAGS = ['Whole school: action plan'];
const schoolParams = z.object({ schoolId: z.uuid() });
const actionParams = schoolParams.extend({ actionId: z.uuid() });

function at(req: FastifyRequest & { params: { schoolId: string } }): SchoolRequest {
  return { actor: requireActor(req), schoolId: req.params.schoolId, ip: req.ip };
}

export function actionRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;
  const S = '/api/schools/:schoolId';

  r.get(
    `${S}/action-plan`,
    {
      schema: {
        tags: TAGS,
        summary: 'The action plan of the latest self-assessment, or of an earlier one (contributors, the lead)',
        params: schoolParams,
        querystring: actionPlanQuery,
        response: { 200: actionPlanSchema },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return getActionPlan(deps, at(req), req.query);
    },
  );

  r.get(
    `${S}/action-plan.pdf`,
    {
      schema: {
        tags: TAGS,
        summary: 'The action plan as a PDF for governors (the lead; audited)',
        params: schoolParams,
        querystring: actionPlanQuery,
        produces: ['application/pdf'],
      },
    },
    async (req, reply) => {
      const out = await printActionPlan(deps, at(req), req.query);
      noStore(reply);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${out.fileName}"`)
        .send(out.pdf);
    },
  );

  r.post(
    `${S}/improvement-actions`,
    {
      schema: {
        tags: TAGS,
        summary: 'Add an action to the plan (the lead)',
        params: schoolParams,
        body: actionInputSchema,
        response: { 201: actionSavedSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await addAction(deps, at(req), req.body)),
  );

  r.get(
    `${S}/improvement-actions/:actionId`,
    {
      schema: {
        tags: TAGS,
        summary: 'One action with its progress notes (its owner, contributors, the lead)',
        params: actionParams,
        response: { 200: actionDetailSchema },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return getAction(deps, at(req), req.params.actionId);
    },
  );

  r.patch(
    `${S}/improvement-actions/:actionId`,
    {
      schema: {
        tags: TAGS,
        summary: 'Change an action from the version opened (the lead)',
        params: actionParams,
        body: changeActionSchema,
        response: { 200: actionSavedSchema },
      },
    },
    async (req) => changeAction(deps, at(req), req.params.actionId, req.body),
  );

  r.post(
    `${S}/improvement-actions/:actionId/progress`,
    {
      schema: {
        tags: TAGS,
        summary: 'Note progress on an action (its owner, the lead)',
        params: actionParams,
        body: actionProgressSchema,
        response: { 200: actionSavedSchema },
      },
    },
    async (req) => noteProgress(deps, at(req), req.params.actionId, req.body),
  );
}
