/** Request and response shapes for signing in, shared by the server and the web app's forms. */
import { createSelectSchema } from 'drizzle-zod';
import { z } from 'zod';
import { users } from './auth.tables';
import { ONE_TIME_TOKEN_PURPOSES, SESSION_STAGES } from './auth.values';
import { PERMISSIONS, ROLES } from './roles';

export const emailSchema = z
  .string({ error: 'Enter an email address' })
  .trim()
  .min(1, 'Enter an email address')
  .max(254, 'Email address must be 254 characters or fewer')
  .regex(z.regexes.email, 'Enter an email address in the correct format, like name@school.org.uk')
  .transform((s) => s.toLowerCase());

/**
 * A new password: long rather than complex (NCSC guidance: three random words). The upper bound
 * keeps hashing cost bounded.
 */
export const newPasswordSchema = z
  .string({ error: 'Enter a password' })
  .min(12, 'Password must be at least 12 characters. Three random words work well.')
  .max(200, 'Password must be 200 characters or fewer')
  .refine((p) => !COMMON_PASSWORDS.has(p.toLowerCase()), 'Choose a less common password');

const COMMON_PASSWORDS = new Set([
  'password1234',
  'password12345',
  'password123456',
  'qwertyuiop12',
  '123456789012',
  'letmein12345',
  'welcome12345',
  'changeme1234',
]);

export const signInBody = z.strictObject({
  email: emailSchema,
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password').max(200),
  /**
   * The authenticator's current code, given with the password: needed only while the network
   * address has had too many failed sign-ins (then a password alone is refused).
   */
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'Enter the 6-digit code your authenticator app shows now')
    .optional(),
});

/** What a person is told when their network address has had too many failed sign-ins. */
export const ADDRESS_LIMITED_MESSAGE =
  'There have been too many failed sign-ins from your network. To sign in now, enter your password with the 6-digit code from your authenticator app, or wait a minute and try again.';

export const mfaCodeBody = z.strictObject({
  code: z
    .string({ error: 'Enter the code' })
    .trim()
    .min(1, 'Enter the code')
    .max(20, 'Enter the 6-digit code or a recovery code')
    .transform((s) => s.replace(/[\s-]/g, '')),
});

export const forgotPasswordBody = z.strictObject({ email: emailSchema });

export const resetPasswordBody = z.strictObject({
  token: z.string().min(20).max(200),
  password: newPasswordSchema,
});

export const roleSchema = z.enum(ROLES);

export const sessionSchoolSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  trustId: z.uuid(),
  roles: z.array(roleSchema),
  permissions: z.array(z.enum(PERMISSIONS)),
});

export const trustMembershipSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  roles: z.array(roleSchema),
});

const userRow = createSelectSchema(users).shape;

/** What the web app knows about the signed-in person. */
export const sessionResponse = z.object({
  signedIn: z.boolean(),
  /** 'complete', or the step still needed before anything else may be done. */
  stage: z.enum(SESSION_STAGES),
  user: z
    .object({
      id: userRow.id,
      email: userRow.email,
      displayName: userRow.displayName,
      mfaEnabled: z.boolean(),
      mfaRequired: z.boolean(),
    })
    .nullable(),
  schools: z.array(sessionSchoolSchema),
  trusts: z.array(trustMembershipSchema),
  idleTimeoutSeconds: z.number().int().nullable(),
  demo: z.boolean(),
  /**
   * Set while this device is handed to a pupil to answer one questionnaire: the app shows only that
   * questionnaire until the member of staff signs back in with their password.
   */
  handedTo: z.object({ schoolId: z.string(), questionnaireId: z.string() }).nullable(),
});
export type SessionResponse = z.infer<typeof sessionResponse>;

export const mfaEnrolmentResponse = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  qrCodeDataUrl: z.string(),
});

/** A reset or invitation link's token, checked before the new password is chosen. */
export const oneTimeTokenBody = z.strictObject({ token: z.string().min(20).max(200) });

/** What a reset or invitation link is for, shown before the new password is chosen. */
export const oneTimeLinkResponse = z.object({ purpose: z.enum(ONE_TIME_TOKEN_PURPOSES), displayName: z.string() });

export const recoveryCodesResponse = z.object({ recoveryCodes: z.array(z.string()) });

export const okResponse = z.object({ ok: z.literal(true) });
