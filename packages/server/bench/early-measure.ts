/**
 * Measurement 13: early identification's "pupils to review" (issue: early identification,
 * explainable). GET /api/schools/:id/early/pupils as the SMHL of the busiest school of the trust,
 * against the raw SQL that gives the same figures: the exact statements every registered
 * `EarlySignalSource` sends for that school (captured through a recording `db.execute`, each
 * statement's SQL and parameters as Drizzle builds them), replayed through the driver one after
 * another as the app sends them; and the sources with core's decisions in-process (`firedRules`,
 * no HTTP, session or audit). Checked before timing: each replayed statement returns the rows it
 * gave its source, and the app lists exactly the pupils the captured figures make fire.
 *
 * First, for that school, ten years of weekly attendance (every pupil, on roll or left, each week
 * of their time at the school in the last ten years, August excepted: about 190 a pupil), set-based;
 * one pupil in twenty on roll misses three more sessions a week over the last four weeks. Unless
 * measurement 12 wrote them already, ten years of concerns (its generator, for this school); and
 * check-ins over the last eight weeks for one pupil in five on roll, some trending down.
 */
import type { FastifyInstance } from 'fastify';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { earlySettings, type EarlyListResponse } from '@tandem/core';
import type { Db } from '../src/db/client';
import type { AppDeps } from '../src/platform/deps';
import { registries } from '../src/features';
import { firedRules } from '../src/early-identification/early.fired';
import type { BenchDatabase, Query, RawDb } from './databases';
import { explainPlan } from './explain';
import { compare, type RunSpec } from './measure';
import type { Comparison } from './report';
import { generateReportConcerns } from './reports-measure';

export interface EarlyContext {
  schoolId: string;
  schoolIndex: number;
  smhlCookie: string;
  /** Whether to write ten years of concerns first (measurement 12 writes them for every school). */
  withConcerns: boolean;
}

interface Statement {
  source: string;
  n: number;
  sql: string;
  params: unknown[];
  rows: unknown[];
}

const dialect = new PgDialect();

/** The database, with `execute` recording each statement a signal source sends. */
function recording(db: Db, source: string, out: Statement[]): Db {
  let n = 0;
  const execute = async (query: SQL | string) => {
    const built =
      typeof query === 'string' ? { sql: query, params: [] as unknown[] } : dialect.sqlToQuery(query.getSQL());
    const entry: Statement = { source, n: ++n, sql: built.sql, params: built.params, rows: [] };
    out.push(entry);
    const result: unknown = await db.execute(query);
    entry.rows = (result as { rows: unknown[] }).rows;
    return result;
  };
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'execute') return execute;
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

const h = (x: string) => `(hashtext(${x}) & 2147483647)`;

/** Ten years of weekly attendance for one school's pupils, in ten statements (a tenth of the pupils each). */
export async function generateEarlyAttendance(
  raw: RawDb,
  schoolId: string,
  now: Date,
): Promise<{ weeks: number; seconds: number }> {
  const t0 = performance.now();
  let weeks = 0;
  for (let part = 0; part < 10; part++) {
    const [row] = await raw.query<{ n: number }>(
      `with p as (
         select p.id, ${h('p.id::text')} as hp,
           greatest(p.created_at, $2::timestamptz - interval '10 years')::date as since,
           least(coalesce(p.left_on, $2::date), $2::date) as until,
           p.left_on is null as on_roll
         from pupils p where p.school_id = $1 and ${h('p.id::text')} % 10 = $3
       ),
       w as (
         select p.id as pupil_id, wk::date as week_start, p.hp,
           ${h('p.id::text || wk::date::text')} as hw,
           p.on_roll and p.hp % 20 = 0 and wk > $2::timestamptz - interval '28 days' as falling
         from p cross join lateral generate_series(date_trunc('week', p.since), p.until, interval '1 week') as wk
         where extract(month from wk) <> 8
       ),
       a as (
         select w.*, least(10, case when w.hw % 100 < 5 + w.hp % 30 then 1 + w.hw % 3 else 0 end
           + case when w.falling then 3 else 0 end) as absent
         from w
       ),
       ins as (
         insert into attendance_weeks (school_id, pupil_id, week_start, possible, attended, authorised, unauthorised, updated_at)
         select $1, a.pupil_id, a.week_start, 10, 10 - a.absent, a.absent / 2, a.absent - a.absent / 2, $2::timestamptz
         from a
         on conflict do nothing
         returning 1
       )
       select count(*)::int as n from ins`,
      [schoolId, now.toISOString(), part],
    );
    weeks += row?.n ?? 0;
  }
  await raw.query('analyze attendance_weeks');
  return { weeks, seconds: (performance.now() - t0) / 1000 };
}

/** Two check-ins a week over the last eight weeks for one pupil in five on roll; one in four of them lower lately. */
async function generateEarlyCheckins(raw: RawDb, schoolId: string, now: Date): Promise<number> {
  const [row] = await raw.query<{ n: number }>(
    `with ins as (
       insert into checkins (school_id, pupil_id, mood, note, wants_to_talk, submission_key, created_at)
       select $1, p.id,
         greatest(1, least(5, 3 + ${h('p.id::text || k')} % 3 - 1
           - case when ${h('p.id::text')} % 4 = 0 and k <= 8 then 2 else 0 end)),
         '', false, 'bench-early-' || k, $2::timestamptz - interval '3 days' * k - interval '1 hour'
       from pupils p cross join generate_series(1, 16) k
       where p.school_id = $1 and p.left_on is null and ${h('p.id::text')} % 5 = 0
       on conflict do nothing
       returning 1
     )
     select count(*)::int as n from ins`,
    [schoolId, now.toISOString()],
  );
  return row?.n ?? 0;
}

async function get(app: FastifyInstance, url: string, cookie: string): Promise<string> {
  const res = await app.inject({ method: 'GET', url, headers: { cookie }, remoteAddress: '127.0.0.1' });
  if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return res.body;
}

async function replayOneByOne(q: Query, statements: readonly Statement[]): Promise<number> {
  let rows = 0;
  for (const s of statements) rows += (await q(s.sql, s.params)).length;
  return rows;
}

function specFor(spec: RunSpec, share: number): RunSpec {
  return {
    warmup: Math.max(3, Math.round(spec.warmup * share)),
    iterations: Math.max(10, Math.round(spec.iterations * share)),
    inFlight: spec.inFlight,
    concurrentCalls: Math.max(spec.inFlight * 2, Math.round(spec.concurrentCalls * share)),
  };
}

/** Measurement 13: the pupils to review, as the SMHL, against the signal sources' raw SQL. */
export async function measureEarly(
  db: BenchDatabase,
  app: FastifyInstance,
  ctx: EarlyContext,
  spec: RunSpec,
  log: (line: string) => void,
): Promise<{ comparisons: Comparison[]; data: Record<string, number>; explains: string[] }> {
  const q = db.raw.query;
  const now = new Date();
  const made = await generateEarlyAttendance(db.raw, ctx.schoolId, now);
  log(
    `  (wrote ${made.weeks} attendance weeks over ten years for school ${ctx.schoolIndex} in ${made.seconds.toFixed(1)} s)`,
  );
  if (ctx.withConcerns) {
    const c = await generateReportConcerns(db.raw, [ctx.schoolId], now);
    log(`  (wrote ${c.concerns} concerns over ten years in ${c.seconds.toFixed(1)} s)`);
    // As autovacuum would after such a load: the planner's estimates of the new rows.
    await q('analyze concerns');
    await q('analyze concern_pupils');
  }
  const checkins = await generateEarlyCheckins(db.raw, ctx.schoolId, now);
  await q('analyze checkins');

  // The captured run: every source once, as the app calls them (one after another), the rules at their defaults.
  const rules = earlySettings([]);
  const statements: Statement[] = [];
  for (const s of registries.earlySignals) {
    await s.signals(recording(db.app.db, s.kinds.join('+'), statements), {
      schoolId: ctx.schoolId,
      today: now.toISOString().slice(0, 10),
      now,
      rules,
    });
  }
  for (const s of statements) {
    const rows = await q(s.sql, s.params);
    if (rows.length !== s.rows.length) {
      throw new Error(`13: ${s.source} statement ${s.n} replayed gives ${rows.length} rows, not ${s.rows.length}`);
    }
  }
  const deps = { registries } as AppDeps;
  const url = `/api/schools/${ctx.schoolId}/early/pupils`;
  const answer = JSON.parse(await get(app, url, ctx.smhlCookie)) as EarlyListResponse;
  const fired = await firedRules(deps, db.app.db, { schoolId: ctx.schoolId, now: new Date(), rules });
  if (answer.pupils.length !== fired.size || answer.pupils.length === 0) {
    throw new Error(`13: the app lists ${answer.pupils.length} pupils, the sources make ${fired.size} fire`);
  }
  const byKind: Record<string, number> = {};
  for (const list of fired.values()) for (const f of list) byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;

  const explains: string[] = [];
  for (const s of statements) {
    const plan = await explainPlan(q, s.sql, s.params);
    const seq = plan.nodes.filter((n) => /^Seq Scan/.test(n));
    explains.push(
      `13 ${s.source}#${s.n}: ${plan.executionMs.toFixed(2)} ms in the database, ${s.rows.length} rows | ` +
        `rows read ${plan.rowsRead}${seq.length ? ` | ${seq.join(', ')}` : ''} | ${plan.nodes.slice(0, 8).join(' > ')}`,
    );
  }

  const [counts] = await q<Record<string, number>>(
    `select (select count(*)::int from pupils where school_id = $1 and left_on is null) as "onRoll",
            (select count(*)::int from attendance_weeks where school_id = $1) as "attendanceWeeks",
            (select count(*)::int from concerns where school_id = $1) as concerns`,
    [ctx.schoolId],
  );
  log('  13 pupils to review');
  const appCall = async () => {
    await get(app, url, ctx.smhlCookie);
  };
  const appStatements = await db.capture.during(appCall);
  const [a, ...b] = await compare(
    [
      { label: 'GET /api/schools/:school/early/pupils', fn: appCall },
      {
        label: `raw SQL: the ${statements.length} signal statements one after another, as the app`,
        fn: () => replayOneByOne(q, statements),
      },
      {
        label: 'the sources and core’s rules in-process (firedRules: Drizzle; no HTTP, names or audit)',
        fn: () => firedRules(deps, db.app.db, { schoolId: ctx.schoolId, now: new Date(), rules }),
      },
    ],
    specFor(spec, 1 / 3),
  );
  if (!a) throw new Error('13 not measured');
  const data: Record<string, number> = {
    ...counts,
    listed: answer.pupils.length,
    checkins,
    statements: statements.length,
    appStatements: appStatements.length,
    ...Object.fromEntries(Object.entries(byKind).map(([k, v]) => [`fired_${k}`, v])),
  };
  return {
    comparisons: [
      {
        id: '13',
        title: `Pupils to review (SMHL of school ${ctx.schoolIndex}, ${counts?.onRoll ?? '?'} on roll, ${counts?.attendanceWeeks ?? '?'} attendance weeks over ten years)`,
        app: a,
        baselines: b,
        statements: appStatements.length,
        note:
          `${answer.pupils.length} pupils listed (${Object.entries(byKind)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')}); the sources send ${statements.length} statements; the app ${appStatements.length} in all ` +
          '(session, rules, reviews, case scope, names, audit)',
      },
    ],
    data,
    explains,
  };
}
