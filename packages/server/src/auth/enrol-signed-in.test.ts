/**
 * A parent (whose account does not need two-factor) may turn it on from their portal settings,
 * while fully signed in: the same enrolment routes as the mid-sign-in set-up, from a session whose
 * stage is already 'complete'.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '@tandem/core/schema';
import type { FamilyMeResponse, SessionResponse } from '@tandem/core';
import { createTestEnv, PASSWORD, PEOPLE, userByEmail, type TestEnv } from '../../test/harness';
import { totpCodeAt } from './totp';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env.close();
});

interface Enrolment {
  secret: string;
  otpauthUri: string;
  qrCodeDataUrl: string;
}

function sessionCookie(header: string | string[] | number | undefined): string {
  const cookie = ([] as string[])
    .concat(typeof header === 'number' || header === undefined ? [] : header)
    .find((h) => h.startsWith('tandem_session='));
  if (cookie === undefined) throw new Error('no session cookie');
  return cookie.split(';')[0] ?? '';
}

async function signIns(): Promise<number> {
  const rows = await env.deps.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.actorUserId, env.world.userId('parent')), eq(auditEvents.action, 'auth.signed_in')));
  return rows.length;
}

describe('a signed-in parent turns on two-factor sign-in', () => {
  it('enrols from a complete session, keeps the session, and needs a code at the next sign-in', async () => {
    const parent = env.client();
    const signIn = await parent.post<SessionResponse>('/api/auth/sign-in', {
      email: PEOPLE.parent,
      password: PASSWORD,
    });
    expect(signIn.status).toBe(200);
    expect(signIn.body.stage).toBe('complete');
    expect(signIn.body.user).toMatchObject({ email: PEOPLE.parent, mfaEnabled: false, mfaRequired: false });
    const oldCookie = sessionCookie(signIn.headers['set-cookie']);

    const signInsBefore = await signIns();
    const start = await parent.post<Enrolment>('/api/auth/mfa/enrol/start');
    expect(start.status).toBe(200);
    expect(start.body.otpauthUri).toContain('otpauth://totp/Tandem');
    expect(start.body.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    // Starting grants nothing: the account has no second factor until a code is confirmed.
    expect((await userByEmail(env, PEOPLE.parent))?.totpSecret).toBeNull();

    const wrong = await parent.post<{ error: { code: string; fields: { path: string }[] } }>(
      '/api/auth/mfa/enrol/confirm',
      { code: '000000' },
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields.map((f) => f.path)).toEqual(['code']);

    const confirm = await parent.post<{ recoveryCodes: string[] }>('/api/auth/mfa/enrol/confirm', {
      code: await totpCodeAt(start.body.secret, env.clock.now()),
    });
    expect(confirm.status).toBe(200);
    expect(confirm.body.recoveryCodes).toHaveLength(10);
    expect((await userByEmail(env, PEOPLE.parent))?.totpSecret).toBe(start.body.secret);

    // Still signed in (on the session's new token), now described as having two-factor on.
    const session = await parent.get<SessionResponse>('/api/auth/session');
    expect(session.body.stage).toBe('complete');
    expect(session.body.user).toMatchObject({ mfaEnabled: true });
    // The token from before is worthless, as after giving a second factor at sign-in.
    const old = await env.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: oldCookie } });
    expect(old.json<SessionResponse>().signedIn).toBe(false);
    const me = await parent.get<FamilyMeResponse>('/api/family/me');
    expect(me.status).toBe(200);
    expect(me.body.kind).toBe('parent');

    const enrolled = await env.deps.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorUserId, env.world.userId('parent')), eq(auditEvents.action, 'auth.mfa_enrolled')));
    expect(enrolled).toHaveLength(1);
    // Already signed in: turning it on is not recorded as a second sign-in.
    expect(await signIns()).toBe(signInsBefore);

    // Once on, it cannot be started again over the top.
    expect((await parent.post('/api/auth/mfa/enrol/start')).status).toBe(409);

    // The next sign-in asks for a code from the app.
    const next = env.client();
    const again = await next.post<SessionResponse>('/api/auth/sign-in', { email: PEOPLE.parent, password: PASSWORD });
    expect(again.body.stage).toBe('mfa_required');
    env.clock.advance(30_000);
    const verified = await next.post<SessionResponse>('/api/auth/mfa/verify', {
      code: await totpCodeAt(start.body.secret, env.clock.now()),
    });
    expect(verified.status).toBe(200);
    expect(verified.body.stage).toBe('complete');
  });
});
