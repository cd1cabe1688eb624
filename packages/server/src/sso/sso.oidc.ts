/**
 * Talking to the school's identity provider, only through openid-client (discovery, the
 * authorization URL with PKCE, state and nonce, and the code exchange that checks the ID token's
 * signature, issuer, audience, expiry and nonce). Nothing here checks a token by hand.
 * Plain http issuers are trusted only with SSO_ALLOW_HTTP_ISSUER (tests and development).
 */
import * as client from 'openid-client';
import type { SsoRefusal } from '@tandem/core';
import type { AppDeps } from '../platform/deps';

export interface ConnectionSecrets {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

const DISCOVERY_TIMEOUT_SECONDS = 10;

/** Where the identity provider sends people back to Tandem. */
export function redirectUriFor(deps: AppDeps): string {
  return `${deps.config.publicUrl}/api/auth/sso/callback`;
}

/** Whether an issuer address may be used under this installation's settings. */
export function issuerAllowed(deps: AppDeps, issuer: string): boolean {
  return issuer.startsWith('https://') || (deps.config.ssoAllowHttpIssuer && issuer.startsWith('http://'));
}

/**
 * Discover the provider and describe Tandem as its client. The app's clock is handed to
 * openid-client as its clock skew, so a moved test clock (or a corrected server clock) applies.
 */
export async function discover(deps: AppDeps, c: ConnectionSecrets): Promise<client.Configuration> {
  const skew = Math.round((deps.clock.now().getTime() - Date.now()) / 1000);
  const insecure = deps.config.ssoAllowHttpIssuer && c.issuer.startsWith('http://');
  return client.discovery(
    new URL(c.issuer),
    c.clientId,
    { client_secret: c.clientSecret, [client.clockSkew]: skew },
    client.ClientSecretPost(c.clientSecret),
    {
      timeout: DISCOVERY_TIMEOUT_SECONDS,
      // Only with SSO_ALLOW_HTTP_ISSUER (tests, development): openid-client marks it so on purpose.
      // eslint-disable-next-line @typescript-eslint/no-deprecated
      ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
    },
  );
}

export interface AttemptSecrets {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** Fresh state, nonce and PKCE verifier for one attempt. */
export function newAttemptSecrets(): AttemptSecrets {
  return { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
}

/** The identity provider's sign-in address for one attempt. */
export async function authorizationUrl(
  deps: AppDeps,
  config: client.Configuration,
  secrets: AttemptSecrets,
  loginHint: string,
): Promise<URL> {
  return client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUriFor(deps),
    scope: 'openid email profile',
    response_type: 'code',
    state: secrets.state,
    nonce: secrets.nonce,
    code_challenge: await client.calculatePKCECodeChallenge(secrets.codeVerifier),
    code_challenge_method: 'S256',
    login_hint: loginHint,
  });
}

/** The ID token's claims once openid-client has checked it. */
export type IdClaims = Record<string, unknown>;

/** Exchange the code; refusals come back as a reason code. */
export async function exchangeCode(
  config: client.Configuration,
  callbackUrl: URL,
  secrets: Omit<AttemptSecrets, 'state'> & { state: string },
): Promise<{ claims: IdClaims } | { refused: SsoRefusal }> {
  try {
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      expectedState: secrets.state,
      expectedNonce: secrets.nonce,
      pkceCodeVerifier: secrets.codeVerifier,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) return { refused: 'invalid_token' };
    return { claims };
  } catch (error) {
    return { refused: refusalFor(error) };
  }
}

function claimIn(error: unknown): string | undefined {
  let e: unknown = error;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const claim = (e as { claim?: unknown }).claim;
    if (typeof claim === 'string') return claim;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** openid-client's error, as the reason the sign-in page and the audit trail give. */
export function refusalFor(error: unknown): SsoRefusal {
  if (error instanceof client.AuthorizationResponseError || error instanceof client.ResponseBodyError) {
    return 'idp_error';
  }
  const code = (error as { code?: unknown }).code;
  const claim = claimIn(error);
  if (code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' && claim === 'aud') return 'wrong_audience';
  if (code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED' && (claim === 'exp' || claim === 'iat')) return 'expired';
  if (error instanceof TypeError && !('code' in error)) return 'idp_error';
  return 'invalid_token';
}

/** The verified e-mail address in the claims (Google's email_verified, Microsoft's xms_edov), or null. */
export function verifiedEmail(claims: IdClaims): string | null {
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : null;
  if (!email) return null;
  return claims.email_verified === true || claims.xms_edov === true ? email : null;
}
