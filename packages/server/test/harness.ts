/**
 * One test file's world: a fresh copy of the demo database, the app on it, a controllable clock,
 * a real local SMTP server, and HTTP clients that keep cookies and send the CSRF token.
 */
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { schools, trusts, users } from '@tandem/core/schema';
import { buildApp } from '../src/app';
import type { AppDeps } from '../src/platform/deps';
import { registries } from '../src/features';
import { loadConfig, type Config } from '../src/config';
import { TestClock } from '../src/clock';
import { openPglite, openPostgres, type Database } from '../src/db/client';
import { createMailer } from '../src/mail/mailer';
import { alertBusFor } from '../src/platform/alert-bus';
import { totpCodeAt } from '../src/auth/totp';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../src/demo/demo-data';
import { adminQuery, withDatabase } from './template';
import { SmtpCapture } from './smtp';

export const PASSWORD = DEMO_PASSWORD;

/** Demo people by the part of their role that tests talk about. */
export const PEOPLE = {
  trustAdmin: 'alex.morgan@riverbank.example',
  trustLead: 'priya.shah@riverbank.example',
  schoolAdmin: 'jo.bennett@kingsmead.example',
  head: 'helen.carter@kingsmead.example',
  smhl: 'sam.patel@kingsmead.example',
  dsl: 'chris.okafor@kingsmead.example',
  deputyDsl: 'lucy.evans@kingsmead.example',
  sendco: 'mark.hughes@kingsmead.example',
  earlyHelp: 'aisha.rahman@kingsmead.example',
  pastoral: 'tom.fletcher@kingsmead.example',
  intervention: 'grace.lee@kingsmead.example',
  tutor: 'ben.wright@kingsmead.example',
  support: 'kate.murphy@kingsmead.example',
  firstAider: 'dan.price@kingsmead.example',
  parent: 'emma.clarke@family.example',
  pupil: 'olivia.clarke@pupils.kingsmead.example',
  otherHead: 'ruth.adams@willowbrook.example',
  otherTeacher: 'nina.kaur@willowbrook.example',
} as const;
export type Person = keyof typeof PEOPLE;

export interface Response<T = unknown> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
  text: string;
  /** The body's bytes, for a PDF or other binary answer. */
  raw: Buffer;
}

export class TestClient {
  private cookies = new Map<string, string>();
  private csrf: string | null = null;

  constructor(
    private readonly env: TestEnv,
    private readonly ip = '127.0.0.1',
  ) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request<T = unknown>(
    method: InjectOptions['method'],
    url: string,
    payload?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<Response<T>> {
    const headers: Record<string, string> = { ...extraHeaders };
    if (method !== 'GET' && method !== 'HEAD' && !('x-csrf-token' in headers)) {
      headers['x-csrf-token'] = await this.csrfToken();
    }
    const cookie = this.cookieHeader();
    if (cookie) headers.cookie = cookie;
    const res = await this.env.app.inject({
      method,
      url,
      headers,
      remoteAddress: this.ip,
      ...(payload !== undefined ? { payload: payload as InjectOptions['payload'] } : {}),
    });
    for (const c of res.cookies) {
      if (
        c.value === '' ||
        (c.maxAge !== undefined && c.maxAge <= 0) ||
        (c.expires && c.expires.getTime() < Date.now())
      ) {
        this.cookies.delete(c.name);
      } else {
        this.cookies.set(c.name, c.value);
      }
    }
    let body: unknown = res.body;
    if (String(res.headers['content-type'] ?? '').includes('application/json')) body = res.json();
    return { status: res.statusCode, body: body as T, headers: res.headers, text: res.body, raw: res.rawPayload };
  }

  async csrfToken(): Promise<string> {
    if (!this.csrf) {
      const res = await this.request<{ token: string }>('GET', '/api/auth/csrf');
      this.csrf = res.body.token;
    }
    return this.csrf;
  }

  get<T = unknown>(url: string) {
    return this.request<T>('GET', url);
  }
  post<T = unknown>(url: string, body: unknown = {}) {
    return this.request<T>('POST', url, body);
  }
  patch<T = unknown>(url: string, body: unknown = {}) {
    return this.request<T>('PATCH', url, body);
  }
  put<T = unknown>(url: string, body: unknown = {}) {
    return this.request<T>('PUT', url, body);
  }
  delete<T = unknown>(url: string) {
    return this.request<T>('DELETE', url);
  }

  /** Sign in with password and, where the account has it, the demo two-factor code. */
  async signIn(
    email: string,
    password: string = PASSWORD,
    totpSecret: string | null = DEMO_TOTP_SECRET,
  ): Promise<void> {
    const res = await this.post<{ stage: string }>('/api/auth/sign-in', { email, password });
    if (res.status !== 200) throw new Error(`sign-in failed for ${email}: ${res.status} ${res.text}`);
    if (res.body.stage === 'mfa_required') {
      if (!totpSecret) throw new Error('two-factor needed but no secret given');
      // Each time step may be used once, so move the clock on past the last one used.
      this.env.clock.advance(30_000);
      const code = await totpCodeAt(totpSecret, this.env.clock.now());
      const v = await this.post<{ stage: string }>('/api/auth/mfa/verify', { code });
      if (v.status !== 200 || v.body.stage !== 'complete') throw new Error(`two-factor failed for ${email}: ${v.text}`);
    } else if (res.body.stage !== 'complete') {
      throw new Error(`sign-in for ${email} stopped at ${res.body.stage}`);
    }
  }
}

export interface World {
  trustId: string;
  kingsmead: string;
  willow: string;
  userId(person: Person): string;
}

export interface TestEnv {
  app: FastifyInstance;
  deps: AppDeps;
  clock: TestClock;
  smtp: SmtpCapture;
  world: World;
  /** The test's own PostgreSQL database, or null on PGlite (in memory). */
  databaseUrl: string | null;
  /** A new HTTP client, signed in as a demo person if one is named. */
  as(person?: Person): Promise<TestClient>;
  client(ip?: string): TestClient;
  close(): Promise<void>;
}

async function openTestDatabase(): Promise<{ database: Database; url: string | null; drop: () => Promise<void> }> {
  const databaseUrl = process.env.DATABASE_URL;
  const pgTemplate = inject('pgTemplate');
  if (databaseUrl && pgTemplate) {
    const name = `tandem_t_${randomBytes(6).toString('hex')}`;
    await adminQuery(databaseUrl, `create database ${name} template ${pgTemplate}`);
    const url = withDatabase(databaseUrl, name);
    const database = await openPostgres(url, 5);
    return { database, url, drop: () => adminQuery(databaseUrl, `drop database if exists ${name} with (force)`) };
  }
  const tar = fs.readFileSync(inject('pgliteTemplate'));
  const database = await openPglite({ loadDataDir: new Blob([tar]) });
  return { database, url: null, drop: async () => undefined };
}

export async function createTestEnv(overrides: Partial<Config> = {}): Promise<TestEnv> {
  const { database, url, drop } = await openTestDatabase();
  const smtp = new SmtpCapture();
  await smtp.start();
  const clock = new TestClock(new Date());
  const config: Config = {
    ...loadConfig({}),
    publicUrl: 'http://tandem.test',
    smtpUrl: smtp.url,
    webDistDir: null,
    signInRateLimitPerMinute: 1000,
    ...overrides,
  };
  const silent = { info: () => undefined, error: () => undefined };
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, log: silent });
  // LISTEN/NOTIFY on the test's own PostgreSQL database; in-process on PGlite.
  const alertBus = await alertBusFor(url, silent);
  const deps: AppDeps = { database, config, clock, mailer, registries, alertBus };
  const app = await buildApp(deps);
  await app.ready();

  const [trust] = await database.db.select().from(trusts);
  const schoolRows = await database.db.select().from(schools);
  const userRows = await database.db.select({ id: users.id, email: users.email }).from(users);
  const byEmail = new Map(userRows.map((u) => [u.email, u.id]));
  const schoolId = (name: string) => {
    const s = schoolRows.find((r) => r.name.startsWith(name));
    if (!s) throw new Error(`no school ${name}`);
    return s.id;
  };
  const world: World = {
    trustId: trust?.id ?? '',
    kingsmead: schoolId('Kingsmead'),
    willow: schoolId('Willow'),
    userId(person) {
      const id = byEmail.get(PEOPLE[person]);
      if (!id) throw new Error(`no user ${person}`);
      return id;
    },
  };

  const env: TestEnv = {
    app,
    deps,
    clock,
    smtp,
    world,
    databaseUrl: url,
    client: (ip) => new TestClient(env, ip),
    async as(person) {
      const c = new TestClient(env);
      if (person) await c.signIn(PEOPLE[person]);
      return c;
    },
    async close() {
      await app.close();
      await alertBus.close();
      await smtp.stop();
      await database.close();
      await drop();
    },
  };
  return env;
}

/** Read a user row directly (for asserting what is stored). */
export async function userByEmail(env: TestEnv, email: string) {
  const [row] = await env.deps.database.db.select().from(users).where(eq(users.email, email));
  return row;
}
