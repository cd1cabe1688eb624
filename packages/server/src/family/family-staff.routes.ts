/**
 * The staff side of the portals over HTTP: parents and carers with their invitations and no-access
 * flags, the portal settings, and pupils' accounts with their set-up codes.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  PARENT_ACCOUNT_STATES,
  contactParams,
  familyContactsQuery,
  familySettingsSchema,
  issueCodesSchema,
  liftNoAccessSchema,
  noAccessSchema,
  pupilAccountsQuery,
} from '@tandem/core';
import { noStore, requireActor } from '../http/context';
import { listFamilyContacts } from './use-cases/list-contacts';
import { inviteParent } from './use-cases/invite-parent';
import { liftNoAccess, setNoAccess } from './use-cases/no-access';
import { getFamilySettings, saveFamilySettings } from './use-cases/settings';
import { issuePupilCodes, pupilAccounts } from './use-cases/pupil-accounts';

const TAGS = ['Family portal (staff)'];
const schoolParams = z.object({ schoolId: z.uuid() });
const ok = z.object({ ok: z.literal(true) });

export function familyStaffRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;
  const S = '/api/schools/:schoolId/family';

  r.get(
    `${S}/contacts`,
    {
      schema: {
        tags: TAGS,
        summary: 'Parents and carers, and where each one’s account stands',
        params: schoolParams,
        querystring: familyContactsQuery,
      },
    },
    async (req, reply) => {
      noStore(reply);
      return listFamilyContacts(
        deps,
        { actor: requireActor(req), schoolId: req.params.schoolId, ip: req.ip },
        req.query,
      );
    },
  );

  r.post(
    `${S}/contacts/:contactId/invite`,
    {
      schema: {
        tags: TAGS,
        summary: 'Invite a parent or carer (or send the invitation again)',
        params: contactParams,
        body: z.strictObject({}).optional(),
        response: { 200: z.object({ state: z.enum(PARENT_ACCOUNT_STATES), invitedAt: z.string().nullable() }) },
      },
    },
    async (req) => inviteParent(deps, requireActor(req), req.params.schoolId, req.params.contactId, req.ip),
  );

  r.post(
    `${S}/contacts/:contactId/no-access`,
    {
      schema: {
        tags: TAGS,
        summary: 'Stop a parent or carer seeing the child in Tandem (audited)',
        params: contactParams,
        body: noAccessSchema,
        response: { 200: ok },
      },
    },
    async (req) => setNoAccess(deps, requireActor(req), req.params.schoolId, req.params.contactId, req.body, req.ip),
  );

  r.post(
    `${S}/contacts/:contactId/no-access/lift`,
    {
      schema: {
        tags: TAGS,
        summary: 'Give a parent or carer access back (audited)',
        params: contactParams,
        body: liftNoAccessSchema,
        response: { 200: ok },
      },
    },
    async (req) =>
      liftNoAccess(deps, requireActor(req), req.params.schoolId, req.params.contactId, req.body.reason, req.ip),
  );

  r.get(
    `${S}/settings`,
    { schema: { tags: TAGS, summary: 'The portal settings', params: schoolParams } },
    async (req, reply) => {
      noStore(reply);
      return getFamilySettings(deps, requireActor(req), req.params.schoolId);
    },
  );

  r.put(
    `${S}/settings`,
    { schema: { tags: TAGS, summary: 'Change the portal settings', params: schoolParams, body: familySettingsSchema } },
    async (req) => saveFamilySettings(deps, requireActor(req), req.params.schoolId, req.body, req.ip),
  );

  r.get(
    `${S}/pupil-accounts`,
    { schema: { tags: TAGS, summary: 'Pupils’ own accounts', params: schoolParams, querystring: pupilAccountsQuery } },
    async (req, reply) => {
      noStore(reply);
      return pupilAccounts(deps, requireActor(req), req.params.schoolId, req.query);
    },
  );

  r.post(
    `${S}/pupil-accounts/codes`,
    {
      schema: {
        tags: TAGS,
        summary: 'Set-up codes for pupils, as a printable sheet (PDF)',
        params: schoolParams,
        body: issueCodesSchema,
        produces: ['application/pdf'],
      },
    },
    async (req, reply) => {
      const pdf = await issuePupilCodes(deps, requireActor(req), req.params.schoolId, req.body, req.ip);
      noStore(reply);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', 'attachment; filename="set-up-codes.pdf"')
        .send(pdf);
    },
  );
}
