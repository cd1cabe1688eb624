/**
 * Measurement 14 (BENCH_ONLY=scale, PostgreSQL only): the whole installation under load. Real app
 * processes (bench/serve.ts) listen on real ports; 64 connections at once ask for pupils' case views
 * (each audited) for a fixed time. Beside it, in the same run: the same view from a process whose
 * audit writer appends nothing (the view's selects alone), and a request that only looks up the
 * session. Then the audited view again with two app processes sharing the 64 connections. While each
 * runs, pg_stat_activity is sampled for backends waiting on a lock, and on which statement.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import pg from 'pg';

export interface ScaleContext {
  databaseUrl: string;
  schoolId: string;
  pupilIds: string[];
  cookie: string;
  connections: number;
  seconds: number;
  log: (line: string) => void;
}

export interface LoadResult {
  label: string;
  processes: number;
  requests: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  /** The most backends seen waiting on a lock at once, and on average, while it ran. */
  lockWaitsMax: number;
  lockWaitsMean: number;
  /** The most seen waiting on a lock while running a statement on the audit tables. */
  auditLockWaitsMax: number;
}

const SERVE = path.join(import.meta.dirname, 'serve.ts');

async function startServer(databaseUrl: string, port: number, noAudit: boolean): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVE], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), BENCH_NO_AUDIT: noAudit ? '1' : '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`app process on ${port} did not start in 60 s`)), 60_000);
    child.once('exit', (code) => reject(new Error(`app process on ${port} exited with ${code}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return child;
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function get(agent: http.Agent, port: number, url: string, cookie: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: url, agent, headers: { cookie } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Sample pg_stat_activity every 100 ms until stopped. */
function lockSampler(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  const samples: { waits: number; auditWaits: number }[] = [];
  let running = true;
  const done = (async () => {
    await client.connect();
    while (running) {
      const { rows } = await client.query<{ waits: number; audit_waits: number }>(
        `select count(*)::int as waits,
                count(*) filter (where query ilike '%audit_head%' or query ilike '%audit_events%')::int as audit_waits
           from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`,
      );
      samples.push({ waits: rows[0]?.waits ?? 0, auditWaits: rows[0]?.audit_waits ?? 0 });
      await new Promise((r) => setTimeout(r, 100));
    }
    await client.end();
  })();
  return {
    async stop() {
      running = false;
      await done;
      const n = Math.max(1, samples.length);
      return {
        max: Math.max(0, ...samples.map((s) => s.waits)),
        mean: samples.reduce((a, s) => a + s.waits, 0) / n,
        auditMax: Math.max(0, ...samples.map((s) => s.auditWaits)),
      };
    },
  };
}

/** `connections` loops at once, spread over the ports, each asking again as soon as answered. */
async function load(
  ctx: ScaleContext,
  label: string,
  ports: number[],
  url: (i: number) => string,
): Promise<LoadResult> {
  const agents = ports.map(
    () => new http.Agent({ keepAlive: true, maxSockets: Math.ceil(ctx.connections / ports.length) }),
  );
  const warmUntil = performance.now() + 2_000;
  const measureFrom = warmUntil;
  const endAt = measureFrom + ctx.seconds * 1000;
  const latencies: number[] = [];
  let errors = 0;
  let n = 0;
  const sampler = lockSampler(ctx.databaseUrl);
  const loops = Array.from({ length: ctx.connections }, async (_, c) => {
    const slot = c % ports.length;
    const port = ports[slot] as number;
    const agent = agents[slot] as http.Agent;
    for (;;) {
      const started = performance.now();
      if (started >= endAt) return;
      const status = await get(agent, port, url(n++), ctx.cookie).catch(() => 0);
      const ended = performance.now();
      if (started >= measureFrom && ended <= endAt) {
        if (status === 200) latencies.push(ended - started);
        else errors++;
      }
    }
  });
  await Promise.all(loops);
  const locks = await sampler.stop();
  for (const a of agents) a.destroy();
  latencies.sort((a, b) => a - b);
  const result: LoadResult = {
    label,
    processes: ports.length,
    requests: latencies.length,
    perSecond: latencies.length / ctx.seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    errors,
    lockWaitsMax: locks.max,
    lockWaitsMean: locks.mean,
    auditLockWaitsMax: locks.auditMax,
  };
  ctx.log(
    `  ${label.padEnd(62)} ${result.perSecond.toFixed(0).padStart(6)}/s  p50 ${result.p50Ms.toFixed(0).padStart(4)} ms  ` +
      `p99 ${result.p99Ms.toFixed(0).padStart(4)} ms  lock waits max ${result.lockWaitsMax} (audit ${result.auditLockWaitsMax}), ` +
      `mean ${result.lockWaitsMean.toFixed(1)}${result.errors ? `  ERRORS ${result.errors}` : ''}`,
  );
  return result;
}

export async function measureScale(ctx: ScaleContext): Promise<LoadResult[]> {
  const caseView = (i: number) => `/api/schools/${ctx.schoolId}/pupils/${ctx.pupilIds[i % ctx.pupilIds.length] ?? ''}`;
  const session = () => '/api/auth/session';
  const results: LoadResult[] = [];
  ctx.log(`14. Under load: ${ctx.connections} connections at once, ${ctx.seconds} s each after 2 s of warm-up`);
  const audited = [await startServer(ctx.databaseUrl, 4601, false), await startServer(ctx.databaseUrl, 4602, false)];
  const unaudited = [await startServer(ctx.databaseUrl, 4603, true), await startServer(ctx.databaseUrl, 4604, true)];
  try {
    results.push(await load(ctx, 'session look-up only, 1 process', [4601], session));
    results.push(await load(ctx, 'case view, its selects without the audit append, 1 process', [4603], caseView));
    results.push(await load(ctx, 'case view, audited, 1 process', [4601], caseView));
    results.push(await load(ctx, 'case view, audited, 2 processes', [4601, 4602], caseView));
    results.push(await load(ctx, 'case view, selects without the audit append, 2 processes', [4603, 4604], caseView));
  } finally {
    await Promise.all([...audited, ...unaudited].map(stopServer));
  }
  return results;
}
