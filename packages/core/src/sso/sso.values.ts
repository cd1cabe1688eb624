/**
 * Single sign-on for staff through the school's own identity provider (Microsoft Entra ID or
 * Google Workspace, over OpenID Connect): the providers, why a sign-in is refused and what the
 * sign-in page then says. Parents and pupils always use their Tandem password.
 */

export const SSO_PROVIDERS = ['microsoft', 'google'] as const;
export type SsoProvider = (typeof SSO_PROVIDERS)[number];

export const SSO_PROVIDER_LABELS: Record<SsoProvider, string> = {
  microsoft: 'Microsoft',
  google: 'Google',
};

/** Google Workspace's one issuer; Microsoft's is per tenant (`microsoftIssuer`). */
export const GOOGLE_ISSUER = 'https://accounts.google.com';

/** A Microsoft Entra tenant ID: a GUID, or the tenant's domain (oakfield.onmicrosoft.com). */
export const MICROSOFT_TENANT_PATTERN =
  /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9-]+(\.[a-z0-9-]+)+)$/i;

/** The issuer of a Microsoft Entra tenant's ID tokens. */
export function microsoftIssuer(tenantId: string): string {
  return `https://login.microsoftonline.com/${tenantId.trim()}/v2.0`;
}

/** The tenant ID inside a Microsoft issuer, or null for any other issuer. */
export function microsoftTenantOf(issuer: string): string | null {
  const match = /^https:\/\/login\.microsoftonline\.com\/([^/]+)\/v2\.0$/.exec(issuer);
  return match?.[1] ?? null;
}

/** An e-mail domain as staff type it after the @ (lower-cased by the schema). */
export const EMAIL_DOMAIN_PATTERN = /^(?=.{3,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/**
 * `amr` values (RFC 8176) that show the identity provider itself asked for more than a password.
 * Accepted in place of Tandem's second factor only where the school allows it.
 */
export const AMR_MFA_VALUES = ['mfa', 'otp', 'hwk', 'swk', 'fido', 'sc'] as const;

/** Whether an ID token's `amr` claim shows multi-factor authentication. */
export function amrShowsMfa(amr: unknown): boolean {
  return Array.isArray(amr) && amr.some((v) => (AMR_MFA_VALUES as readonly unknown[]).includes(v));
}

/** Why a single sign-on was refused: in the audit trail and, as a code, on the sign-in page. */
export const SSO_REFUSALS = [
  'wrong_audience',
  'invalid_token',
  'expired',
  'email_unverified',
  'replayed_state',
  'unknown_state',
  'other_browser',
  'not_staff',
  'disabled',
  'domain_not_connected',
  'idp_error',
  'locked',
] as const;
export type SsoRefusal = (typeof SSO_REFUSALS)[number];

const TRY_AGAIN = 'Please try again, or sign in with your password.';

/** What the sign-in page says for each refusal: never whether an account exists. */
export const SSO_REFUSAL_MESSAGES: Record<SsoRefusal, string> = {
  wrong_audience: `Your school's sign-in service sent an answer meant for another service, so Tandem refused it. ${TRY_AGAIN}`,
  invalid_token: `Tandem could not check the answer from your school's sign-in service. ${TRY_AGAIN}`,
  expired: `The sign-in took too long or has already been used, so it has expired. ${TRY_AGAIN}`,
  email_unverified: `Your school's sign-in service did not confirm your email address, so Tandem cannot match you to your account. Sign in with your password.`,
  replayed_state: `That sign-in link has already been used. ${TRY_AGAIN}`,
  unknown_state: `Tandem did not start that sign-in, or it has expired. ${TRY_AGAIN}`,
  other_browser: `That sign-in was started in another browser, so Tandem refused it. Start again from this page. If someone sent you a sign-in link, do not use it.`,
  not_staff: `This address is not on your school's staff list in Tandem, so it cannot sign in this way. Parents and pupils sign in with their password; staff, ask your school administrator.`,
  disabled: `This account has been closed. If you think that is wrong, ask your school administrator.`,
  domain_not_connected: `Your school has not turned on this sign-in for this address. Sign in with your password.`,
  idp_error: `Your school's sign-in service did not sign you in. ${TRY_AGAIN}`,
  locked: `Too many attempts to sign in to this account. Wait 15 minutes, then try again.`,
};

/** The answer when no school has connected this provider for the address's domain. */
export function notConnectedMessage(provider: SsoProvider): string {
  return `Your school has not turned on ${SSO_PROVIDER_LABELS[provider]} sign-in for this address. Sign in with your password.`;
}

/** A one-time sign-in attempt lasts this long between Tandem and the identity provider. */
export const SSO_ATTEMPT_MINUTES = 10;
