/**
 * An HTTP client over app.inject that keeps cookies and sends the CSRF token, like a browser, and
 * signs in with the password and, for case roles, the two-factor code.
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { totpCodeAt } from '../src/auth/totp';

export interface InjectResult {
  status: number;
  body: string;
  json(): unknown;
}

export class BenchClient {
  private readonly cookies = new Map<string, string>();
  private csrf: string | null = null;

  constructor(
    private readonly app: FastifyInstance,
    private readonly ip = '127.0.0.1',
  ) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(method: 'GET' | 'POST', url: string, payload?: object): Promise<InjectResult> {
    const headers: Record<string, string> = {};
    if (method === 'POST') headers['x-csrf-token'] = await this.csrfToken();
    const cookie = this.cookieHeader();
    if (cookie) headers.cookie = cookie;
    const options: InjectOptions = { method, url, headers, remoteAddress: this.ip };
    if (payload) options.payload = payload;
    const res = await this.app.inject(options);
    for (const c of res.cookies) {
      if (c.value === '' || (c.maxAge !== undefined && c.maxAge <= 0)) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return { status: res.statusCode, body: res.body, json: () => JSON.parse(res.body) as unknown };
  }

  async csrfToken(): Promise<string> {
    if (!this.csrf) {
      this.csrf = ''; // the GET below needs no token
      const res = await this.request('GET', '/api/auth/csrf');
      this.csrf = (res.json() as { token: string }).token;
    }
    return this.csrf;
  }

  /** Sign in with password and, if asked for, the two-factor code of this moment. */
  async signIn(email: string, password: string, totpSecret: string | null): Promise<void> {
    const res = await this.request('POST', '/api/auth/sign-in', { email, password });
    if (res.status !== 200) throw new Error(`sign-in failed for ${email}: ${res.status} ${res.body}`);
    const { stage } = res.json() as { stage: string };
    if (stage === 'mfa_required') {
      if (!totpSecret) throw new Error(`two-factor needed for ${email} but no secret given`);
      const code = await totpCodeAt(totpSecret, new Date());
      const v = await this.request('POST', '/api/auth/mfa/verify', { code });
      if (v.status !== 200 || (v.json() as { stage: string }).stage !== 'complete') {
        throw new Error(`two-factor failed for ${email}: ${v.status} ${v.body}`);
      }
    } else if (stage !== 'complete') {
      throw new Error(`sign-in for ${email} stopped at ${stage}`);
    }
  }
}

/** A GET through app.inject with fixed headers, checked for status 200 (the timed path: nothing else). */
export function getter(app: FastifyInstance, url: string, cookie: string, check?: (body: string) => void) {
  const headers = cookie ? { cookie } : {};
  return async (): Promise<void> => {
    const res = await app.inject({ method: 'GET', url, headers, remoteAddress: '127.0.0.1' });
    if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    check?.(res.body);
  };
}
