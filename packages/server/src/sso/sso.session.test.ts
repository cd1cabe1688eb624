/**
 * What single sign-on leaves behind and what it writes when Tandem's own second factor completes
 * it: the one-time attempts go with a due job (not at every start), and the `auth.signed_in` entry
 * written after the code (or after setting up two-factor) names the same method and provider as
 * a sign-in the provider's MFA completed, while a password sign-in says 'password'.
 */
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, ssoAttempts, users } from '@tandem/core/schema';
import { totpCodeAt } from '../auth/totp';
import { DEMO_TOTP_SECRET } from '../demo/demo-data';
import { runDueJobs } from '../platform/jobs';
import { createTestEnv, PEOPLE, type TestClient, type TestEnv } from '../../test/harness';
import { Browserless, startTestIdp, type TestIdp } from '../../test/sso-idp';

let env: TestEnv;
let idp: TestIdp;

beforeAll(async () => {
  env = await createTestEnv({ ssoAllowHttpIssuer: true });
  idp = await startTestIdp(`${env.deps.config.publicUrl}/api/auth/sso/callback`);
  for (const email of Object.values(PEOPLE)) idp.addAccount({ email, amr: ['pwd'] });
  const admin = await env.as('schoolAdmin');
  const res = await admin.put(`/api/schools/${env.world.kingsmead}/sso/microsoft`, {
    issuer: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    domains: ['kingsmead.example'],
    acceptIdpMfa: true,
    enabled: true,
  });
  expect(res.status, res.text).toBe(200);
});

afterAll(async () => {
  await idp?.close();
  await env?.close();
});

/** Single sign-on as `email`, stopped wherever Tandem sends the person next. */
async function ssoSignIn(email: string): Promise<{ c: TestClient; location: string }> {
  const c = env.client();
  const start = await c.get(`/api/auth/sso/start?provider=microsoft&email=${encodeURIComponent(email)}`);
  expect(start.status, start.text).toBe(303);
  const back = new URL(await new Browserless().signInAt(String(start.headers.location), idp.issuer, email));
  const callback = await c.get(back.pathname + back.search);
  expect(callback.status, callback.text).toBe(303);
  return { c, location: String(callback.headers.location) };
}

async function lastSignIn(userId: string) {
  const [row] = await env.deps.database.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.action, 'auth.signed_in'))
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  expect(row?.actorUserId).toBe(userId);
  return row!.detail;
}

async function codeNow(secret: string): Promise<string> {
  env.clock.advance(30_000);
  return totpCodeAt(secret, env.clock.now());
}

describe('the sign-in entry when Tandem’s second factor completes a single sign-on', () => {
  it('names single sign-on and the provider after the authenticator code', async () => {
    const { c, location } = await ssoSignIn(PEOPLE.smhl);
    expect(location).toBe('/sign-in/two-factor');
    const verified = await c.post<{ stage: string }>('/api/auth/mfa/verify', { code: await codeNow(DEMO_TOTP_SECRET) });
    expect(verified.status, verified.text).toBe(200);
    expect(verified.body.stage).toBe('complete');
    expect(await lastSignIn(env.world.userId('smhl'))).toEqual({ mfa: true, method: 'sso', provider: 'microsoft' });
  });

  it('names single sign-on after setting up two-factor mid sign-in', async () => {
    const id = env.world.userId('dsl');
    await env.deps.database.db.update(users).set({ totpSecret: null, totpEnabledAt: null }).where(eq(users.id, id));
    const { c } = await ssoSignIn(PEOPLE.dsl);
    expect((await c.get<{ stage: string }>('/api/auth/session')).body.stage).not.toBe('complete');
    const started = await c.post<{ secret: string }>('/api/auth/mfa/enrol/start');
    expect(started.status, started.text).toBe(200);
    const confirmed = await c.post('/api/auth/mfa/enrol/confirm', { code: await codeNow(started.body.secret) });
    expect(confirmed.status, confirmed.text).toBe(200);
    expect(await lastSignIn(id)).toEqual({ mfa: true, method: 'sso', provider: 'microsoft' });
  });

  it('names the password after a password and the code, as before', async () => {
    await env.as('deputyDsl');
    expect(await lastSignIn(env.world.userId('deputyDsl'))).toEqual({ mfa: true, method: 'password' });
  });
});

describe('one-time sign-in attempts', () => {
  const countAttempts = async () =>
    (await env.deps.database.db.select({ id: ssoAttempts.id }).from(ssoAttempts)).length;

  it('are no longer cleared at every start, and a due job deletes them a day after they end', async () => {
    await ssoSignIn(PEOPLE.tutor); // used
    await env.client().get(`/api/auth/sso/start?provider=microsoft&email=${encodeURIComponent(PEOPLE.tutor)}`);
    const before = await countAttempts();
    expect(before).toBeGreaterThanOrEqual(2);

    const started = env.clock.now();
    env.clock.advance(25 * 3600_000);
    // A fresh start leaves the old ones alone: only the job deletes them.
    const freshAt = env.clock.now();
    await env.client().get(`/api/auth/sso/start?provider=microsoft&email=${encodeURIComponent(PEOPLE.tutor)}`);
    expect(await countAttempts()).toBe(before + 1);

    const result = await runDueJobs(env.deps);
    expect(result.ssoAttemptCleanup).toBe(before);
    const left = await env.deps.database.db.select().from(ssoAttempts);
    expect(left.map((a) => a.createdAt.getTime())).toEqual([freshAt.getTime()]);
    expect((await runDueJobs(env.deps)).ssoAttemptCleanup).toBe(0);
    env.clock.set(started);
  });
});
