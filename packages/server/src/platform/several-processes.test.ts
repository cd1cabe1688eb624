/**
 * Three real app processes on one PostgreSQL database, as behind a load balancer: a live alert
 * crosses processes (LISTEN/NOTIFY), a process killed with kill -9 right after its commit still
 * has its e-mail sent exactly once (the outbox), and a due job runs once across the three.
 *
 * PostgreSQL only: on the embedded database one process owns the data directory, so there is
 * nothing to share.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { adminQuery, withDatabase } from '../../test/template';
import { PEOPLE } from '../../test/harness';
import { SmtpCapture } from '../../test/smtp';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../demo/demo-data';
import { totpCodeAt } from '../auth/totp';

const databaseUrl = process.env.DATABASE_URL ?? '';
const pgTemplate = databaseUrl ? inject('pgTemplate') : '';
const ROOT = path.resolve(import.meta.dirname, '../../../..');
const WORKER_MS = 500;

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', () => resolve()));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

async function until<T>(what: string, check: () => Promise<T | null | undefined | false>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await check();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

interface AppProcess {
  name: string;
  child: ChildProcess;
  url: string;
  output: string[];
}

function startApp(name: string, env: Record<string, string>): Promise<AppProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], {
    cwd: ROOT,
    // As a server is started, not as vitest starts its workers.
    env: {
      ...Object.fromEntries(
        Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && k !== 'TEST' && !k.startsWith('VITEST')),
      ),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const p: AppProcess = { name, child, url: `http://127.0.0.1:${env.PORT}`, output };
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (output.join('').includes('Tandem is running')) resolve(p);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.on('exit', (code, signal) => reject(new Error(`${name} exited (${code ?? signal}): ${output.join('')}`)));
  });
}

/** A browser-like client of one process: cookies and the CSRF token. */
class Client {
  private cookies = new Map<string, string>();
  private csrf = '';
  constructor(readonly base: string) {}
  cookie() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  async request(method: string, url: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    if (method !== 'GET' && !this.csrf) {
      this.csrf = ((await this.request('GET', '/api/auth/csrf')).body as { token: string }).token;
    }
    const res = await fetch(this.base + url, {
      method,
      headers: {
        cookie: this.cookie(),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
    const text = await res.text();
    return { status: res.status, body: text.startsWith('{') ? JSON.parse(text) : text };
  }
  async signIn(email: string) {
    const res = await this.request('POST', '/api/auth/sign-in', { email, password: DEMO_PASSWORD });
    if ((res.body as { stage: string }).stage === 'mfa_required') {
      const code = await totpCodeAt(DEMO_TOTP_SECRET, new Date());
      const v = await this.request('POST', '/api/auth/mfa/verify', { code });
      if (v.status !== 200) throw new Error(`two-factor failed: ${JSON.stringify(v.body)}`);
    } else if (res.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(res.body)}`);
  }
}

/** The live alert stream's "counts" events, as they arrive. */
async function openStream(client: Client) {
  const controller = new AbortController();
  const res = await fetch(`${client.base}/api/alerts/stream`, {
    headers: { cookie: client.cookie() },
    signal: controller.signal,
  });
  const events: { at: number; counts: { schoolId: string; unread: number }[] }[] = [];
  void (async () => {
    const reader = res.body!.getReader();
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
          const data = /^event: counts\ndata: (.*)$/m.exec(block)?.[1];
          if (data) events.push({ at: performance.now(), ...(JSON.parse(data) as { counts: [] }) });
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // closed by the test
    }
  })();
  return { events, close: () => controller.abort() };
}

describe.skipIf(!databaseUrl || !pgTemplate)(
  'three app processes on one PostgreSQL (skipped on PGlite: there one process owns the data directory)',
  () => {
    const name = `tandem_t_${randomBytes(6).toString('hex')}`;
    let url = '';
    const smtp = new SmtpCapture();
    /** Accepts connections and never says a word: a send to it hangs until its timeout. */
    const silent = net.createServer(() => undefined);
    const apps: AppProcess[] = [];
    let db: pg.Pool;

    beforeAll(async () => {
      url = withDatabase(databaseUrl, name);
      await adminQuery(databaseUrl, `create database ${name} template ${pgTemplate}`);
      db = new pg.Pool({ connectionString: url, max: 2 });
      await smtp.start();
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
      const silentPort = (silent.address() as net.AddressInfo).port;
      const common = {
        DATABASE_URL: url,
        HOST: '127.0.0.1',
        TANDEM_DEMO: 'false',
        LOG_LEVEL: 'warn',
        DUE_JOBS_EVERY_MS: '1000',
        MAIL_EVERY_MS: String(WORKER_MS),
        MAIL_TIMEOUT_MS: '5000',
        WEB_DIST_DIR: path.join(ROOT, 'no-web-app'),
      };
      const ports = [await freePort(), await freePort(), await freePort()];
      apps.push(
        ...(await Promise.all([
          startApp('process 1', { ...common, PORT: String(ports[0]), SMTP_URL: `smtp://127.0.0.1:${smtp.port}` }),
          startApp('process 2', { ...common, PORT: String(ports[1]), SMTP_URL: `smtp://127.0.0.1:${smtp.port}` }),
          // Its mail server never answers: its own attempt to send hangs (for 60 s) until it is killed.
          startApp('process 3', {
            ...common,
            PORT: String(ports[2]),
            SMTP_URL: `smtp://127.0.0.1:${silentPort}`,
            MAIL_TIMEOUT_MS: '60000',
          }),
        ])),
      );
    });

    afterAll(async () => {
      for (const a of apps) {
        if (a.child.exitCode === null && a.child.signalCode === null) {
          const exited = new Promise((r) => a.child.once('exit', r));
          a.child.kill('SIGTERM');
          await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
          if (a.child.exitCode === null && a.child.signalCode === null) a.child.kill('SIGKILL');
        }
      }
      await db?.end();
      await smtp.stop();
      await new Promise((r) => silent.close(r));
      await adminQuery(databaseUrl, `drop database if exists ${name} with (force)`);
    });

    it('alerts cross processes, e-mail survives kill -9 and is sent once, due jobs run once', async () => {
      const [one, two, three] = apps as [AppProcess, AppProcess, AppProcess];
      const q = async <T>(text: string, params: unknown[] = []) => (await db.query(text, params)).rows as T[];
      const [school] = await q<{ id: string }>(`select id from schools where name like 'Kingsmead%'`);
      const [pupil] = await q<{ id: string }>(
        `select id from pupils where school_id = $1 and form = '9W' order by id limit 1`,
        [school!.id],
      );

      // (a) The DSL streams alerts from process 1; a tutor logs an urgent concern on process 2.
      const dsl = new Client(one.url);
      await dsl.signIn(PEOPLE.dsl);
      const stream = await openStream(dsl);
      await until('the first counts', async () => stream.events.length > 0);
      const unreadOf = (e: (typeof stream.events)[number]) => e.counts.find((c) => c.schoolId === school!.id)!.unread;
      // Let the first due-job runs (the demo's own due reminders) settle first.
      await new Promise((r) => setTimeout(r, 2500));
      const before = unreadOf(stream.events[stream.events.length - 1]!);
      const tutor = new Client(two.url);
      await tutor.signIn(PEOPLE.tutor);
      const startedAt = new Date();
      const sentAt = performance.now();
      const logged = await tutor.request('POST', `/api/schools/${school!.id}/concerns`, {
        submissionKey: randomUUID(),
        pupilIds: [pupil!.id],
        occurredAt: new Date(Date.now() - 10 * 60_000).toISOString(),
        location: 'Science block corridor',
        account: 'Said they could not cope any more and walked out of the lesson.',
        warningSigns: ['hopelessness'],
        riskOfImmediateHarm: true,
        possibleChildProtection: false,
        medicalEmergency: false,
      });
      expect(logged.status).toBe(201);
      const concernId = (logged.body as { id: string }).id;
      const arrived = await until('the alert on process 1', async () =>
        stream.events.find((e) => e.at >= sentAt && unreadOf(e) > before),
      );
      const latency = arrived.at - sentAt;
      console.log(
        `cross-process alert latency: ${latency.toFixed(0)} ms (logged on process 2, streamed from process 1)`,
      );
      expect(latency).toBeLessThan(2000);
      stream.close();

      // (c) The concern falls due for escalation: each process runs its due jobs every second, and
      // the escalation happens once.
      await q(`update concerns set logged_at = now() - interval '1 hour' where id = $1`, [concernId]);
      await until(
        'the escalation',
        async () =>
          (await q(`select 1 from concerns where id = $1 and escalation_alerted_at is not null`, [concernId])).length,
      );
      await new Promise((r) => setTimeout(r, 2500));
      // Those told (the deputies, and the head without a link to a restricted concern): once each.
      const escalated = await q<{ user_id: string; n: number }>(
        `select user_id, count(*)::int as n from alerts where kind = 'urgent_unacknowledged' and created_at >= $1
         group by user_id`,
        [startedAt],
      );
      expect(escalated.length).toBeGreaterThan(0);
      expect(escalated.every((r) => r.n === 1)).toBe(true);

      // (b) A password reset asked for on process 3: committed, then its own send hangs.
      const to = PEOPLE.support;
      const asking = new Client(three.url)
        .request('POST', '/api/auth/password/forgot', { email: to })
        .catch(() => null);
      const [row] = await until('the committed outbox row', () =>
        q<{ id: string; message_id: string }>(`select id, message_id from mail_outbox where to_address = $1`, [
          to,
        ]).then((r) => r.length > 0 && r),
      );
      // While process 3 holds it, the other processes' workers leave it alone.
      await new Promise((r) => setTimeout(r, 3 * WORKER_MS));
      expect(smtp.to(to)).toHaveLength(0);
      three.child.kill('SIGKILL');
      await asking;
      const sent = await until(
        'the e-mail, sent by another process',
        async () => smtp.to(to).length > 0 && smtp.to(to),
      );
      expect(sent[0]!.messageId).toBe(row!.message_id);
      // And never again, however many worker runs follow.
      await new Promise((r) => setTimeout(r, 6 * WORKER_MS));
      expect(smtp.to(to)).toHaveLength(1);
      expect(sent[0]!.subject).toBe('Reset your Tandem password');

      // The escalation e-mails went out once each, whichever process ran the job (if it was
      // process 3, another sent them after it was killed).
      const escalationSubject = 'An urgent concern in Tandem has not been acknowledged';
      const [{ n: expected }] = (await q<{ n: number }>(
        `select count(*)::int as n from mail_outbox where subject = $1 and created_at >= $2`,
        [escalationSubject, startedAt],
      )) as [{ n: number }];
      expect(expected).toBe(escalated.length);

      const ours = new Set(
        (
          await q<{ message_id: string }>(
            `select message_id from mail_outbox where subject = $1 and created_at >= $2`,
            [escalationSubject, startedAt],
          )
        ).map((r) => r.message_id),
      );
      await until(
        'the escalation e-mails',
        async () => smtp.messages.filter((m) => ours.has(m.messageId)).length >= expected,
      );
      await new Promise((r) => setTimeout(r, 2 * WORKER_MS));
      const ids = smtp.messages.filter((m) => ours.has(m.messageId)).map((m) => m.messageId);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toHaveLength(expected);
      const [unsent] = await q<{ n: number }>(`select count(*)::int as n from mail_outbox where sent_at is null`);
      expect(unsent?.n).toBe(0);
    }, 60_000);
  },
);
