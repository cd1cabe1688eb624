import { z } from 'zod';
import { emailSchema, roleSchema } from '../auth/auth.schemas';
import { SCHOOL_STAFF_ROLES } from '../auth/roles';

export const staffRoleSchema = z.enum(SCHOOL_STAFF_ROLES, { error: 'Choose a role from the list' });

export const inviteStaffBody = z.strictObject({
  email: emailSchema,
  displayName: z
    .string({ error: 'Enter their name' })
    .trim()
    .min(1, 'Enter their name')
    .max(120, 'Name must be 120 characters or fewer'),
  roles: z.array(staffRoleSchema).min(1, 'Choose at least one role').max(SCHOOL_STAFF_ROLES.length),
});
export type InviteStaffBody = z.infer<typeof inviteStaffBody>;

export const grantRoleBody = z.strictObject({ role: staffRoleSchema });

export const staffMemberSchema = z.object({
  userId: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  invitationPending: z.boolean(),
  mfaEnabled: z.boolean(),
});
export type StaffMember = z.infer<typeof staffMemberSchema>;

export const staffListResponse = z.object({ staff: z.array(staffMemberSchema) });

/** Names of the school's staff, for choosing who owns an action (no e-mail or account detail). */
export const staffDirectoryResponse = z.object({
  staff: z.array(z.object({ userId: z.uuid(), displayName: z.string(), roles: z.array(roleSchema) })),
});
