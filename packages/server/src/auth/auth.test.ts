import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { sessions } from '@tandem/core/schema';
import { createTestEnv, PASSWORD, PEOPLE, userByEmail, type TestEnv } from '../../test/harness';
import { totpCodeAt } from './totp';
import { DEMO_TOTP_SECRET } from '../demo/demo-data';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env.close();
});

const GENERIC = 'The email address or password is not right. Please check them and try again.';

describe('signing in with a password', () => {
  it('a tutor signs in and gets an httpOnly, SameSite session cookie and their school roles', async () => {
    const c = env.client();
    const res = await c.post<{ stage: string; schools: { name: string; roles: string[] }[] }>('/api/auth/sign-in', {
      email: 'Ben.Wright@Kingsmead.example ',
      password: PASSWORD,
    });
    expect(res.status).toBe(200);
    expect(res.body.stage).toBe('complete');
    expect(res.body.schools).toEqual([expect.objectContaining({ name: 'Kingsmead Academy', roles: ['teacher'] })]);
    const setCookie = ([] as string[])
      .concat(res.headers['set-cookie'] as string[])
      .find((h) => h.startsWith('tandem_session='));
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i);
    const session = await c.get<{ signedIn: boolean; user: { email: string } }>('/api/auth/session');
    expect(session.body.signedIn).toBe(true);
    expect(session.body.user.email).toBe(PEOPLE.tutor);
    expect(session.headers['cache-control']).toBe('no-store');
  });

  it('a wrong password and an unknown address get the same answer, which reveals nothing', async () => {
    const wrong = await env.client().post('/api/auth/sign-in', { email: PEOPLE.tutor, password: 'not-the-password' });
    const unknown = await env
      .client()
      .post('/api/auth/sign-in', { email: 'nobody@kingsmead.example', password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).toEqual({ error: { code: 'unauthenticated', message: GENERIC } });
  });

  it('five failures pause sign-in for that address for 15 minutes, even with the right password, known account or not', async () => {
    for (const email of [PEOPLE.support, 'ghost@kingsmead.example']) {
      const c = env.client();
      for (let i = 0; i < 4; i++)
        expect((await c.post('/api/auth/sign-in', { email, password: 'wrong-password' })).status).toBe(401);
      const fifth = await c.post<{ error: { code: string } }>('/api/auth/sign-in', {
        email,
        password: 'wrong-password',
      });
      expect(fifth.status).toBe(429);
      expect(fifth.body.error.code).toBe('account_locked');
    }
    const locked = await env
      .client()
      .post<{ error: { code: string } }>('/api/auth/sign-in', { email: PEOPLE.support, password: PASSWORD });
    expect(locked.status).toBe(429);
    env.clock.advanceMinutes(16);
    const after = await env.client().post('/api/auth/sign-in', { email: PEOPLE.support, password: PASSWORD });
    expect(after.status).toBe(200);
  });

  it('a disabled account cannot sign in', async () => {
    const user = await userByEmail(env, PEOPLE.firstAider);
    const { users } = await import('@tandem/core/schema');
    await env.deps.database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user!.id));
    const res = await env.client().post('/api/auth/sign-in', { email: PEOPLE.firstAider, password: PASSWORD });
    expect(res.status).toBe(401);
    await env.deps.database.db.update(users).set({ disabledAt: null }).where(eq(users.id, user!.id));
  });

  it('signing out ends the session on the server', async () => {
    const c = await env.as('tutor');
    expect((await c.post('/api/auth/sign-out')).status).toBe(200);
    const s = await c.get<{ signedIn: boolean }>('/api/auth/session');
    expect(s.body.signedIn).toBe(false);
  });

  it('marks the cookie Secure when served over https', async () => {
    const secureEnv = await createTestEnv({ secureCookies: true });
    try {
      const res = await secureEnv.client().post('/api/auth/sign-in', { email: PEOPLE.tutor, password: PASSWORD });
      const setCookie = ([] as string[])
        .concat(res.headers['set-cookie'] as string[])
        .find((h) => h.startsWith('tandem_session='));
      expect(setCookie).toMatch(/Secure/);
      expect(res.headers['strict-transport-security']).toBeDefined();
    } finally {
      await secureEnv.close();
    }
  });
});

describe('rate limiting per network address', () => {
  it('refuses the sign-in route after the per-minute limit, whatever the account', async () => {
    const limited = await createTestEnv({ signInRateLimitPerMinute: 3 });
    try {
      const c = limited.client('10.9.8.7');
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        statuses.push((await c.post('/api/auth/sign-in', { email: `person${i}@example.org`, password: 'x' })).status);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
      // Another address is not affected.
      expect(
        (await limited.client('10.9.8.8').post('/api/auth/sign-in', { email: 'a@example.org', password: 'x' })).status,
      ).toBe(401);
    } finally {
      await limited.close();
    }
  });
});

describe('CSRF protection', () => {
  it('refuses a state-changing request without the token, or with a wrong one, and changes nothing', async () => {
    const c = await env.as('tutor');
    const none = await c.request('POST', '/api/auth/sign-out', {}, { 'x-csrf-token': '' });
    expect(none.status).toBe(403);
    const wrong = await c.request('POST', '/api/auth/sign-out', {}, { 'x-csrf-token': 'forged-token-value' });
    expect(wrong.status).toBe(403);
    expect((await c.get<{ signedIn: boolean }>('/api/auth/session')).body.signedIn).toBe(true);
    const noCookie = await env.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: PEOPLE.tutor, password: PASSWORD },
    });
    expect(noCookie.statusCode).toBe(403);
  });
});

describe('idle timeout', () => {
  it('ends a staff session after 30 idle minutes, and activity keeps it alive', async () => {
    const c = await env.as('tutor');
    env.clock.advanceMinutes(25);
    expect((await c.get<{ signedIn: boolean }>('/api/auth/session')).body.signedIn).toBe(true);
    env.clock.advanceMinutes(25);
    expect((await c.get<{ signedIn: boolean }>('/api/auth/session')).body.signedIn).toBe(true);
    env.clock.advanceMinutes(31);
    expect((await c.get<{ signedIn: boolean }>('/api/auth/session')).body.signedIn).toBe(false);
    const res = await c.get<{ error: { code: string } }>(`/api/schools/${env.world.kingsmead}`);
    expect(res.status).toBe(401);
  });
});

describe('two-factor sign-in', () => {
  it('a Senior Mental Health Lead must give a code before anything else works', async () => {
    const c = env.client();
    const res = await c.post<{ stage: string; schools: unknown[] }>('/api/auth/sign-in', {
      email: PEOPLE.smhl,
      password: PASSWORD,
    });
    expect(res.body.stage).toBe('mfa_required');
    expect(res.body.schools).toEqual([]);
    const blocked = await c.get<{ error: { code: string } }>(`/api/schools/${env.world.kingsmead}`);
    expect(blocked.status).toBe(401);
    expect(blocked.body.error.code).toBe('mfa_required');
    const bad = await c.post('/api/auth/mfa/verify', { code: '000000' });
    expect(bad.status).toBe(401);
    env.clock.advance(30_000);
    const code = await totpCodeAt(DEMO_TOTP_SECRET, env.clock.now());
    const ok = await c.post<{ stage: string }>('/api/auth/mfa/verify', { code });
    expect(ok.body.stage).toBe('complete');
    expect((await c.get(`/api/schools/${env.world.kingsmead}`)).status).toBe(200);

    // The same code cannot be used twice.
    const again = env.client();
    await again.post('/api/auth/sign-in', { email: PEOPLE.smhl, password: PASSWORD });
    expect((await again.post('/api/auth/mfa/verify', { code })).status).toBe(401);
  });

  it('gives the session a new token once the second factor is given', async () => {
    const c = env.client();
    const first = await c.post('/api/auth/sign-in', { email: PEOPLE.dsl, password: PASSWORD });
    const before = ([] as string[])
      .concat(first.headers['set-cookie'] as string[])
      .find((h) => h.startsWith('tandem_session='));
    env.clock.advance(30_000);
    const verified = await c.post('/api/auth/mfa/verify', {
      code: await totpCodeAt(DEMO_TOTP_SECRET, env.clock.now()),
    });
    const after = ([] as string[])
      .concat(verified.headers['set-cookie'] as string[])
      .find((h) => h.startsWith('tandem_session='));
    expect(after).toBeDefined();
    expect(after?.split(';')[0]).not.toEqual(before?.split(';')[0]);
    // The pre-verification token no longer works.
    const oldToken = before?.split(';')[0] ?? '';
    const res = await env.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: oldToken } });
    expect(res.json<{ signedIn: boolean }>().signedIn).toBe(false);
  });

  it('a tutor may set up two-factor; recovery codes work once each', async () => {
    const c = await env.as('intervention');
    const start = await c.post<{ secret: string; otpauthUri: string; qrCodeDataUrl: string }>(
      '/api/auth/mfa/enrol/start',
    );
    expect(start.status).toBe(200);
    expect(start.body.otpauthUri).toContain('otpauth://totp/Tandem');
    expect(start.body.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    const wrong = await c.post('/api/auth/mfa/enrol/confirm', { code: '123456' });
    expect(wrong.status).toBe(400);
    const confirm = await c.post<{ recoveryCodes: string[] }>('/api/auth/mfa/enrol/confirm', {
      code: await totpCodeAt(start.body.secret, env.clock.now()),
    });
    expect(confirm.body.recoveryCodes).toHaveLength(10);
    const stored = await userByEmail(env, PEOPLE.intervention);
    expect(stored?.totpSecret).toBe(start.body.secret);

    const next = env.client();
    const s = await next.post<{ stage: string }>('/api/auth/sign-in', {
      email: PEOPLE.intervention,
      password: PASSWORD,
    });
    expect(s.body.stage).toBe('mfa_required');
    const recovery = confirm.body.recoveryCodes[0] ?? '';
    expect(
      (await next.post<{ stage: string }>('/api/auth/mfa/verify', { code: recovery.toUpperCase() })).body.stage,
    ).toBe('complete');
    const reuse = env.client();
    await reuse.post('/api/auth/sign-in', { email: PEOPLE.intervention, password: PASSWORD });
    expect((await reuse.post('/api/auth/mfa/verify', { code: recovery })).status).toBe(401);
  });
});

describe('password reset by e-mail', () => {
  it('sends a one-time link that sets a new password, ends other sessions, and cannot be reused', async () => {
    const other = await env.as('pastoral');
    const res = await env.client().post('/api/auth/password/forgot', { email: PEOPLE.pastoral });
    expect(res.status).toBe(200);
    const [mail] = await env.smtp.messagesTo(PEOPLE.pastoral);
    expect(mail?.subject).toBe('Reset your Tandem password');
    const token = /set-password#token=([\w-]+)/.exec(mail?.text ?? '')?.[1] ?? '';
    expect(token.length).toBeGreaterThan(20);
    expect(mail?.text).toContain('http://tandem.test/set-password#token=');

    const check = await env.client().post<{ purpose: string }>('/api/auth/password/check-token', { token });
    expect(check.body.purpose).toBe('password_reset');
    const weak = await env
      .client()
      .post<{ error: { fields: { path: string }[] } }>('/api/auth/password/reset', { token, password: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.fields[0]?.path).toBe('password');
    const newPassword = 'correct horse battery staple';
    expect((await env.client().post('/api/auth/password/reset', { token, password: newPassword })).status).toBe(200);
    expect((await env.client().post('/api/auth/password/reset', { token, password: newPassword })).status).toBe(404);
    expect((await other.get<{ signedIn: boolean }>('/api/auth/session')).body.signedIn).toBe(false);
    expect((await env.client().post('/api/auth/sign-in', { email: PEOPLE.pastoral, password: PASSWORD })).status).toBe(
      401,
    );
    expect(
      (await env.client().post('/api/auth/sign-in', { email: PEOPLE.pastoral, password: newPassword })).status,
    ).toBe(200);
  });

  it('a link stops working after an hour', async () => {
    await env.client().post('/api/auth/password/forgot', { email: PEOPLE.earlyHelp });
    const [mail] = await env.smtp.messagesTo(PEOPLE.earlyHelp);
    const token = /token=([\w-]+)/.exec(mail?.text ?? '')?.[1] ?? '';
    env.clock.advanceMinutes(61);
    expect(
      (await env.client().post('/api/auth/password/reset', { token, password: 'a perfectly long password' })).status,
    ).toBe(404);
  });

  it('answers the same for an unknown address and sends nothing', async () => {
    const before = env.smtp.messages.length;
    const res = await env.client().post('/api/auth/password/forgot', { email: 'nobody@nowhere.example' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
    await new Promise((r) => setTimeout(r, 200));
    expect(env.smtp.messages.length).toBe(before);
  });
});

describe('bad input', () => {
  it('malformed JSON, wrong types, unknown fields and oversized bodies get clear 4xx answers without internals', async () => {
    const c = env.client();
    const token = await c.csrfToken();
    const malformed = await c.request('POST', '/api/auth/sign-in', '{"email": ', {
      'content-type': 'application/json',
      'x-csrf-token': token,
    });
    expect(malformed.status).toBe(400);
    expect(malformed.text).not.toMatch(/at .*\.ts|stack|Error:/);
    const wrongType = await c.post<{ error: { code: string; fields: { path: string }[] } }>('/api/auth/sign-in', {
      email: 42,
      password: true,
    });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.code).toBe('validation');
    expect(wrongType.body.error.fields.map((f) => f.path).sort()).toEqual(['email', 'password']);
    const unknown = await c.post<{ error: { fields: { message: string }[] } }>('/api/auth/sign-in', {
      email: PEOPLE.tutor,
      password: PASSWORD,
      admin: true,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields[0]?.message).toContain('admin');
    const huge = await c.post('/api/auth/sign-in', { email: PEOPLE.tutor, password: 'x'.repeat(400_000) });
    expect(huge.status).toBe(413);
    const notFound = await c.get<{ error: { code: string } }>('/api/nothing-here');
    expect(notFound.status).toBe(404);
    const badId = await (await env.as('head')).get(`/api/schools/not-a-uuid`);
    expect(badId.status).toBe(400);
  });

  it('stores sessions only as a hash of the cookie', async () => {
    const c = env.client();
    const res = await c.post('/api/auth/sign-in', { email: PEOPLE.tutor, password: PASSWORD });
    const cookie =
      ([] as string[]).concat(res.headers['set-cookie'] as string[]).find((h) => h.startsWith('tandem_session=')) ?? '';
    const raw = cookie.split(';')[0]?.split('=')[1] ?? '';
    const rows = await env.deps.database.db.select().from(sessions).where(eq(sessions.id, raw));
    expect(rows).toHaveLength(0);
  });
});

describe('service endpoints', () => {
  it('serves health and an OpenAPI document built from the same schemas', async () => {
    const health = await env.client().get<{ status: string }>('/api/health');
    expect(health.body.status).toBe('ok');
    const doc = await env.client().get<{ openapi: string; paths: Record<string, unknown> }>('/api/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/sign-in', '/api/schools/{schoolId}/staff']),
    );
    const signIn = doc.body.paths['/api/auth/sign-in'] as {
      post: { requestBody: { content: Record<string, { schema: { required: string[] } }> } };
    };
    expect(signIn.post.requestBody.content['application/json']?.schema.required).toEqual(['email', 'password']);
  });

  it('sends a strict content security policy', async () => {
    const res = await env.client().get('/api/health');
    expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
  });
});
