/**
 * Single sign-on against a real OpenID Connect provider (oidc-provider on 127.0.0.1): Kingsmead
 * connects its tenant; a tutor goes Tandem → the provider's sign-in page → back to Tandem and is
 * signed in as with a password. Each way it must refuse is shown with the clear message's code and
 * its audit entry: a wrong audience, an expired token, an unverified e-mail, a replayed state, an
 * unknown user, a disabled leaver, a parent and a pupil, and Kingsmead staff at Willowbrook's
 * connection. The provider's MFA stands in for Tandem's second factor only where the school allows.
 */
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SSO_REFUSAL_MESSAGES, SSO_REFUSALS, type SsoRefusal } from '@tandem/core';
import { auditEvents, users } from '@tandem/core/schema';
import { createTestEnv, PEOPLE, type TestClient, type TestEnv } from '../../test/harness';
import { Browserless, startTestIdp, type TestIdp } from '../../test/sso-idp';

let env: TestEnv;
let idp: TestIdp;

const connection = (overrides: Record<string, unknown> = {}) => ({
  issuer: idp.issuer,
  clientId: idp.clientId,
  clientSecret: idp.clientSecret,
  domains: ['kingsmead.example', 'pupils.kingsmead.example', 'family.example'],
  acceptIdpMfa: false,
  enabled: true,
  ...overrides,
});

async function connect(
  school: string,
  provider: 'microsoft' | 'google',
  body: Record<string, unknown>,
  admin: TestClient,
) {
  const res = await admin.put(`/api/schools/${school}/sso/${provider}`, body);
  expect(res.status, res.text).toBe(200);
}

/** Start at Tandem, sign in at the provider as `email`, come back; the client holds any session. */
async function ssoSignIn(email: string, provider: 'microsoft' | 'google' = 'microsoft') {
  const c = env.client();
  const start = await c.get(`/api/auth/sso/start?provider=${provider}&email=${encodeURIComponent(email)}`);
  expect(start.status, start.text).toBe(303);
  const back = await new Browserless().signInAt(String(start.headers.location), idp.issuer, email);
  const url = new URL(back);
  expect(url.origin).toBe(env.deps.config.publicUrl);
  const callback = await c.get(url.pathname + url.search);
  expect(callback.status, callback.text).toBe(303);
  return { c, location: String(callback.headers.location), callbackPath: url.pathname + url.search };
}

async function lastAudit(action: 'auth.sso_refused' | 'auth.signed_in') {
  const [row] = await env.deps.database.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.action, action))
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  return row!;
}

async function expectRefused(location: string, reason: SsoRefusal, userId: string | null) {
  expect(location).toBe(`/sign-in?sso=${reason}`);
  expect(SSO_REFUSAL_MESSAGES[reason]).toMatch(/\w/);
  const entry = await lastAudit('auth.sso_refused');
  expect(entry.detail).toEqual({ provider: 'microsoft', reason });
  expect(entry.schoolId).toBe(env.world.kingsmead);
  expect(entry.actorUserId).toBe(userId);
  expect(JSON.stringify(entry)).not.toContain('@');
}

beforeAll(async () => {
  env = await createTestEnv({ ssoAllowHttpIssuer: true });
  idp = await startTestIdp(`${env.deps.config.publicUrl}/api/auth/sso/callback`);
  for (const email of Object.values(PEOPLE)) idp.addAccount({ email });
  await connect(env.world.kingsmead, 'microsoft', connection(), await env.as('schoolAdmin'));
});

afterAll(async () => {
  await idp?.close();
  await env?.close();
});

describe('single sign-on through the school’s identity provider', () => {
  it('signs a tutor in end to end, with the same session and audit entry as a password', async () => {
    const { c, location } = await ssoSignIn(PEOPLE.tutor);
    expect(location).toBe('/');
    const session = await c.get<{ stage: string; user: { email: string } }>('/api/auth/session');
    expect(session.body.stage).toBe('complete');
    expect(session.body.user.email).toBe(PEOPLE.tutor);
    const entry = await lastAudit('auth.signed_in');
    expect(entry.actorUserId).toBe(env.world.userId('tutor'));
    expect(entry.detail).toEqual({ mfa: false, method: 'sso', provider: 'microsoft' });
    // The same session as a password one: what the tutor may see is unchanged.
    const audit = await c.get(`/api/schools/${env.world.kingsmead}/audit`);
    expect(audit.status).toBe(403);
  });

  it('still asks for Tandem’s second factor when the school does not accept the provider’s MFA', async () => {
    idp.addAccount({ email: PEOPLE.smhl, amr: ['pwd', 'mfa'] });
    const { c, location } = await ssoSignIn(PEOPLE.smhl);
    expect(location).toBe('/sign-in/two-factor');
    const session = await c.get<{ stage: string }>('/api/auth/session');
    expect(session.body.stage).toBe('mfa_required');
  });

  it('accepts the provider’s MFA where the school allows it, and only when amr shows it', async () => {
    await connect(
      env.world.kingsmead,
      'microsoft',
      connection({ acceptIdpMfa: true, clientSecret: undefined }),
      await env.as('schoolAdmin'),
    );
    idp.addAccount({ email: PEOPLE.smhl, amr: ['pwd', 'mfa'] });
    const withMfa = await ssoSignIn(PEOPLE.smhl);
    expect(withMfa.location).toBe('/');
    expect((await withMfa.c.get<{ stage: string }>('/api/auth/session')).body.stage).toBe('complete');
    expect((await lastAudit('auth.signed_in')).detail).toEqual({ mfa: true, method: 'sso', provider: 'microsoft' });

    idp.addAccount({ email: PEOPLE.smhl, amr: ['pwd'] });
    const without = await ssoSignIn(PEOPLE.smhl);
    expect(without.location).toBe('/sign-in/two-factor');
    await connect(
      env.world.kingsmead,
      'microsoft',
      connection({ clientSecret: undefined }),
      await env.as('schoolAdmin'),
    );
  });

  it('refuses an ID token meant for another audience', async () => {
    idp.addAccount({ email: PEOPLE.support, spoil: 'wrong_audience' });
    const { c, location } = await ssoSignIn(PEOPLE.support);
    await expectRefused(location, 'wrong_audience', null);
    expect((await c.get<{ stage: string }>('/api/auth/session')).body.stage).toBe('signed_out');
    idp.addAccount({ email: PEOPLE.support });
  });

  it('refuses an expired ID token', async () => {
    idp.addAccount({ email: PEOPLE.firstAider, spoil: 'expired' });
    const { location } = await ssoSignIn(PEOPLE.firstAider);
    await expectRefused(location, 'expired', null);
    idp.addAccount({ email: PEOPLE.firstAider });
  });

  it('refuses a sign-in finished more than 10 minutes after it started', async () => {
    const c = env.client();
    const start = await c.get(`/api/auth/sso/start?provider=microsoft&email=${encodeURIComponent(PEOPLE.tutor)}`);
    const back = new URL(await new Browserless().signInAt(String(start.headers.location), idp.issuer, PEOPLE.tutor));
    const before = env.clock.now();
    env.clock.advance(11 * 60_000);
    const callback = await c.get(back.pathname + back.search);
    env.clock.set(before);
    await expectRefused(String(callback.headers.location), 'expired', null);
  });

  it('refuses an e-mail the provider has not verified', async () => {
    idp.addAccount({ email: PEOPLE.intervention, emailVerified: false });
    const { location } = await ssoSignIn(PEOPLE.intervention);
    await expectRefused(location, 'email_unverified', null);
    idp.addAccount({ email: PEOPLE.intervention });
  });

  it('refuses a replayed state, and a state Tandem never gave', async () => {
    const { c, callbackPath } = await ssoSignIn(PEOPLE.tutor);
    const again = await c.get(callbackPath);
    await expectRefused(String(again.headers.location), 'replayed_state', null);
    const unknown = await env.client().get('/api/auth/sso/callback?code=abc&state=never-given');
    expect(unknown.headers.location).toBe('/sign-in?sso=unknown_state');
  });

  it('finishes a sign-in only in the browser that started it (a sign-in link cannot sign someone else in)', async () => {
    const starter = env.client();
    const start = await starter.get(`/api/auth/sso/start?provider=microsoft&email=${encodeURIComponent(PEOPLE.tutor)}`);
    const back = new URL(await new Browserless().signInAt(String(start.headers.location), idp.issuer, PEOPLE.tutor));
    const victim = env.client();
    const elsewhere = await victim.get(back.pathname + back.search);
    await expectRefused(String(elsewhere.headers.location), 'other_browser', null);
    expect((await victim.get('/api/auth/session')).body).toMatchObject({ signedIn: false });
    // The attempt was not used up: the browser that started it still finishes it.
    const own = await starter.get(back.pathname + back.search);
    expect(own.headers.location).not.toContain('sso=');
  });

  it('refuses someone not on the staff list, a parent and a pupil, and never creates an account', async () => {
    idp.addAccount({ email: 'new.person@kingsmead.example' });
    const unknown = await ssoSignIn('new.person@kingsmead.example');
    await expectRefused(unknown.location, 'not_staff', null);
    const [created] = await env.deps.database.db
      .select()
      .from(users)
      .where(eq(users.email, 'new.person@kingsmead.example'));
    expect(created).toBeUndefined();

    const parent = await ssoSignIn(PEOPLE.parent);
    await expectRefused(parent.location, 'not_staff', env.world.userId('parent'));
    const pupil = await ssoSignIn(PEOPLE.pupil);
    await expectRefused(pupil.location, 'not_staff', env.world.userId('pupil'));
    // Their password sign-in is unchanged.
    await env.as('parent');
  });

  it('refuses a leaver disabled in Tandem', async () => {
    const id = env.world.userId('earlyHelp');
    await env.deps.database.db.update(users).set({ disabledAt: env.clock.now() }).where(eq(users.id, id));
    const { location } = await ssoSignIn(PEOPLE.earlyHelp);
    await expectRefused(location, 'disabled', id);
    await env.deps.database.db.update(users).set({ disabledAt: null }).where(eq(users.id, id));
  });

  it('keeps a member of staff of one school out through another school’s connection', async () => {
    // Willowbrook (wrongly) lists Kingsmead's domain for Google: Kingsmead's tutor is still refused.
    await connect(
      env.world.willow,
      'google',
      connection({ domains: ['kingsmead.example'] }),
      await env.as('otherHead'),
    );
    const { c, location } = await ssoSignIn(PEOPLE.tutor, 'google');
    expect(location).toBe('/sign-in?sso=not_staff');
    const entry = await lastAudit('auth.sso_refused');
    expect(entry.schoolId).toBe(env.world.willow);
    expect(entry.detail).toEqual({ provider: 'google', reason: 'not_staff' });
    expect((await c.get<{ stage: string }>('/api/auth/session')).body.stage).toBe('signed_out');
  });

  it('checks the connection by reaching the provider', async () => {
    const admin = await env.as('schoolAdmin');
    const res = await admin.post<{ ok: boolean; message: string }>(
      `/api/schools/${env.world.kingsmead}/sso/microsoft/check`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true });
    expect(res.body.message).toMatch(/^Tandem reached http:\/\/127\.0\.0\.1/);
  });

  it('says clearly when no school has turned on the provider for the address', async () => {
    const c = env.client();
    const post = await c.post<{ error: { message: string } }>('/api/auth/sso/start', {
      provider: 'google',
      email: 'someone@elsewhere.example',
    });
    expect(post.status).toBe(400);
    expect(post.body.error.message).toBe(
      'Your school has not turned on Google sign-in for this address. Sign in with your password.',
    );
    const get = await c.get('/api/auth/sso/start?provider=microsoft&email=someone%40elsewhere.example');
    expect(get.headers.location).toBe('/sign-in?sso=domain_not_connected&provider=microsoft');
    const bad = await c.post('/api/auth/sso/start', { provider: 'yahoo', email: 'x' });
    expect(bad.status).toBe(400);
  });

  it('counts refusals towards the sign-in throttle for the address', async () => {
    idp.addAccount({ email: PEOPLE.pastoral, emailVerified: true, spoil: 'wrong_audience' });
    for (let i = 0; i < 5; i++) await ssoSignIn(PEOPLE.pastoral);
    const locked = await env.client().post<{ error: { code: string } }>('/api/auth/sign-in', {
      email: PEOPLE.pastoral,
      password: 'anything-at-all',
    });
    expect(locked.status).toBe(429);
    expect(SSO_REFUSALS).toContain('locked');
  });
});
