/**
 * Sign-in limits per account and per network address, kept in the database: many wrong passwords
 * from a school's one address must not lock the whole school out, yet the attacked account is
 * locked and spraying one password across accounts from that address is still stopped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInThrottle } from '@tandem/core/schema';
import { createTestEnv, PASSWORD, PEOPLE, type TestEnv } from '../../test/harness';
import { DEMO_TOTP_SECRET } from '../demo/demo-data';
import { totpCodeAt } from './totp';

let env: TestEnv;
const SCHOOL_ADDRESS = '203.0.113.7';

beforeAll(async () => {
  // The operator's default: 20 failed sign-ins a minute from one address.
  env = await createTestEnv({ signInRateLimitPerMinute: 20 });
});
afterAll(async () => {
  await env.close();
});

type Answer = { stage?: string; error?: { code: string; message: string } };

describe('many failed sign-ins from one address (a school, or everyone behind a proxy)', () => {
  it('do not stop a correct password with a valid second factor from that address', async () => {
    const victims = [PEOPLE.tutor, PEOPLE.support, PEOPLE.pastoral, PEOPLE.firstAider, 'ghost@kingsmead.example'];
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      const email = victims[i % victims.length]!;
      statuses.push(
        (await env.client(SCHOOL_ADDRESS).post('/api/auth/sign-in', { email, password: 'wrong-pw' })).status,
      );
    }
    // Five accounts, four or five tries each: no single account reaches its own limit of five
    // within the first twenty, so the address limit is what stops the rest.
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);

    // A password alone is now refused from that address, asking for the second factor with it.
    const alone = await env
      .client(SCHOOL_ADDRESS)
      .post<Answer>('/api/auth/sign-in', { email: PEOPLE.dsl, password: PASSWORD });
    expect(alone.status).toBe(429);
    expect(alone.body.error?.code).toBe('rate_limited');
    expect(alone.body.error?.message).toContain('authenticator');

    // The DSL, at the same school address, signs in with password and code together.
    env.clock.advance(30_000);
    const c = env.client(SCHOOL_ADDRESS);
    const ok = await c.post<Answer>('/api/auth/sign-in', {
      email: PEOPLE.dsl,
      password: PASSWORD,
      code: await totpCodeAt(DEMO_TOTP_SECRET, env.clock.now()),
    });
    expect(ok.status).toBe(200);
    expect(ok.body.stage).toBe('complete');
    expect((await c.get(`/api/schools/${env.world.kingsmead}`)).status).toBe(200);

    // From another address nothing was limited: a password alone works as usual.
    const elsewhere = await env.client('198.51.100.9').post<Answer>('/api/auth/sign-in', {
      email: PEOPLE.tutor,
      password: PASSWORD,
    });
    expect(elsewhere.status).toBe(200);
  });

  it('still stop spraying: a right password with a wrong or missing code teaches the attacker nothing', async () => {
    const attacker = env.client(SCHOOL_ADDRESS);
    const withoutCode = await attacker.post<Answer>('/api/auth/sign-in', { email: PEOPLE.smhl, password: PASSWORD });
    const wrongCode = await attacker.post<Answer>('/api/auth/sign-in', {
      email: PEOPLE.smhl,
      password: PASSWORD,
      code: '000000',
    });
    const wrongBoth = await attacker.post<Answer>('/api/auth/sign-in', {
      email: PEOPLE.head,
      password: 'Summer2026!',
      code: '123456',
    });
    for (const r of [withoutCode, wrongCode, wrongBoth]) expect(r.status).toBe(429);
    // The same answer whether the password was right or not.
    expect(wrongCode.body).toEqual(wrongBoth.body);
    // An account without a second factor cannot get through a limited address at all.
    const tutor = await attacker.post<Answer>('/api/auth/sign-in', { email: PEOPLE.tutor, password: PASSWORD });
    expect(tutor.status).toBe(429);
  });

  it('the attacked account itself is locked, even with the right password and code', async () => {
    // The DSL's account was tried four times above... start afresh from another address.
    const attacker = env.client('192.0.2.50');
    for (let i = 0; i < 5; i++) await attacker.post('/api/auth/sign-in', { email: PEOPLE.deputyDsl, password: 'nope' });
    env.clock.advance(30_000);
    const owner = await env.client('198.51.100.10').post<Answer>('/api/auth/sign-in', {
      email: PEOPLE.deputyDsl,
      password: PASSWORD,
      code: await totpCodeAt(DEMO_TOTP_SECRET, env.clock.now()),
    });
    expect(owner.status).toBe(429);
    expect(owner.body.error?.code).toBe('account_locked');
  });

  it('the limits live in the database (shared by every app process), not in one process', async () => {
    const rows = await env.deps.database.db.select().from(signInThrottle);
    expect(rows.some((r) => r.key.startsWith('ip:'))).toBe(true);
    expect(rows.some((r) => r.key.startsWith('email:'))).toBe(true);
    // No address or e-mail is stored in the clear.
    expect(JSON.stringify(rows)).not.toContain(SCHOOL_ADDRESS);
    expect(JSON.stringify(rows)).not.toContain('kingsmead.example');
  });

  it('a minute later the address may sign in with a password alone again', async () => {
    env.clock.advanceMinutes(2);
    const res = await env.client(SCHOOL_ADDRESS).post<Answer>('/api/auth/sign-in', {
      email: PEOPLE.tutor,
      password: PASSWORD,
    });
    expect(res.status).toBe(200);
  });
});
