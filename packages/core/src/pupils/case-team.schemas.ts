/** Requests and answers for pupils' case teams and the case scope of staff roles (need-to-know). */
import { z } from 'zod';
import { roleSchema } from '../auth/auth.schemas';
import { CASE_TEAM_SOURCES } from './case-team.values';
import { YEAR_GROUP_MAX, YEAR_GROUP_MIN } from './pupils.schemas';
import { CASE_SCOPE_KINDS, SCOPED_CASE_ROLES } from './visibility';

export const caseTeamMemberSchema = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  source: z.enum(CASE_TEAM_SOURCES),
  addedAt: z.string(),
  addedByName: z.string().nullable(),
});
export type CaseTeamMember = z.infer<typeof caseTeamMemberSchema>;

export const caseTeamResponse = z.object({
  members: z.array(caseTeamMemberSchema),
  /** Whether this reader may add and remove members (the SMHL and the DSL team). */
  canManage: z.boolean(),
});
export type CaseTeamResponse = z.infer<typeof caseTeamResponse>;

export const addCaseTeamMemberBody = z.strictObject({ userId: z.uuid('Choose a member of staff') });
export type AddCaseTeamMemberBody = z.infer<typeof addCaseTeamMemberBody>;

export const scopedCaseRoleSchema = z.enum(SCOPED_CASE_ROLES);

export const roleScopeSchema = z.object({
  role: roleSchema,
  kind: z.enum(CASE_SCOPE_KINDS),
  yearGroups: z.array(z.number().int()),
  sendRegister: z.boolean(),
  /** Whether the school may set or widen this role's scope (the head, SMHL and DSL team always have the whole school). */
  adjustable: z.boolean(),
  widened: z.object({ reason: z.string(), byName: z.string().nullable(), at: z.string() }).nullable(),
});
export type RoleScope = z.infer<typeof roleScopeSchema>;

export const roleScopesResponse = z.object({ scopes: z.array(roleScopeSchema) });
export type RoleScopesResponse = z.infer<typeof roleScopesResponse>;

export const setRoleScopeBody = z
  .strictObject({
    /** The year groups a pastoral lead leads (ignored for other roles). */
    yearGroups: z.array(z.number().int().min(YEAR_GROUP_MIN).max(YEAR_GROUP_MAX)).max(16).default([]),
    wholeSchool: z.boolean(),
    /** Why this person needs the whole school: required to widen, recorded with the change. */
    reason: z.string().trim().max(500, 'The reason must be 500 characters or fewer').optional(),
  })
  .superRefine((b, ctx) => {
    if (b.wholeSchool && !b.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Say why this person needs to see the whole school' });
    }
  });
export type SetRoleScopeBody = z.infer<typeof setRoleScopeBody>;
