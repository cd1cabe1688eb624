/** Single sign-on over HTTP: the school's connection as its administrators read and change it. */
import { z } from 'zod';
import { EMAIL_DOMAIN_PATTERN, SSO_PROVIDERS, SSO_REFUSALS } from './sso.values';

/** A domain as typed (a leading @ is allowed; the use case drops it). */
const domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    new RegExp(`^@?${EMAIL_DOMAIN_PATTERN.source.slice(1)}`),
    'Enter each domain as it follows the @, for example oakfield.sch.uk',
  );

/** Save (create or replace) the school's connection for one provider. */
export const ssoConnectionBody = z.strictObject({
  issuer: z
    .url({ message: 'Enter the issuer as a full address, starting https://' })
    .trim()
    .max(300, 'The issuer address must be 300 characters or fewer'),
  clientId: z
    .string()
    .trim()
    .min(1, 'Enter the client ID (application ID) from your identity provider')
    .max(200, 'The client ID must be 200 characters or fewer'),
  /** Write-only: leave out to keep the saved one. Required the first time. */
  clientSecret: z
    .string()
    .trim()
    .min(1, 'Enter the client secret')
    .max(500, 'The client secret must be 500 characters or fewer')
    .optional(),
  domains: z
    .array(domain)
    .min(1, 'Enter at least one email domain your staff use')
    .max(10, 'Enter at most 10 email domains'),
  acceptIdpMfa: z.boolean(),
  enabled: z.boolean(),
});
export type SsoConnectionBody = z.infer<typeof ssoConnectionBody>;

export const ssoConnectionSchema = z.object({
  provider: z.enum(SSO_PROVIDERS),
  issuer: z.string(),
  clientId: z.string(),
  /** The secret itself is never sent back. */
  secretSaved: z.boolean(),
  domains: z.array(z.string()),
  acceptIdpMfa: z.boolean(),
  enabled: z.boolean(),
  updatedAt: z.string(),
  lastCheckedAt: z.string().nullable(),
  lastCheckOk: z.boolean().nullable(),
});
export type SsoConnection = z.infer<typeof ssoConnectionSchema>;

export const ssoConnectionsResponse = z.object({
  connections: z.array(ssoConnectionSchema),
  /** Where the identity provider must send people back (register it as the redirect URI). */
  redirectUri: z.string(),
  canEdit: z.boolean(),
});
export type SsoConnectionsResponse = z.infer<typeof ssoConnectionsResponse>;

export const ssoCheckResponse = z.object({ ok: z.boolean(), message: z.string() });
export type SsoCheckResponse = z.infer<typeof ssoCheckResponse>;

/** Start a single sign-on (GET query or POST body). */
export const ssoStartQuery = z.strictObject({
  provider: z.enum(SSO_PROVIDERS, { message: 'Choose Microsoft or Google' }),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, 'Enter your school email address')
    .max(254)
    .pipe(z.email({ message: 'Enter your school email address in full, with the @ and the part after it' })),
});
export type SsoStartQuery = z.infer<typeof ssoStartQuery>;

/** The refusal code the sign-in page turns into words (`SSO_REFUSAL_MESSAGES`). */
export const ssoRefusalCode = z.enum(SSO_REFUSALS);
