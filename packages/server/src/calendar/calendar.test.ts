/**
 * Calendar feeds, as staff, parents and pupils meet them through HTTP: setting one up, the secret
 * address fetched with no session, renewing and stopping, and who gets a 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, PEOPLE, type Person, type TestEnv } from '../../test/harness';
import { eventsOf, feedPath, setUpFeed } from './calendar.test-helpers';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env.close();
});

const FEED = '/api/account/calendar-feed';
const STAFF: Person[] = [
  'schoolAdmin',
  'head',
  'smhl',
  'deputyDsl',
  'sendco',
  'earlyHelp',
  'pastoral',
  'intervention',
  'tutor',
  'support',
  'firstAider',
  'otherTeacher',
  'trustLead',
];

describe('setting up a calendar feed', () => {
  it.each(STAFF)('is open to %s, who sees the address once and then only that a feed is set up', async (person) => {
    const client = await env.as(person);
    const before = await client.request<{ feed: unknown }>('GET', FEED);
    expect(before.status).toBe(200);
    expect(before.body.feed).toBeNull();
    const made = await client.request<{ address: string; renewed: boolean }>('POST', FEED);
    expect(made.status).toBe(200);
    expect(made.body.address).toMatch(/^http:\/\/tandem\.test\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(made.body.renewed).toBe(false);
    const after = await client.request<{ feed: { createdAt: string } | null }>('GET', FEED);
    expect(after.body.feed?.createdAt).toBeTruthy();
    expect(after.text).not.toContain(new URL(made.body.address).pathname);
  });

  it('shows the DSL the feed the demo set up for them, whose address only renewing shows again', async () => {
    const client = await env.as('dsl');
    const res = await client.request<{ feed: { createdAt: string; lastFetchedAt: string | null } | null }>('GET', FEED);
    expect(res.body.feed?.lastFetchedAt).toBeTruthy();
    const renewed = await client.request<{ renewed: boolean }>('POST', FEED);
    expect(renewed.body.renewed).toBe(true);
  });

  it.each(['parent', 'pupil'] as const)('is refused to a %s with 403 and a plain message', async (person) => {
    const client = await env.as(person);
    const res = await client.request<{ error: { message: string } }>('POST', FEED);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('Calendar feeds are for school staff');
    expect((await client.request('GET', FEED)).status).toBe(403);
    expect((await client.request('DELETE', FEED)).status).toBe(403);
  });

  it('needs someone signed in', async () => {
    const anyone = env.client();
    expect((await anyone.request('GET', FEED)).status).toBe(401);
    expect((await anyone.request('POST', FEED)).status).toBe(401);
  });

  it('is audited with the feed id and never the secret', async () => {
    const client = await env.as('support');
    const address = await setUpFeed(client);
    const secret = feedPath(address).slice('/calendar/'.length, -'.ics'.length);
    const rows = await env.deps.database.raw<{ action: string; detail: unknown }>(
      `select action, detail from audit_events where actor_user_id = $1 and action like 'calendar.%' order by seq`,
      [env.world.userId('support')],
    );
    expect(rows.map((r) => r.action)).toContain('calendar.feed_renewed');
    expect(JSON.stringify(rows)).not.toContain(secret);
    const stored = await env.deps.database.raw<{ secret_hash: string }>(
      `select secret_hash from calendar_feeds where user_id = $1`,
      [env.world.userId('support')],
    );
    expect(JSON.stringify(stored)).not.toContain(secret);
  });
});

describe('the secret address', () => {
  it('answers text/calendar that no cache keeps, to anyone with the address', async () => {
    const address = await setUpFeed(await env.as('smhl'));
    const res = await env.client().request('GET', feedPath(address));
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toMatch(/^text\/calendar/);
    expect(String(res.headers['cache-control'])).toContain('no-store');
    expect(String(res.headers['cache-control'])).toContain('private');
    expect(res.text).toContain('BEGIN:VCALENDAR');
    const row = await env.deps.database.raw<{ last_fetched_at: string | null }>(
      `select last_fetched_at from calendar_feeds where user_id = $1 and ended_at is null`,
      [env.world.userId('smhl')],
    );
    expect(row[0]?.last_fetched_at).toBeTruthy();
  });

  it('answers 404 to an unknown or malformed address, the same either way', async () => {
    const anyone = env.client();
    const unknown = await anyone.request('GET', `/calendar/${'A'.repeat(43)}.ics`);
    const malformed = await anyone.request('GET', '/calendar/nothing-here');
    expect(unknown.status).toBe(404);
    expect(malformed.status).toBe(404);
    expect(unknown.text).toBe(malformed.text);
  });

  it('renewing ends the old address at once and the new one works', async () => {
    const client = await env.as('dsl');
    const first = await setUpFeed(client);
    expect((await env.client().request('GET', feedPath(first))).status).toBe(200);
    const renewed = await client.request<{ address: string; renewed: boolean }>('POST', FEED);
    expect(renewed.body.renewed).toBe(true);
    expect(renewed.body.address).not.toBe(first);
    expect((await env.client().request('GET', feedPath(first))).status).toBe(404);
    expect((await env.client().request('GET', feedPath(renewed.body.address))).status).toBe(200);
  });

  it('stopping ends it: 404, and the page says there is no feed', async () => {
    const client = await env.as('deputyDsl');
    const address = await setUpFeed(client);
    expect((await client.request('DELETE', FEED)).status).toBe(200);
    expect((await env.client().request('GET', feedPath(address))).status).toBe(404);
    expect((await client.request<{ feed: unknown }>('GET', FEED)).body.feed).toBeNull();
    const again = await client.request<{ error: { message: string } }>('DELETE', FEED);
    expect(again.status).toBe(404);
    expect(again.body.error.message).toBe('You have no calendar feed to stop.');
  });

  it('answers 404 once the account is disabled', async () => {
    const address = await setUpFeed(await env.as('firstAider'));
    expect((await env.client().request('GET', feedPath(address))).status).toBe(200);
    await env.deps.database.raw(`update users set disabled_at = now() where email = $1`, [PEOPLE.firstAider]);
    expect((await env.client().request('GET', feedPath(address))).status).toBe(404);
  });

  it('answers 404 once the person holds no staff role', async () => {
    const address = await setUpFeed(await env.as('intervention'));
    await env.deps.database.raw(`update role_assignments set revoked_at = now() where user_id = $1`, [
      env.world.userId('intervention'),
    ]);
    expect((await env.client().request('GET', feedPath(address))).status).toBe(404);
  });

  it('a role removed takes its school’s events with it', async () => {
    const address = await setUpFeed(await env.as('smhl'));
    expect(eventsOf((await env.client().request('GET', feedPath(address))).text).length).toBeGreaterThan(0);
    // Still a teacher there, but no longer a case role: no meeting, review or next step of a case.
    const smhl = env.world.userId('smhl');
    await env.deps.database.raw(`update role_assignments set revoked_at = now() where user_id = $1`, [smhl]);
    await env.deps.database.raw(
      `insert into role_assignments (user_id, role, trust_id, school_id)
       select $1, 'teacher', trust_id, id from schools where id = $2`,
      [smhl, env.world.kingsmead],
    );
    const after = await env.client().request('GET', feedPath(address));
    expect(after.status).toBe(200);
    expect(eventsOf(after.text)).toEqual([]);
  });
});

describe('the secret address, fetched too often', () => {
  it('is limited per network address like the other session-less routes, with a 429', async () => {
    const limited = await createTestEnv({ signInRateLimitPerMinute: 3 });
    try {
      const address = await setUpFeed(await limited.as('smhl'));
      const calendar = limited.client('203.0.113.9');
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await calendar.request('GET', feedPath(address))).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      // Another address is counted on its own.
      expect((await limited.client('203.0.113.10').request('GET', feedPath(address))).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
