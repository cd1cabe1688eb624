import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addCaseTeamMemberBody,
  caseTeamResponse,
  roleScopesResponse,
  scopedCaseRoleSchema,
  setRoleScopeBody,
} from '@tandem/core';
import { noStore, requireActor } from '../http/context';
import { addCaseTeamMember, getCaseTeam, getRoleScopes, removeCaseTeamMember, setRoleScope } from './case-team.service';
import type { SchoolRequest } from './gate';

const TAGS = ['Case teams and scope'];
const schoolParams = z.object({ schoolId: z.uuid() });
const pupilParams = schoolParams.extend({ pupilId: z.uuid() });
const staffParams = schoolParams.extend({ userId: z.uuid() });

function schoolRequest(req: FastifyRequest & { params: { schoolId: string } }): SchoolRequest {
  return { actor: requireActor(req), schoolId: req.params.schoolId, ip: req.ip };
}

/** Need-to-know by caseload: pupils' case teams, and the case scope of staff roles. */
export function caseAccessRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;

  r.get(
    '/api/schools/:schoolId/pupils/:pupilId/case-team',
    { schema: { tags: TAGS, params: pupilParams, response: { 200: caseTeamResponse } } },
    async (req, reply) => {
      noStore(reply);
      return getCaseTeam(deps, schoolRequest(req), req.params.pupilId);
    },
  );

  r.post(
    '/api/schools/:schoolId/pupils/:pupilId/case-team',
    {
      schema: { tags: TAGS, params: pupilParams, body: addCaseTeamMemberBody, response: { 200: caseTeamResponse } },
    },
    async (req) => addCaseTeamMember(deps, schoolRequest(req), req.params.pupilId, req.body.userId),
  );

  r.delete(
    '/api/schools/:schoolId/pupils/:pupilId/case-team/:userId',
    {
      schema: {
        tags: TAGS,
        params: pupilParams.extend({ userId: z.uuid() }),
        response: { 200: caseTeamResponse },
      },
    },
    async (req) => removeCaseTeamMember(deps, schoolRequest(req), req.params.pupilId, req.params.userId),
  );

  r.get(
    '/api/schools/:schoolId/staff/:userId/scopes',
    { schema: { tags: TAGS, params: staffParams, response: { 200: roleScopesResponse } } },
    async (req, reply) => {
      noStore(reply);
      return getRoleScopes(deps, schoolRequest(req), req.params.userId);
    },
  );

  r.put(
    '/api/schools/:schoolId/staff/:userId/scopes/:role',
    {
      schema: {
        tags: TAGS,
        params: staffParams.extend({ role: scopedCaseRoleSchema }),
        body: setRoleScopeBody,
        response: { 200: roleScopesResponse },
      },
    },
    async (req) => setRoleScope(deps, schoolRequest(req), req.params.userId, req.params.role, req.body),
  );
}
