/**
 * The missing list over HTTP: the list (DSL team, SMHL, head), adding and taking off with a reason
 * and recording what was done about an absence (DSL team), one pupil's place on it (case roles),
 * and the children missing education CSV. Every answer is private to the viewer (no-store).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { missingActionBody, missingListChangeBody, missingListResponse, pupilMissingResponse } from '@tandem/core';
import { noStore, requireActor } from '../http/context';
import type { SchoolRequest } from '../platform/gate';
import { recordMissingAction } from './use-cases/missing-action';
import { changeMissingList } from './use-cases/missing-change';
import { missingEducationCsv } from './use-cases/missing-education-csv';
import { viewMissingList } from './use-cases/missing-list';
import { viewPupilMissing } from './use-cases/missing-pupil';

const TAGS = ['Missing list'];
const schoolParams = z.object({ schoolId: z.uuid() });
const pupilParams = z.object({ schoolId: z.uuid(), pupilId: z.uuid() });
const alertParams = z.object({ schoolId: z.uuid(), alertId: z.uuid() });
const changed = z.object({ onList: z.boolean(), alertsRaised: z.number().int() });

function atSchool(req: FastifyRequest & { params: { schoolId: string } }): SchoolRequest {
  return { actor: requireActor(req), schoolId: req.params.schoolId, ip: req.ip };
}

export function missingRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;
  const S = '/api/schools/:schoolId/missing';

  r.get(
    S,
    {
      schema: {
        tags: TAGS,
        summary:
          'The missing list: absences to deal with, pupils on the list and why, and pupils absent without explanation for ten school days (audited)',
        params: schoolParams,
        response: { 200: missingListResponse },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return viewMissingList(deps, atSchool(req));
    },
  );

  r.get(
    `${S}/missing-education.csv`,
    {
      schema: {
        tags: TAGS,
        summary: 'Pupils absent without explanation for ten or more consecutive school days, as CSV (audited)',
        params: schoolParams,
      },
    },
    async (req, reply) => {
      const csv = await missingEducationCsv(deps, atSchool(req));
      noStore(reply);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="children-missing-education.csv"')
        .send(csv);
    },
  );

  for (const [segment, action] of [
    ['add', 'added'],
    ['remove', 'removed'],
  ] as const) {
    r.post(
      `${S}/pupils/:pupilId/${segment}`,
      {
        schema: {
          tags: TAGS,
          summary:
            action === 'added'
              ? 'Add a pupil to the missing list, with the reason (DSL team)'
              : 'Take a pupil off the missing list, with the reason (DSL team)',
          params: pupilParams,
          body: missingListChangeBody,
          response: { 200: changed },
        },
      },
      async (req) => changeMissingList(deps, atSchool(req), req.params.pupilId, action, req.body),
    );
  }

  r.post(
    `${S}/alerts/:alertId/action`,
    {
      schema: {
        tags: TAGS,
        summary: 'Record what was done about a pupil on the missing list absent without a reason (DSL team)',
        params: alertParams,
        body: missingActionBody,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (req) => recordMissingAction(deps, atSchool(req), req.params.alertId, req.body),
  );

  r.get(
    '/api/schools/:schoolId/pupils/:pupilId/missing',
    {
      schema: {
        tags: TAGS,
        summary: "A pupil's place on the missing list, its changes and the absences alerted (case roles; audited)",
        params: pupilParams,
        response: { 200: pupilMissingResponse },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return viewPupilMissing(deps, atSchool(req), req.params.pupilId);
    },
  );
}
