/**
 * The backup round trip (issue 20): the real server (main.ts as a child process, demo trust loaded)
 * while a writer logs concerns over HTTP, `npm run backup` run as a child process at the same time,
 * then `npm run restore` into a new data directory (and, when PostgreSQL is available, a new
 * database). Checked: every table's row count against the manifest (counted in the dump's own
 * moment); the concerns the writer saw committed before the backup began are there and none logged
 * after it ended; the restored audit chain is a prefix of the source's and verifies; and a second
 * backup of the quiet server, restored, equals the source table by table, row by row. A wrong key
 * is refused with a clear message and writes nothing; a non-empty target is refused.
 *
 * The PostgreSQL part runs when DATABASE_URL is set, or TANDEM_TEST_DB=postgres (127.0.0.1:5432,
 * user postgres); it makes and drops its own databases tandem_backup_*.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { PEOPLE } from '../../test/harness';
import { adminQuery, withDatabase } from '../../test/template';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../demo/demo-data';
import { totpCodeAt } from '../auth/totp';
import { openPglite, type Database } from '../db/client';
import { countRows } from './backup.dump';
import { readIdentity } from './backup.keys';
import { readBackupManifest } from './restore';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const PG_URL =
  process.env.DATABASE_URL ??
  (process.env.TANDEM_TEST_DB === 'postgres' ? 'postgres://postgres@127.0.0.1:5432/postgres' : '');

/** The environment a server or CLI is started with: as from a shell, not as vitest starts workers. */
function baseEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([k, v]) =>
        v !== undefined &&
        k !== 'NODE_ENV' &&
        k !== 'TEST' &&
        !k.startsWith('VITEST') &&
        k !== 'DATABASE_URL' &&
        k !== 'TANDEM_DATA_DIR' &&
        !k.startsWith('BACKUP_') &&
        !k.startsWith('AUDIT_'),
    ),
  ) as Record<string, string>;
}

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', () => resolve()));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

interface Server {
  child: ChildProcess;
  url: string;
  output: string[];
}

function startServer(env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], {
    cwd: ROOT,
    env: { ...baseEnv(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output.push(chunk.toString());
      if (output.join('').includes('Tandem is running'))
        resolve({ child, url: `http://127.0.0.1:${env.PORT}`, output });
    });
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.on('exit', (code, signal) => reject(new Error(`the server exited (${code ?? signal}): ${output.join('')}`)));
  });
}

async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((r) => server.child.once('exit', r));
  server.child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
}

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** An npm script's command, run as `npm run <script> -- args` runs it. */
function runCli(script: 'backup' | 'restore' | 'audit:verify', args: string[], env: Record<string, string>) {
  const file = {
    backup: 'packages/server/src/backup/backup.cli.ts',
    restore: 'packages/server/src/backup/restore.cli.ts',
    'audit:verify': 'packages/server/src/audit/verify.cli.ts',
  }[script];
  const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], {
    cwd: ROOT,
    env: { ...baseEnv(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise<CliResult>((resolve) =>
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr })),
  );
}

/** A browser-like client: cookies and the CSRF token. */
class Client {
  private cookies = new Map<string, string>();
  private csrf = '';
  constructor(readonly base: string) {}
  async request(method: string, url: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    if (method !== 'GET' && !this.csrf) {
      this.csrf = ((await this.request('GET', '/api/auth/csrf')).body as { token: string }).token;
    }
    const res = await fetch(this.base + url, {
      method,
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
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
    return { status: res.status, body: text.startsWith('{') ? (JSON.parse(text) as unknown) : text };
  }
  async signIn(email: string) {
    const res = await this.request('POST', '/api/auth/sign-in', { email, password: DEMO_PASSWORD });
    if ((res.body as { stage: string }).stage === 'mfa_required') {
      const v = await this.request('POST', '/api/auth/mfa/verify', {
        code: await totpCodeAt(DEMO_TOTP_SECRET, new Date()),
      });
      if (v.status !== 200) throw new Error(`two-factor failed: ${JSON.stringify(v.body)}`);
    } else if (res.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(res.body)}`);
  }
}

/** A tutor logging concerns one after another until stopped; each committed one noted with its time. */
async function startWriter(base: string) {
  const tutor = new Client(base);
  await tutor.signIn(PEOPLE.tutor);
  const session = (await tutor.request('GET', '/api/auth/session')).body as { schools: { id: string }[] };
  const schoolId = session.schools[0]!.id;
  const list = (await tutor.request('GET', `/api/schools/${schoolId}/pupils`)).body as { pupils: { id: string }[] };
  const pupilId = list.pupils[0]!.id;
  const logged: { id: string; at: number }[] = [];
  let stop = false;
  const running = (async () => {
    while (!stop) {
      const res = await tutor.request('POST', `/api/schools/${schoolId}/concerns`, {
        submissionKey: randomUUID(),
        pupilIds: [pupilId],
        occurredAt: new Date(Date.now() - 5 * 60_000).toISOString(),
        location: 'Library',
        account: 'Seemed withdrawn and tearful at break; said things at home are hard.',
        warningSigns: [],
        riskOfImmediateHarm: false,
        possibleChildProtection: false,
        medicalEmergency: false,
      });
      if (res.status !== 201) throw new Error(`logging a concern failed: ${res.status} ${JSON.stringify(res.body)}`);
      logged.push({ id: (res.body as { id: string }).id, at: Date.now() });
    }
  })();
  return {
    logged,
    async stop() {
      stop = true;
      await running;
    },
  };
}

async function until(what: string, check: () => boolean, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

type Query = <T>(text: string) => Promise<T[]>;

/** Every table's rows, as a count and a hash of its rows in a fixed order. */
async function tableDigests(query: Query): Promise<Record<string, string>> {
  const tables = await query<{ s: string; t: string }>(
    `select table_schema as s, table_name as t from information_schema.tables
     where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') order by 1, 2`,
  );
  const out: Record<string, string> = {};
  for (const { s, t } of tables) {
    const rows = await query<{ j: string }>(`select row_to_json(x)::text as j from "${s}"."${t}" x order by 1`);
    out[`${s}.${t}`] = `${rows.length} rows, ${createHash('sha256')
      .update(rows.map((r) => r.j).join('\n'))
      .digest('hex')
      .slice(0, 16)}`;
  }
  return out;
}

async function auditChain(query: Query): Promise<{ seq: number; hash: string }[]> {
  return query<{ seq: number; hash: string }>(
    'select chain_seq as seq, hash from audit_events where chain_seq is not null order by chain_seq',
  );
}

async function pgliteQuery<T>(dataDir: string, fn: (q: Query) => Promise<T>): Promise<T> {
  const database: Database = await openPglite({ dataDir });
  try {
    return await fn(<R>(text: string) => database.raw<R>(text));
  } finally {
    await database.close();
  }
}

async function pgQuery<T>(url: string, fn: (q: Query) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(async <R>(text: string) => (await client.query(text)).rows as R[]);
  } finally {
    await client.end();
  }
}

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-backup-test-'));
const servers: Server[] = [];
const databases: string[] = [];

afterAll(async () => {
  for (const s of servers) await stopServer(s);
  for (const name of databases) await adminQuery(PG_URL, `drop database if exists ${name} with (force)`);
  fs.rmSync(temp, { recursive: true, force: true });
});

/** The shared story: start, write while backing up, restore, compare; then back up the quiet server. */
async function roundTrip(o: {
  dir: string;
  serverEnv: Record<string, string>;
  /** The restore target arguments for the n-th restore. */
  target(n: number): Promise<string[]>;
  /** Query the source (server stopped) or a restored target. */
  source<T>(fn: (q: Query) => Promise<T>): Promise<T>;
  restored<T>(n: number, fn: (q: Query) => Promise<T>): Promise<T>;
  takenBy: string;
}) {
  fs.mkdirSync(o.dir, { recursive: true });
  const port = await freePort();
  const server = await startServer({
    ...o.serverEnv,
    PORT: String(port),
    HOST: '127.0.0.1',
    TANDEM_DEMO: 'true',
    LOG_LEVEL: 'warn',
    WEB_DIST_DIR: path.join(ROOT, 'no-web-app'),
    DUE_JOBS_EVERY_MS: '3600000',
    MAIL_EVERY_MS: '3600000',
    AUDIT_SEAL_EVERY_MS: '200',
  });
  servers.push(server);

  const keyFile = path.join(o.dir, 'school-backup-key.txt');
  const made = await runCli('backup', ['--new-key', keyFile], {});
  expect(made.code, made.stderr).toBe(0);
  expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
  const recipient = /age1[0-9a-z]+/.exec(made.stdout)![0];
  const backupEnv = { ...o.serverEnv, BACKUP_RECIPIENT: recipient };

  // 1. A backup while the writer logs concerns.
  const writer = await startWriter(server.url);
  await until('the first concerns', () => writer.logged.length >= 3);
  const began = Date.now();
  const loggedBefore = writer.logged.length;
  const first = path.join(o.dir, 'during-writes.age');
  const backup = await runCli('backup', ['--out', first], backupEnv);
  const ended = Date.now();
  const loggedDuring = writer.logged.length - loggedBefore;
  await until('more concerns after the backup', () => writer.logged.length >= loggedBefore + loggedDuring + 3);
  await writer.stop();
  expect(backup.code, backup.stderr).toBe(0);
  expect(backup.stdout).toContain(`taken by ${o.takenBy}`);
  expect(fs.statSync(first).mode & 0o777).toBe(0o600);
  expect(loggedDuring, 'concerns were logged while the backup ran').toBeGreaterThan(0);

  const identity = readIdentity(keyFile);
  const manifest = await readBackupManifest(first, identity);
  expect(manifest.kind).toBe(o.serverEnv.DATABASE_URL ? 'postgres' : 'embedded');
  expect(manifest.parts.map((p) => p.name)).toEqual(
    expect.arrayContaining([
      'files/audit-signing-key.pem',
      expect.stringMatching(/^files\/audit-checkpoints\/audit-checkpoint-\d+\.json$/),
    ]),
  );

  const restore = await runCli('restore', ['--key', keyFile, '--from', first, ...(await o.target(1))], {});
  expect(restore.code, restore.stderr + restore.stdout).toBe(0);
  expect(restore.stdout).toMatch(/Row counts: all \d+ tables match the backup's manifest/);
  expect(restore.stdout).toContain('Audit trail intact');

  // Every table's rows as of the dump: the restored counts are the manifest's, counted in its moment.
  const restoredCounts = await o.restored(1, (q) => countRows(q));
  expect(restoredCounts).toEqual(manifest.tables);
  // The writer's concerns: those committed before the backup began are there, none after it ended.
  const restoredConcerns = new Set(
    (await o.restored(1, (q) => q<{ id: string }>('select id from concerns'))).map((r) => r.id),
  );
  for (const c of writer.logged.filter((l) => l.at < began)) expect(restoredConcerns.has(c.id)).toBe(true);
  for (const c of writer.logged.filter((l) => l.at > ended)) expect(restoredConcerns.has(c.id)).toBe(false);

  // 2. A second backup of the quiet server (by the same means); then the server stops.
  await new Promise((r) => setTimeout(r, 1500)); // the last entries sealed
  const second = path.join(o.dir, 'quiet.age');
  const quiet = await runCli('backup', ['--out', second], backupEnv);
  expect(quiet.code, quiet.stderr).toBe(0);
  await stopServer(server);
  const restoreQuiet = await runCli('restore', ['--key', keyFile, '--from', second, ...(await o.target(2))], {});
  expect(restoreQuiet.code, restoreQuiet.stderr + restoreQuiet.stdout).toBe(0);

  // The restored quiet backup equals the source, every table, every row.
  const [sourceDigests, sourceChain] = await o.source(
    async (q) => [await tableDigests(q), await auditChain(q)] as const,
  );
  expect(await o.restored(2, (q) => tableDigests(q))).toEqual(sourceDigests);
  // The first backup's audit chain is the start of the source's, entry for entry.
  const restoredChain = await o.restored(1, (q) => auditChain(q));
  expect(restoredChain.length).toBeGreaterThan(0);
  expect(restoredChain).toEqual(sourceChain.slice(0, restoredChain.length));

  // 3. The wrong key: a clear message, and nothing written.
  const otherKey = path.join(o.dir, 'another-key.txt');
  expect((await runCli('backup', ['--new-key', otherKey], {})).code).toBe(0);
  const wrongTarget = await o.target(3);
  const wrong = await runCli('restore', ['--key', otherKey, '--from', first, ...wrongTarget], {});
  expect(wrong.code).toBe(2);
  expect(wrong.stderr).toContain('This key does not open this backup');
  return { keyFile, first, second, wrongTarget, sourceDigests };
}

describe('backup and restore of the embedded database while the server runs', () => {
  it('round trip during writes, a quiet backup equal to the source, the wrong key refused', async () => {
    const dir = path.join(temp, 'embedded');
    const dataDir = path.join(dir, 'data');
    const restoredDir = (n: number) => path.join(dir, `restored-${n}`);
    const { keyFile, first, second, sourceDigests } = await roundTrip({
      dir,
      serverEnv: { TANDEM_DATA_DIR: dataDir },
      target: async (n) => ['--data-dir', restoredDir(n)],
      source: (fn) => pgliteQuery(dataDir, fn),
      restored: (n, fn) => pgliteQuery(restoredDir(n), fn),
      takenBy: 'running server',
    });
    // The wrong key wrote nothing at all.
    expect(fs.existsSync(restoredDir(3))).toBe(false);
    // The socket went with the server.
    expect(fs.existsSync(`${dataDir}.admin.sock`)).toBe(false);

    // The monthly check the README describes: audit:verify on the restored directory.
    const verified = await runCli('audit:verify', [], { TANDEM_DATA_DIR: restoredDir(1) });
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toContain('Audit trail intact');

    // A directory that is not empty is refused, and left as it was.
    const before = fs.readdirSync(restoredDir(1)).sort();
    const refused = await runCli('restore', ['--key', keyFile, '--from', first, '--data-dir', restoredDir(1)], {});
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('is not empty');
    expect(fs.readdirSync(restoredDir(1)).sort()).toEqual(before);

    // A damaged file (one byte changed) is refused part way, and what was written is removed again.
    const damaged = path.join(dir, 'damaged.age');
    const bytes = fs.readFileSync(first);
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    fs.writeFileSync(damaged, bytes);
    const broken = await runCli('restore', ['--key', keyFile, '--from', damaged, '--data-dir', restoredDir(4)], {});
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('the backup file is damaged or incomplete');
    expect(fs.existsSync(restoredDir(4))).toBe(false);

    // With the server stopped, the backup opens the data directory itself.
    const offline = await runCli(
      'backup',
      ['--out', path.join(dir, 'offline.age'), '--to', /age1[0-9a-z]+/.exec(fs.readFileSync(keyFile, 'utf8'))![0]],
      {
        TANDEM_DATA_DIR: dataDir,
      },
    );
    expect(offline.code, offline.stderr).toBe(0);
    expect(offline.stdout).toContain('taken by data directory');

    // Moving to PostgreSQL: the quiet embedded backup restored into an empty PostgreSQL database.
    if (PG_URL) {
      const name = `tandem_backup_emb_${randomBytes(4).toString('hex')}`;
      databases.push(name);
      await adminQuery(PG_URL, `create database ${name}`);
      const moved = await runCli(
        'restore',
        [
          '--key',
          keyFile,
          '--from',
          second,
          '--database-url',
          withDatabase(PG_URL, name),
          '--checkpoint-dir',
          path.join(dir, 'moved-checkpoints'),
          '--signing-key-file',
          path.join(dir, 'moved-key.pem'),
        ],
        {},
      );
      expect(moved.code, moved.stderr + moved.stdout).toBe(0);
      expect(moved.stdout).toContain('Audit trail intact');
      expect(await pgQuery(withDatabase(PG_URL, name), (q) => tableDigests(q))).toEqual(sourceDigests);
    }
  }, 420_000);
});

describe.skipIf(!PG_URL)('backup and restore on PostgreSQL (pg_dump) while the server runs', () => {
  it('round trip during writes, a quiet backup equal to the source, the wrong key refused', async () => {
    const suffix = randomBytes(4).toString('hex');
    const name = (what: string) => `tandem_backup_${what}_${suffix}`;
    const url = (what: string) => withDatabase(PG_URL, name(what));
    for (const what of ['src', 'dst1', 'dst2', 'dst3']) {
      databases.push(name(what));
      await adminQuery(PG_URL, `create database ${name(what)}`);
    }
    const dir = path.join(temp, 'postgres');
    const { wrongTarget } = await roundTrip({
      dir,
      serverEnv: {
        DATABASE_URL: url('src'),
        AUDIT_CHECKPOINT_DIR: path.join(dir, 'checkpoints'),
        AUDIT_SIGNING_KEY_FILE: path.join(dir, 'audit-signing-key.pem'),
      },
      target: async (n) => [
        '--database-url',
        url(`dst${n}`),
        '--checkpoint-dir',
        path.join(dir, `restored-${n}-checkpoints`),
        '--signing-key-file',
        path.join(dir, `restored-${n}-key.pem`),
      ],
      source: (fn) => pgQuery(url('src'), fn),
      restored: (n, fn) => pgQuery(url(`dst${n}`), fn),
      takenBy: 'pg_dump',
    });
    // The wrong key wrote nothing: the database is still empty, no files were made.
    expect(await pgQuery(url('dst3'), (q) => countRows(q))).toEqual({});
    expect(fs.existsSync(wrongTarget[3]!)).toBe(false);
  }, 420_000);
});
