/**
 * The HTTP rate limits count in the database: two app instances on one database (as two app
 * processes behind a load balancer) share one count per route and address.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { rateLimitHits } from '@tandem/core/schema';
import { createTestEnv, TestClient, type TestEnv } from '../../test/harness';
import { buildApp } from '../app';
import { runDueJobs } from '../platform/jobs';

let env: TestEnv;
let second: FastifyInstance;
const ADDRESS = '203.0.113.40';

beforeAll(async () => {
  env = await createTestEnv({ signInRateLimitPerMinute: 3 });
  second = await buildApp(env.deps);
  await second.ready();
});
afterAll(async () => {
  await second.close();
  await env.close();
});

describe('rate limits shared through the database', () => {
  it('two app instances count one address’s requests together', async () => {
    const first = env.client(ADDRESS);
    const other = new TestClient({ ...env, app: second }, ADDRESS);
    const forgot = (c: TestClient) => c.post('/api/auth/password/forgot', { email: 'nobody@kingsmead.example' });
    expect((await forgot(first)).status).toBe(200);
    expect((await forgot(other)).status).toBe(200);
    expect((await forgot(first)).status).toBe(200);
    // The fourth in the minute is refused, on whichever instance it arrives.
    const refused = await forgot(other);
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    expect((await forgot(first)).status).toBe(429);

    // Another address, and another route, have counts of their own.
    expect((await forgot(new TestClient({ ...env, app: second }, '198.51.100.41'))).status).toBe(200);
    const check = await other.post('/api/auth/password/check-token', { token: 'x'.repeat(43) });
    expect(check.status).not.toBe(429);
  });

  it('stores no address in the clear, and forgets windows that have ended', async () => {
    const rows = await env.deps.database.db.select().from(rateLimitHits);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(rows)).not.toContain(ADDRESS);
    await env.deps.database.raw(`update rate_limit_hits set reset_at = now() - interval '1 second'`);
    const result = await runDueJobs(env.deps);
    expect(result.rateLimitCleanup).toBe(rows.length);
    expect(await env.deps.database.db.select().from(rateLimitHits)).toEqual([]);
    // A new window starts from one.
    expect(
      (await env.client(ADDRESS).post('/api/auth/password/forgot', { email: 'nobody@kingsmead.example' })).status,
    ).toBe(200);
  });
});
