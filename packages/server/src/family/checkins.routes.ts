/**
 * Check-ins over HTTP: the pupil's own page, checking in, "Help now"; and for staff, the trusted
 * adult, a pupil's check-ins, and the pupils who would like to talk.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkinParams, checkinSchema, familySchoolParams, trustedAdultSchema } from '@tandem/core';
import { noStore, requireActor } from '../http/context';
import type { SchoolRequest } from '../platform/gate';
import { helpNow, makeCheckin, pupilHome } from './use-cases/checkin';
import {
  acknowledgeTalk,
  chooseTrustedAdult,
  getTrustedAdult,
  listTalkRequests,
  staffCheckins,
} from './use-cases/talk-requests';

const TAGS = ['Check-ins'];
const pupilParams = z.object({ schoolId: z.uuid(), pupilId: z.uuid() });

function at(req: FastifyRequest & { params: { schoolId: string } }): SchoolRequest {
  return { actor: requireActor(req), schoolId: req.params.schoolId, ip: req.ip };
}

export function checkinRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;
  const F = '/api/family/schools/:schoolId';
  const S = '/api/schools/:schoolId';

  r.get(
    `${F}/pupil-home`,
    { schema: { tags: TAGS, summary: 'The pupil’s own page (audited)', params: familySchoolParams } },
    async (req, reply) => {
      noStore(reply);
      return pupilHome(deps, at(req));
    },
  );

  r.post(
    `${F}/checkins`,
    { schema: { tags: TAGS, summary: 'A pupil checks in', params: familySchoolParams, body: checkinSchema } },
    async (req) => makeCheckin(deps, at(req), req.body),
  );

  r.get(
    `${F}/help`,
    { schema: { tags: TAGS, summary: 'Help now: who to talk to in school today', params: familySchoolParams } },
    async (req, reply) => {
      noStore(reply);
      return helpNow(deps, { actor: requireActor(req), schoolId: req.params.schoolId });
    },
  );

  r.get(
    `${S}/talk-requests`,
    { schema: { tags: TAGS, summary: 'Pupils who would like to talk (audited)', params: familySchoolParams } },
    async (req, reply) => {
      noStore(reply);
      return listTalkRequests(deps, at(req));
    },
  );

  r.post(
    `${S}/talk-requests/:checkinId/acknowledge`,
    {
      schema: {
        tags: TAGS,
        summary: 'Acknowledge a pupil’s request to talk',
        params: checkinParams,
        body: z.strictObject({}).optional(),
      },
    },
    async (req) => acknowledgeTalk(deps, at(req), req.params.checkinId),
  );

  r.get(
    `${S}/pupils/:pupilId/checkins`,
    { schema: { tags: TAGS, summary: 'A pupil’s check-ins (audited)', params: pupilParams } },
    async (req, reply) => {
      noStore(reply);
      return staffCheckins(deps, at(req), req.params.pupilId);
    },
  );

  r.get(
    `${S}/pupils/:pupilId/trusted-adult`,
    { schema: { tags: TAGS, summary: 'Who a pupil’s “talk to someone” goes to', params: pupilParams } },
    async (req, reply) => {
      noStore(reply);
      return getTrustedAdult(deps, at(req), req.params.pupilId);
    },
  );

  r.put(
    `${S}/pupils/:pupilId/trusted-adult`,
    {
      schema: {
        tags: TAGS,
        summary: 'Choose a pupil’s trusted adult (audited)',
        params: pupilParams,
        body: trustedAdultSchema,
      },
    },
    async (req) => chooseTrustedAdult(deps, at(req), req.params.pupilId, req.body.userId),
  );
}
