/**
 * The parent and pupil portals over HTTP: who the account is, a child as their parent sees them,
 * what a parent sends the school, the partnership statement and services, and the pupil's set-up
 * code. Each route parses, calls one use case, and answers.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  askSupportSchema,
  confirmReadSchema,
  familyChildParams,
  familyPreferencesSchema,
  familySchoolParams,
  pupilSetUpSchema,
  tellSchoolSchema,
} from '@tandem/core';
import { noStore, requireActor } from '../http/context';
import type { SchoolRequest } from '../platform/gate';
import { familyMe, familyServices, parentChildView, partnership } from './use-cases/child-view';
import { askForSupport, confirmRead, tellSchool } from './use-cases/send-message';
import { setPreferences } from './use-cases/preferences';
import { pupilSetUp } from './use-cases/pupil-accounts';

const TAGS = ['Family portal'];
const created = z.object({ id: z.uuid() });

function at(req: FastifyRequest & { params: { schoolId: string } }): SchoolRequest {
  return { actor: requireActor(req), schoolId: req.params.schoolId, ip: req.ip };
}

export function familyRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;
  const F = '/api/family/schools/:schoolId';
  const C = `${F}/children/:pupilId`;

  r.get(
    '/api/family/me',
    { schema: { tags: TAGS, summary: 'Who this family account is and the children it sees' } },
    async (req, reply) => {
      noStore(reply);
      return familyMe(deps, requireActor(req));
    },
  );

  r.put(
    '/api/family/preferences',
    { schema: { tags: TAGS, summary: 'Turn news e-mails on or off', body: familyPreferencesSchema } },
    async (req) => setPreferences(deps, requireActor(req), req.body.emailNews, req.ip),
  );

  r.get(
    C,
    {
      schema: {
        tags: TAGS,
        summary: 'A child as their parent sees them: only what the school shares (audited)',
        params: familyChildParams,
      },
    },
    async (req, reply) => {
      noStore(reply);
      return parentChildView(deps, at(req), req.params.pupilId);
    },
  );

  r.post(
    `${C}/messages`,
    {
      schema: {
        tags: TAGS,
        summary: 'Tell the school about something at home (it reaches the lead’s queue)',
        params: familyChildParams,
        body: tellSchoolSchema,
        response: { 200: created },
      },
    },
    async (req) => tellSchool(deps, at(req), req.params.pupilId, req.body),
  );

  r.post(
    `${C}/support-requests`,
    {
      schema: {
        tags: TAGS,
        summary: 'Ask for support in school (a waiting list, or the lead’s queue)',
        params: familyChildParams,
        body: askSupportSchema,
        response: { 200: created },
      },
    },
    async (req) => askForSupport(deps, at(req), req.params.pupilId, req.body),
  );

  r.post(
    `${C}/confirmations`,
    {
      schema: {
        tags: TAGS,
        summary: 'Confirm reading a plan or a letter',
        params: familyChildParams,
        body: confirmReadSchema,
        response: { 200: z.object({ confirmedAt: z.string() }) },
      },
    },
    async (req) => confirmRead(deps, at(req), req.params.pupilId, req.body),
  );

  r.get(
    `${F}/partnership`,
    { schema: { tags: TAGS, summary: 'The school’s partnership statement', params: familySchoolParams } },
    async (req, reply) => {
      noStore(reply);
      return partnership(deps, { actor: requireActor(req), schoolId: req.params.schoolId });
    },
  );

  r.get(
    `${F}/services`,
    {
      schema: {
        tags: TAGS,
        summary: 'Services that can help families, from the school’s directory',
        params: familySchoolParams,
      },
    },
    async (req, reply) => {
      noStore(reply);
      return familyServices(deps, { actor: requireActor(req), schoolId: req.params.schoolId });
    },
  );

  r.post(
    '/api/family/pupil-setup',
    {
      config: { rateLimit: { max: deps.config.signInRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: TAGS,
        summary: 'A pupil exchanges the code from their slip for a set-password link',
        body: pupilSetUpSchema,
      },
    },
    async (req) => pupilSetUp(deps, req.body.code, req.ip),
  );
}
