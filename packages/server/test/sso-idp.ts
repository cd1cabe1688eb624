/**
 * A real OpenID Connect provider for tests (oidc-provider) on 127.0.0.1, with Tandem registered as
 * a client, and its own small sign-in page. Accounts are given by the test with the claims the
 * provider vouches for (email, email_verified, amr). An account may be marked to have its ID token
 * spoilt at the token endpoint (re-signed with the provider's own key, the right nonce, and a wrong
 * audience or an expiry in the past), so Tandem's checks through openid-client can be shown to hold.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt, exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import Provider from 'oidc-provider';

export interface IdpAccount {
  email: string;
  emailVerified?: boolean;
  /** Authentication methods reported in the ID token (e.g. ['pwd', 'mfa']). */
  amr?: string[];
  /** Spoil the ID token this account receives. */
  spoil?: 'wrong_audience' | 'expired';
}

export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, IdpAccount>;
  addAccount(account: IdpAccount): void;
  close(): Promise<void>;
}

/** Start the provider; `redirectUri` is Tandem's callback (publicUrl + /api/auth/sso/callback). */
export async function startTestIdp(redirectUri: string): Promise<TestIdp> {
  const clientId = 'tandem-test-client';
  const clientSecret = 'a-test-client-secret-that-is-long-enough-0123456789';
  const accounts = new Map<string, IdpAccount>();
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk: JWK = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const signingKey = await importJWK(jwk, 'RS256');

  let provider: Provider | null = null;
  const server = http.createServer((req, res) => {
    if (!provider) {
      res.statusCode = 503;
      res.end();
      return;
    }
    if (req.url?.startsWith('/interaction/')) {
      void interaction(provider, accounts, req, res).catch(() => {
        res.statusCode = 500;
        res.end('interaction failed');
      });
      return;
    }
    void provider.callback()(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: ['test-cookie-key-0123456789'] },
    claims: { openid: ['sub', 'amr'], email: ['email', 'email_verified'], profile: ['name'] },
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    ttl: { Interaction: 600, Grant: 600, Session: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    findAccount: (_ctx, sub) => {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: () => ({ sub, email: account.email, email_verified: account.emailVerified ?? true, name: 'Test' }),
      };
    },
  });
  // Spoil the ID token for accounts marked so: same key, same nonce, a wrong audience or past expiry.
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path !== '/token' || ctx.status !== 200) return;
    const body = ctx.body as { id_token?: string } | undefined;
    if (!body?.id_token) return;
    const claims = decodeJwt(body.id_token);
    const account = accounts.get(String(claims.sub));
    if (!account?.spoil) return;
    const now = Math.floor(Date.now() / 1000);
    const changed =
      account.spoil === 'wrong_audience'
        ? { ...claims, aud: 'someone-else' }
        : { ...claims, iat: now - 7200, exp: now - 3600 };
    body.id_token = await new SignJWT(changed)
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key', typ: 'JWT' })
      .sign(signingKey);
  });

  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    addAccount: (account) => accounts.set(account.email, account),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;
}

/** The provider's sign-in page: the address asked for (login_hint), signed in with one button. */
async function interaction(
  provider: Provider,
  accounts: Map<string, IdpAccount>,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  const hint = typeof details.params.login_hint === 'string' ? details.params.login_hint : '';
  if (req.method === 'GET') {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(
      page(
        'Test identity provider',
        `<form method="post" action="/interaction/${details.uid}"><label for="login">Email</label> <input id="login" name="login" value="${hint.replace(/[<>"&]/g, '')}"> <button type="submit">Sign in</button></form>`,
      ),
    );
    return;
  }
  let raw = '';
  for await (const chunk of req) raw += String(chunk);
  const login = new URLSearchParams(raw).get('login') ?? hint;
  const account = accounts.get(login);
  if (!account) {
    await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'unknown' });
    return;
  }
  const clientId = String(details.params.client_id);
  const grant = new provider.Grant({ accountId: login, clientId });
  grant.addOIDCScope(String(details.params.scope));
  const grantId = await grant.save();
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: login, amr: account.amr ?? ['pwd'] }, consent: { grantId } },
    { mergeWithLastSubmission: false },
  );
}

/** A tiny cookie jar and manual redirect-follower for driving the provider with fetch. */
export class Browserless {
  private cookies = new Map<string, string>();

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const jar = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (jar) headers.set('cookie', jar);
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  /**
   * From the provider's authorization URL to the address it sends the browser back to: follow the
   * provider's redirects, sign in on its page as `login`, and stop at the first address outside it.
   */
  async signInAt(authorizationUrl: string, issuer: string, login: string): Promise<string> {
    let url = authorizationUrl;
    for (let i = 0; i < 10; i++) {
      if (!url.startsWith(issuer)) return url;
      let res = await this.fetch(url);
      if (res.status === 200 && new URL(url).pathname.startsWith('/interaction/')) {
        res = await this.fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ login }).toString(),
        });
      }
      const location = res.headers.get('location');
      if (!location) throw new Error(`the provider stopped at ${url} with ${res.status}: ${await res.text()}`);
      url = new URL(location, url).href;
    }
    throw new Error('too many redirects at the provider');
  }
}
