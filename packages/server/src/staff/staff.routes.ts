import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  grantRoleBody,
  inviteStaffBody,
  okResponse,
  staffDirectoryResponse,
  staffListResponse,
  staffMemberSchema,
  staffRoleSchema,
} from '@tandem/core';
import { noStore, requireActor } from '../http/context';
import { getStaffMember } from './use-cases/get-staff-member';
import { grantRole } from './use-cases/grant-role';
import { inviteStaff } from './use-cases/invite-staff';
import { listStaff } from './use-cases/list-staff';
import { resendInvitation } from './use-cases/resend-invitation';
import { revokeRole } from './use-cases/revoke-role';
import { staffDirectory } from './use-cases/staff-directory';

const TAGS = ['Staff'];
const schoolParams = z.object({ schoolId: z.uuid() });
const memberParams = schoolParams.extend({ userId: z.uuid() });

export function staffRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;

  r.get(
    '/api/schools/:schoolId/staff',
    { schema: { tags: TAGS, params: schoolParams, response: { 200: staffListResponse } } },
    async (req, reply) => {
      noStore(reply);
      return { staff: await listStaff(deps, requireActor(req), req.params.schoolId) };
    },
  );

  r.get(
    '/api/schools/:schoolId/staff-directory',
    { schema: { tags: TAGS, params: schoolParams, response: { 200: staffDirectoryResponse } } },
    async (req, reply) => {
      noStore(reply);
      return { staff: await staffDirectory(deps, requireActor(req), req.params.schoolId) };
    },
  );

  r.post(
    '/api/schools/:schoolId/staff',
    { schema: { tags: TAGS, params: schoolParams, body: inviteStaffBody, response: { 201: staffMemberSchema } } },
    async (req, reply) => {
      const member = await inviteStaff(deps, requireActor(req), req.params.schoolId, req.body, req.ip);
      return reply.status(201).send(member);
    },
  );

  r.get(
    '/api/schools/:schoolId/staff/:userId',
    { schema: { tags: TAGS, params: memberParams, response: { 200: staffMemberSchema } } },
    async (req, reply) => {
      noStore(reply);
      return getStaffMember(deps, requireActor(req), req.params.schoolId, req.params.userId);
    },
  );

  r.post(
    '/api/schools/:schoolId/staff/:userId/roles',
    { schema: { tags: TAGS, params: memberParams, body: grantRoleBody, response: { 200: staffMemberSchema } } },
    async (req) => grantRole(deps, requireActor(req), req.params.schoolId, req.params.userId, req.body.role, req.ip),
  );

  r.delete(
    '/api/schools/:schoolId/staff/:userId/roles/:role',
    {
      schema: {
        tags: TAGS,
        params: memberParams.extend({ role: staffRoleSchema }),
        response: { 200: z.object({ member: staffMemberSchema.nullable() }) },
      },
    },
    async (req) => ({
      member: await revokeRole(
        deps,
        requireActor(req),
        req.params.schoolId,
        req.params.userId,
        req.params.role,
        req.ip,
      ),
    }),
  );

  r.post(
    '/api/schools/:schoolId/staff/:userId/resend-invitation',
    {
      schema: { tags: TAGS, params: memberParams, body: z.strictObject({}).optional(), response: { 200: okResponse } },
    },
    async (req) => {
      await resendInvitation(deps, requireActor(req), req.params.schoolId, req.params.userId, req.ip);
      return { ok: true as const };
    },
  );
}
