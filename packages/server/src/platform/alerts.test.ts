import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { alerts, pupils } from '@tandem/core/schema';
import { createTestEnv, PASSWORD, PEOPLE, type TestClient, type TestEnv } from '../../test/harness';

let env: TestEnv;
let pupil: { id: string; givenName: string; familyName: string };

beforeAll(async () => {
  env = await createTestEnv();
  const [p] = await env.deps.database.db
    .select()
    .from(pupils)
    .where(and(eq(pupils.schoolId, env.world.kingsmead), eq(pupils.form, '9W')));
  pupil = p!;
});
afterAll(async () => {
  await env.close();
});

const school = () => `/api/schools/${env.world.kingsmead}`;

async function logConcern(by: TestClient, over: Record<string, unknown> = {}): Promise<string> {
  const res = await by.post<{ id: string }>(`${school()}/concerns`, {
    submissionKey: randomUUID(),
    pupilIds: [pupil.id],
    occurredAt: new Date(env.clock.now().getTime() - 10 * 60_000).toISOString(),
    location: 'Science block corridor',
    account: 'Said they could not cope any more and walked out of the lesson.',
    warningSigns: ['hopelessness'],
    riskOfImmediateHarm: false,
    possibleChildProtection: false,
    medicalEmergency: false,
    ...over,
  });
  if (res.status !== 201) throw new Error(`log failed: ${res.status} ${res.text}`);
  return res.body.id;
}

interface AlertList {
  alerts: { id: string; kind: string; message: string; concernId: string | null; readAt: string | null }[];
  unread: number;
  nextBefore: string | null;
}

/** The session cookie a test client holds, to use with a real HTTP client. */
function cookieOf(client: TestClient): string {
  return (client as unknown as { cookieHeader(): string }).cookieHeader();
}

interface StreamEvent {
  event: string;
  data: string;
}

/** Open the live stream on the listening server and collect its events as they arrive. */
async function openStream(baseUrl: string, cookie: string) {
  const controller = new AbortController();
  const res = await fetch(`${baseUrl}/api/alerts/stream`, { headers: { cookie }, signal: controller.signal });
  const events: StreamEvent[] = [];
  let seen = 0;
  const pump = (async () => {
    if (!res.body) return;
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data !== undefined) events.push({ event, data });
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // aborted by the test
    }
  })();
  return {
    res,
    /** The next event not yet taken, waiting up to five seconds for it. */
    async next(): Promise<StreamEvent> {
      const deadline = Date.now() + 5000;
      while (events.length <= seen) {
        if (Date.now() > deadline) throw new Error('no event arrived on the stream');
        await new Promise((r) => setTimeout(r, 20));
      }
      return events[seen++]!;
    },
    async close() {
      controller.abort();
      await pump;
    },
  };
}

function unreadIn(event: StreamEvent, schoolId: string): number {
  const body = JSON.parse(event.data) as { counts: { schoolId: string; unread: number }[] };
  return body.counts.find((c) => c.schoolId === schoolId)?.unread ?? -1;
}

describe('the live alert stream', () => {
  it('a tutor logs an urgent concern; the DSL’s open stream gets the new count without reloading', async () => {
    const baseUrl = await env.app.listen({ port: 0, host: '127.0.0.1' });
    const dsl = await env.as('dsl');
    const listenersBefore = env.deps.alertBus.listeners();
    const stream = await openStream(baseUrl, cookieOf(dsl));
    expect(stream.res.status).toBe(200);
    expect(stream.res.headers.get('content-type')).toContain('text/event-stream');
    expect(stream.res.headers.get('cache-control')).toBe('no-store');
    expect(stream.res.headers.get('content-security-policy')).toContain("connect-src 'self'");

    const first = await stream.next();
    expect(first.event).toBe('counts');
    const before = unreadIn(first, env.world.kingsmead);
    expect(before).toBeGreaterThanOrEqual(0);
    expect(env.deps.alertBus.listeners()).toBe(listenersBefore + 1);

    const concernId = await logConcern(await env.as('tutor'), { riskOfImmediateHarm: true });
    const update = await stream.next();
    expect(update.event).toBe('counts');
    expect(unreadIn(update, env.world.kingsmead)).toBe(before + 1);
    // The stream carries counts only: nothing about the pupil or the concern.
    expect(update.data).not.toContain(pupil.familyName);
    expect(update.data).not.toContain(concernId);

    // Reading the alert in another tab brings the count down on this one.
    const list = await dsl.get<AlertList>(`${school()}/alerts`);
    const alert = list.body.alerts.find((a) => a.concernId === concernId);
    expect((await dsl.post(`${school()}/alerts/${alert!.id}/read`)).status).toBe(200);
    expect(unreadIn(await stream.next(), env.world.kingsmead)).toBe(before);

    await stream.close();
    const deadline = Date.now() + 3000;
    while (env.deps.alertBus.listeners() > listenersBefore && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(env.deps.alertBus.listeners()).toBe(listenersBefore);
  });

  it('stopping the server ends open streams rather than waiting for them', async () => {
    const other = await createTestEnv();
    const baseUrl = await other.app.listen({ port: 0, host: '127.0.0.1' });
    const stream = await openStream(baseUrl, cookieOf(await other.as('smhl')));
    expect((await stream.next()).event).toBe('counts');
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(5000);
    await stream.close();
  });

  it('is only for a fully signed-in session', async () => {
    expect((await env.client().get('/api/alerts/stream')).status).toBe(401);
    const halfway = env.client();
    const res = await halfway.post<{ stage: string }>('/api/auth/sign-in', { email: PEOPLE.dsl, password: PASSWORD });
    expect(res.body.stage).toBe('mfa_required');
    const stream = await halfway.get<{ error: { code: string } }>('/api/alerts/stream');
    expect(stream.status).toBe(401);
    expect(stream.body.error.code).toBe('mfa_required');
  });
});

describe('the alert list', () => {
  it('lists the person’s alerts newest first with the unread count; the text never names the pupil', async () => {
    const concernId = await logConcern(await env.as('tutor'));
    const smhl = await env.as('smhl');
    const res = await smhl.get<AlertList>(`${school()}/alerts`);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body.alerts[0]).toMatchObject({ kind: 'concern_logged', concernId, readAt: null });
    expect(res.body.alerts[0]?.message).toBe('A new concern has been logged for your review.');
    expect(res.text).not.toContain(pupil.familyName);
    expect(res.text).not.toContain(pupil.givenName);
    expect(res.text).not.toContain('walked out');
    const [{ n } = { n: 0 }] = await env.deps.database.raw<{ n: number }>(
      'select count(*)::int as n from alerts where user_id = $1 and school_id = $2 and read_at is null',
      [env.world.userId('smhl'), env.world.kingsmead],
    );
    expect(res.body.unread).toBe(n);
  });

  it('pages with a cursor, newest first', async () => {
    const smhl = await env.as('smhl');
    const first = await smhl.get<AlertList>(`${school()}/alerts?limit=2`);
    expect(first.body.alerts).toHaveLength(2);
    expect(first.body.nextBefore).not.toBeNull();
    const second = await smhl.get<AlertList>(
      `${school()}/alerts?limit=2&before=${encodeURIComponent(first.body.nextBefore!)}`,
    );
    expect(second.status).toBe(200);
    const ids = [...first.body.alerts, ...second.body.alerts].map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('marks one read, then all; someone else’s alert is not found', async () => {
    const smhl = await env.as('smhl');
    const list = await smhl.get<AlertList>(`${school()}/alerts?unread=true`);
    const target = list.body.alerts[0]!;
    const sendco = await env.as('sendco');
    expect((await sendco.post(`${school()}/alerts/${target.id}/read`)).status).toBe(404);
    expect((await smhl.post(`${school()}/alerts/${target.id}/read`)).status).toBe(200);
    expect((await smhl.post(`${school()}/alerts/${target.id}/read`)).status).toBe(200);
    const after = await smhl.get<AlertList>(`${school()}/alerts`);
    expect(after.body.unread).toBe(list.body.unread - 1);
    const all = await smhl.post<{ marked: number }>(`${school()}/alerts/read-all`);
    expect(all.body.marked).toBe(list.body.unread - 1);
    expect((await smhl.get<AlertList>(`${school()}/alerts`)).body.unread).toBe(0);
  });

  it('another school’s alerts are not found; signed-out is refused', async () => {
    const other = await env.as('otherHead');
    expect((await other.get(`${school()}/alerts`)).status).toBe(404);
    expect((await other.post(`${school()}/alerts/read-all`)).status).toBe(404);
    expect((await env.client().get(`${school()}/alerts`)).status).toBe(401);
  });

  it('once a concern is moved into the safeguarding record, the lead’s alert no longer links to it', async () => {
    const concernId = await logConcern(await env.as('tutor'));
    const dsl = await env.as('dsl');
    const moved = await dsl.post(`${school()}/concerns/${concernId}/restrict`, {
      reason: 'Further information means this may be a child-protection matter.',
    });
    expect(moved.status).toBe(200);
    const smhl = await env.as('smhl');
    const list = await smhl.get<AlertList>(`${school()}/alerts?limit=100`);
    expect(list.text).not.toContain(concernId);
    const [row] = await env.deps.database.db
      .select()
      .from(alerts)
      .where(and(eq(alerts.userId, env.world.userId('smhl')), eq(alerts.concernId, concernId)));
    expect(row).toBeDefined();
  });
});
