/**
 * `npm run bench`: generates a large trust, then measures the app against the raw SQL (or bare
 * library call) that answers the same question, in one run, and prints the ratios. See README.md.
 *
 * Environment:
 *   BENCH_DB=postgres (or DATABASE_URL set)  PostgreSQL instead of the embedded PGlite
 *   DATABASE_URL        the server to create the bench databases on (default postgres://postgres@127.0.0.1:5432/postgres)
 *   BENCH_SCALE=full    40 schools, 48,000 pupils (default: 10 schools of 2,000; small: 2, to check the bench)
 *   BENCH_LEAVERS=1.5   former pupils kept per pupil on roll (ten years of leavers); 0 for none
 *   BENCH_PGLITE_DIR    a data directory for PGlite, or "tmp" for a fresh temporary one (default: in memory)
 *   BENCH_ITERATIONS=300  timed calls one at a time per side (sign-in an eighth, the chronology half)
 *   BENCH_IN_FLIGHT=8   calls in flight for the throughput run
 *   BENCH_LOG=1         print the app's error log (to see why a request answered 500)
 *   BENCH_ONLY=weight   only the page weight of the web app (seconds; no database)
 *   BENCH_ONLY=interventions  only measurement 9 (the trust, without the one-school database)
 *   BENCH_ONLY=referrals      only measurement 10 (likewise)
 *   BENCH_ONLY=family         only measurement 11 (likewise)
 *   BENCH_ONLY=reports        only measurement 12 (likewise)
 *   BENCH_ONLY=early          only measurement 13 (likewise)
 *   BENCH_ONLY=scale          only measurement 14: real app processes under 64 connections (PostgreSQL)
 *   BENCH_ONLY=calendar       only measurement 15: a calendar fetching a busy SMHL's feed (the trust, likewise)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { verify } from '@node-rs/argon2';
import { buildApp } from '../src/app';
import type { AppDeps } from '../src/platform/deps';
import { registries } from '../src/features';
import { localAlertBus } from '../src/platform/alert-bus';
import { loadConfig } from '../src/config';
import { systemClock } from '../src/clock';
import type { Mailer } from '../src/mail/mailer';
import { verifyAuditChain } from '../src/audit/audit.service';
import { sealAuditTrail } from '../src/audit/audit.sealer';
import type { Db } from '../src/db/client';
import { ARGON2_PARAMS, hashPassword } from '../src/auth/password';
import { tokenHash } from '../src/auth/tokens';
import { encodeCursor } from '../src/pupils/pupils.queries';
import {
  openBenchPglite,
  openBenchPostgres,
  POOL_SIZE,
  withDatabase,
  type BenchDatabase,
  type Query,
} from './databases';
import { measureScale } from './scale';
import {
  BENCH_PASSWORD,
  BENCH_TOTP_SECRET,
  generateTrust,
  planTrust,
  type GeneratedSchool,
  type GeneratedTrust,
  type Scale,
} from './generate';
import { BenchClient, getter } from './client';
import { compare, type RunSpec, type Side } from './measure';
import { formatTable, ratios, type Comparison } from './report';
import { explainPlan, type PlanSummary } from './explain';
import { auditAppend } from './audit';
import { concernBody, isUrgent, rawConcernAllStatements, rawConcernWrites, type ConcernContext } from './concerns';
import { CHRONOLOGY_ENTRIES, CHRONOLOGY_SQL, generateChronology, type RawEntry } from './chronology';
import {
  REVIEWS_DUE_SQL,
  REVISION_REASON,
  RevisionPool,
  rawPlanCaseSelects,
  rawPlanViewedAudit,
  rawPupilViewedAudit,
  rawRevisionAllStatements,
  rawRevisionWrites,
  rawStaffSummarySelects,
  reviewDueToSend,
  reviewsDueHorizon,
} from './plans';
import { runPageWeight } from './page-weight';
import { generateTrustInterventions } from './interventions';
import { measureInterventions } from './interventions-measure';
import { busiestReferralSchool, generateTrustReferrals } from './referrals';
import { measureReferrals, type ReferralContext } from './referrals-measure';
import { generateFamilies } from './family';
import { measureFamily } from './family-measure';
import { measureReports } from './reports-measure';
import { measureEarly } from './early-measure';
import { measureCalendar } from './calendar-measure';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
const RESULTS_DIR = path.join(REPO_ROOT, 'bench-results');

function envNumber(name: string, fallback: number): number {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number`);
  return n;
}

const usePostgres = process.env.BENCH_DB === 'postgres' || Boolean(process.env.DATABASE_URL);
const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const scale: Scale =
  process.env.BENCH_SCALE === 'full' ? 'full' : process.env.BENCH_SCALE === 'small' ? 'small' : 'default';
const leaverRatio = envNumber('BENCH_LEAVERS', 1.5);
const pgliteDir = process.env.BENCH_PGLITE_DIR || null;
const iterations = Math.max(10, Math.round(envNumber('BENCH_ITERATIONS', 300)));
const inFlight = Math.max(1, Math.round(envNumber('BENCH_IN_FLIGHT', 8)));
const only = process.env.BENCH_ONLY ?? '';

const FAST: RunSpec = {
  warmup: Math.max(20, Math.ceil(iterations / 5)),
  iterations,
  inFlight,
  concurrentCalls: Math.round(iterations * 1.5),
};
/** argon2id takes tens of ms and all the CPU it is given: fewer calls. */
const SLOW: RunSpec = {
  warmup: 3,
  iterations: Math.max(10, Math.round(iterations / 8)),
  inFlight,
  concurrentCalls: Math.max(inFlight * 2, Math.round(iterations / 6)),
};

/** Calls of tens of ms (the 500-entry chronology): half as many, so the run stays within minutes. */
const HEAVY: RunSpec = {
  warmup: 10,
  iterations: Math.max(10, Math.round(iterations / 2)),
  inFlight,
  concurrentCalls: Math.max(inFlight * 2, Math.round(iterations / 2)),
};

const log = (line: string) => console.log(line);

async function openDatabase(label: string, name: string): Promise<BenchDatabase> {
  return usePostgres ? openBenchPostgres(label, serverUrl, name) : openBenchPglite(label, { dataDir: pgliteDir });
}

/**
 * The bench's mailer: it counts the messages and sends nothing. What is measured is the app's work
 * (the e-mails are handed over after the commit, and a real SMTP server's time is not the app's).
 */
const mail = { sent: 0 };
const countingMailer: Mailer = {
  send() {
    mail.sent++;
    return Promise.resolve();
  },
};

/** The app on a database, as main.ts builds it, plus one do-nothing route (the framework floor). */
async function appOn(database: BenchDatabase): Promise<FastifyInstance> {
  const config = {
    ...loadConfig({}),
    publicUrl: 'http://bench.test',
    webDistDir: null,
    demo: false,
    // Every bench request comes from one address; the per-address limit would stop the sign-in run.
    signInRateLimitPerMinute: 1_000_000,
  };
  const deps: AppDeps = {
    database: database.app,
    config,
    clock: systemClock,
    mailer: countingMailer,
    registries,
    alertBus: localAlertBus(),
  };
  const app = await buildApp(deps, { logger: process.env.BENCH_LOG ? { level: 'error' } : false });
  app.get('/api/bench/ok', () => ({ ok: true }));
  await app.ready();
  return app;
}

async function bareFastify(): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  app.get('/ok', () => ({ ok: true }));
  await app.ready();
  return app;
}

/** Measure the app beside its baselines, interleaved (see measure.ts). */
async function comparison(
  id: string,
  title: string,
  app: Side,
  baselines: Side[],
  spec: RunSpec,
  extra: Pick<Comparison, 'statements' | 'note'> = {},
): Promise<Comparison> {
  const [a, ...b] = await compare([app, ...baselines], spec);
  if (!a) throw new Error('nothing measured');
  return { id, title, app: a, baselines: b, ...extra };
}

interface ListCheck {
  pupils: unknown[];
  total: number;
}

function expectRows(rows: unknown[], n: number, what: string): void {
  if (rows.length !== n) throw new Error(`${what}: expected ${n} rows, got ${rows.length}`);
}

/** The raw SQL of the pupil list: the page (25 rows and one to know if there is more) and the count. */
function listSql(filter: string, withTeaches: boolean): { page: string; count: string } {
  const teaches = withTeaches
    ? `, exists (select 1 from teaching_group_pupils tgp join teaching_group_staff tgs on tgs.group_id = tgp.group_id
         where tgp.pupil_id = p.id and tgs.user_id = $2) as teaches`
    : '';
  return {
    page: `select p.id, p.given_name, p.family_name, p.preferred_name, p.year_group, p.form, p.current_level, p.left_on${teaches}
           from pupils p where p.school_id = $1 and p.left_on is null ${filter}
           order by p.family_name, p.given_name, p.id limit 26`,
    count: `select count(*)::int as total from pupils p where p.school_id = $1 and p.left_on is null ${filter}`,
  };
}

/** The first selects the profile (case view) makes: the pupil, whether the reader teaches them, the trust. */
async function profileFirstSelects(q: Query, schoolId: string, pupilId: string, userId: string): Promise<void> {
  const [pupil] = await q('select * from pupils where id = $1 and school_id = $2', [pupilId, schoolId]);
  if (!pupil) throw new Error('profile pupil missing');
  await q(
    `select 1 from teaching_group_pupils tgp join teaching_group_staff tgs on tgs.group_id = tgp.group_id
     where tgp.school_id = $1 and tgp.pupil_id = $2 and tgs.user_id = $3 limit 1`,
    [schoolId, pupilId, userId],
  );
  await q('select trust_id from schools where id = $1', [schoolId]);
}

/** The rest: the level wording, contacts, level history, sharing, teaching groups. */
async function profileLastSelects(q: Query, schoolId: string, pupilId: string): Promise<void> {
  await q(
    `select d.*, u.display_name from level_definitions d left join users u on u.id = d.created_by
     where d.school_id = $1 and d.superseded_at is null`,
    [schoolId],
  );
  await q('select * from contacts where school_id = $1 and pupil_id = $2 order by priority, name', [schoolId, pupilId]);
  const history = await q(
    `select c.*, u.display_name, d.* from level_changes c join users u on u.id = c.changed_by
     left join level_definitions d on d.id = c.definition_id
     where c.school_id = $1 and c.pupil_id = $2 order by c.changed_at desc`,
    [schoolId, pupilId],
  );
  if (history.length === 0) throw new Error('profile pupil has no history');
  await q(
    'select audience, shared_at from level_shares where school_id = $1 and pupil_id = $2 order by shared_at desc',
    [schoolId, pupilId],
  );
  await q(
    `select g.code, g.name from teaching_group_pupils tgp join teaching_groups g on g.id = tgp.group_id
     where tgp.school_id = $1 and tgp.pupil_id = $2 order by g.code`,
    [schoolId, pupilId],
  );
}

/** The audit append the profile makes (one insert, sealed later), in raw SQL. */
async function profileAudit(
  q: Query,
  actor: string,
  trustId: string,
  schoolId: string,
  pupilId: string,
): Promise<void> {
  await auditAppend(q, {
    actorUserId: actor,
    trustId,
    schoolId,
    action: 'pupil.viewed',
    subjectType: 'pupil',
    subjectId: pupilId,
    detail: { view: 'case' },
  });
}

async function userId(db: BenchDatabase, email: string): Promise<string> {
  const [row] = await db.raw.query<{ id: string }>('select id from users where email = $1', [email]);
  if (!row) throw new Error(`no user ${email}`);
  return row.id;
}

/** Seal every entry still waiting (the in-process apps here run no sealing job), before verifying. */
async function sealAll(db: Db): Promise<void> {
  while (await sealAuditTrail(db)) {
    // batch after batch
  }
}

function sessionCookieOf(client: BenchClient): string {
  const cookie = client.cookieHeader();
  if (!cookie.includes('tandem_session=')) throw new Error('no session cookie after sign-in');
  return cookie;
}

/** Statements an app request sends (through Drizzle), captured with nothing else in flight. */
async function statementsOf(db: BenchDatabase, fn: () => Promise<unknown>) {
  return db.capture.during(fn);
}

interface ListPlans {
  page: PlanSummary;
  count: PlanSummary;
}

/** EXPLAIN the exact page and count statements the app sends for the first page of the list. */
async function listPlans(
  db: BenchDatabase,
  app: FastifyInstance,
  school: GeneratedSchool,
  cookie: string,
): Promise<ListPlans> {
  const url = `/api/schools/${school.id}/pupils?limit=25`;
  const res = await app.inject({ method: 'GET', url, headers: { cookie } });
  const parsed = JSON.parse(res.body) as ListCheck;
  expectRows(parsed.pupils, 25, 'app list');
  if (parsed.total !== school.onRoll) throw new Error(`list total ${parsed.total}, expected ${school.onRoll}`);
  const captured = await statementsOf(db, getter(app, url, cookie));
  const page = captured.find((c) => /order by/i.test(c.sql) && /"pupils"/.test(c.sql));
  const count = captured.find((c) => /count\(\*\)/i.test(c.sql) && /"pupils"/.test(c.sql));
  if (!page || !count) throw new Error('could not find the list statements');
  return {
    page: await explainPlan(db.raw.query, page.sql, page.params),
    count: await explainPlan(db.raw.query, count.sql, count.params),
  };
}

/** Measurement 2: the pupil list for the SMHL (first page, filtered, searched, deep), app against raw SQL. */
async function measureList(
  db: BenchDatabase,
  app: FastifyInstance,
  school: GeneratedSchool,
  smhlCookie: string,
): Promise<Comparison[]> {
  const s = school.id;
  const base = `/api/schools/${s}/pupils?limit=25`;
  const comparisons: Comparison[] = [];
  const check = (body: string, rows: number) => expectRows((JSON.parse(body) as ListCheck).pupils, rows, 'app list');
  const [at1000] = await db.raw.query<{ family_name: string; given_name: string; id: string }>(
    `select family_name, given_name, id from pupils where school_id = $1 and left_on is null
       order by family_name, given_name, id offset 999 limit 1`,
    [s],
  );
  if (!at1000) throw new Error('school has fewer than 1,000 pupils on roll');
  const cursor = encodeCursor({ f: at1000.family_name, g: at1000.given_name, id: at1000.id });
  const [{ n: year9 } = { n: 0 }] = await db.raw.query<{ n: number }>(
    'select count(*)::int as n from pupils where school_id = $1 and left_on is null and year_group = 9',
    [s],
  );
  const [{ n: sm } = { n: 0 }] = await db.raw.query<{ n: number }>(
    `select count(*)::int as n from pupils where school_id = $1 and left_on is null
       and (family_name ilike 'sm%' or given_name ilike 'sm%' or preferred_name ilike 'sm%')`,
    [s],
  );
  const cases: { id: string; title: string; url: string; filter: string; params: unknown[]; rows: number }[] = [
    {
      id: 'a',
      title: `Pupil list, first page (25 of ${school.onRoll}, SMHL)`,
      url: base,
      filter: '',
      params: [],
      rows: 25,
    },
    {
      id: 'b',
      title: `Pupil list, Year 9 only (25 of ${year9})`,
      url: `${base}&yearGroup=9`,
      filter: 'and p.year_group = $2',
      params: [9],
      rows: Math.min(25, year9),
    },
    {
      id: 'c',
      title: `Pupil list, search "sm" (25 of ${sm})`,
      url: `${base}&search=sm`,
      filter: 'and (p.family_name ilike $2 or p.given_name ilike $2 or p.preferred_name ilike $2)',
      params: ['sm%'],
      rows: Math.min(25, sm),
    },
    {
      id: 'd',
      title: 'Pupil list, deep page (keyset after row 1,000)',
      url: `${base}&after=${cursor}`,
      filter: 'and (p.family_name, p.given_name, p.id) > ($2, $3, $4::uuid)',
      params: [at1000.family_name, at1000.given_name, at1000.id],
      rows: 25,
    },
  ];
  for (const c of cases) {
    const sql = listSql(c.filter, false);
    const params = [s, ...c.params];
    const appCall = getter(app, c.url, smhlCookie);
    const res = await app.inject({ method: 'GET', url: c.url, headers: { cookie: smhlCookie } });
    check(res.body, c.rows);
    const statements = (await statementsOf(db, appCall)).length;
    const rawCall = async () => {
      const page = await db.raw.query(sql.page, params);
      await db.raw.query(sql.count, params);
      if (page.length < c.rows) throw new Error('raw list short');
    };
    log(`  2${c.id} ${c.title}`);
    comparisons.push(
      await comparison(
        `2${c.id}`,
        c.title,
        { label: `GET ${c.url.replace(s, ':school').replace(/after=[^&]+/, 'after=…')}`, fn: appCall },
        [{ label: 'raw SQL: page + count', fn: rawCall }],
        FAST,
        { statements },
      ),
    );
  }
  return comparisons;
}

/** The pupil given a long chronology: Year 11 (five years at the school), no level, nothing recorded yet. */
async function chronologyPupil(db: BenchDatabase, schoolId: string): Promise<string> {
  const [row] = await db.raw.query<{ id: string }>(
    `select p.id from pupils p where p.school_id = $1 and p.left_on is null and p.year_group = 11 and p.current_level is null
       and not exists (select 1 from level_changes c where c.pupil_id = p.id)
       and not exists (select 1 from level_shares s where s.pupil_id = p.id)
       and not exists (select 1 from concern_pupils cp where cp.pupil_id = p.id)
       and not exists (select 1 from plans pl where pl.pupil_id = p.id)
       and not exists (select 1 from meetings m where m.pupil_id = p.id)
       and not exists (select 1 from intervention_places ip where ip.pupil_id = p.id)
     order by p.id limit 1`,
    [schoolId],
  );
  if (!row) throw new Error('no pupil for the chronology');
  return row.id;
}

/** Measurement 6: logging a concern (audit, routing, alerts) as a tutor, against raw SQL doing the same work. */
async function measureConcernLogging(
  db: BenchDatabase,
  app: FastifyInstance,
  tutor: BenchClient,
  ctx: ConcernContext,
): Promise<Comparison> {
  const pupils = (
    await db.raw.query<{ pupil_id: string }>(
      `select distinct tgp.pupil_id from teaching_group_pupils tgp
       join teaching_group_staff tgs on tgs.group_id = tgp.group_id where tgs.user_id = $1 order by 1`,
      [ctx.loggerId],
    )
  ).map((r) => r.pupil_id);
  if (pupils.length === 0) throw new Error('the tutor has no pupils');
  const url = `/api/schools/${ctx.schoolId}/concerns`;
  const headers = { cookie: tutor.cookieHeader(), 'x-csrf-token': await tutor.csrfToken() };
  const post = (payload: object) => app.inject({ method: 'POST', url, headers, payload, remoteAddress: '127.0.0.1' });
  const pupilFor = (n: number) => pupils[n % pupils.length] as string;

  // Once, untimed: a double submit returns the first concern; count the statements of each route.
  const first = concernBody(pupilFor(0), false);
  const a = await post(first);
  const b = await post(first);
  if (
    a.statusCode !== 201 ||
    b.statusCode !== 200 ||
    !(JSON.parse(b.body) as { alreadyReceived: boolean }).alreadyReceived
  ) {
    throw new Error(`concern double submit: ${a.statusCode} then ${b.statusCode} ${b.body.slice(0, 200)}`);
  }
  const counted = async (urgent: boolean) =>
    (
      await statementsOf(db, async () => {
        const res = await post(concernBody(pupilFor(1), urgent));
        if (res.statusCode !== 201) throw new Error(`log concern: ${res.statusCode} ${res.body.slice(0, 200)}`);
      })
    ).length;
  const ordinaryStatements = await counted(false);
  const urgentStatements = await counted(true);

  let appCalls = 0;
  const mailBefore = mail.sent;
  const appCall = async () => {
    const n = appCalls++;
    const urgent = isUrgent(n);
    const res = await post(concernBody(pupilFor(n), urgent));
    if (res.statusCode !== 201) throw new Error(`log concern: ${res.statusCode} ${res.body.slice(0, 200)}`);
    const body = JSON.parse(res.body) as { route: string; alreadyReceived: boolean };
    if (body.route !== (urgent ? 'dsl' : 'mental_health_lead') || body.alreadyReceived) {
      throw new Error(`log concern: routed to ${body.route}`);
    }
  };
  let writes = 0;
  let all = 0;
  log('  6 logging a concern');
  const comparisonResult = await comparison(
    '6',
    'Logging a concern as a tutor (3 ordinary → SMHL : 1 urgent → DSL; audit, alert, e-mail counted not sent)',
    { label: 'POST /api/schools/:school/concerns', fn: appCall },
    [
      {
        label: 'raw SQL: the writes (concern, pupil, audit, alert), one tx',
        fn: () => {
          const n = writes++;
          return rawConcernWrites(db.raw, ctx, concernBody(pupilFor(n), isUrgent(n)));
        },
      },
      {
        label: "raw SQL: all the app's statements in its order, one tx",
        fn: () => {
          const n = all++;
          return rawConcernAllStatements(db.raw, ctx, concernBody(pupilFor(n), isUrgent(n)));
        },
      },
    ],
    FAST,
    { statements: ordinaryStatements },
  );
  const mailed = mail.sent - mailBefore;
  if (mailed !== appCalls) throw new Error(`${appCalls} concerns logged but ${mailed} e-mails handed to the mailer`);
  await sealAll(db.app.db);
  const chain = await verifyAuditChain(db.app.db);
  if (!chain.ok) throw new Error(`audit chain broken after the concern runs: ${chain.problem}`);
  comparisonResult.note =
    `${appCalls} concerns logged by the app, ${mailed} e-mails counted by the no-op mailer; ` +
    `${ordinaryStatements} statements for an ordinary concern, ${urgentStatements} for an urgent one ` +
    `(session lookup included); audit chain verified after the run (${chain.entries} entries)`;
  return comparisonResult;
}

/** Measurement 7: the chronology of a pupil with 500 entries, as the SMHL, against one UNION ALL. */
async function measureChronology(
  db: BenchDatabase,
  app: FastifyInstance,
  schoolId: string,
  trustId: string,
  pupilId: string,
  smhlId: string,
  smhlCookie: string,
): Promise<Comparison> {
  const url = `/api/schools/${schoolId}/pupils/${pupilId}/chronology`;
  const res = await app.inject({ method: 'GET', url, headers: { cookie: smhlCookie } });
  if (res.statusCode !== 200) throw new Error(`chronology: ${res.statusCode} ${res.body.slice(0, 200)}`);
  const appEntries = (JSON.parse(res.body) as { entries: { id: string; kind: string }[] }).entries;
  const rawEntries = await db.raw.query<RawEntry>(CHRONOLOGY_SQL, [schoolId, pupilId]);
  expectRows(appEntries, CHRONOLOGY_ENTRIES, 'app chronology');
  expectRows(rawEntries, CHRONOLOGY_ENTRIES, 'raw chronology');
  const key = (e: { id: string; kind: string }) => `${e.kind}/${e.id}`;
  const rawKeys = new Set(rawEntries.map(key));
  const missing = appEntries.filter((e) => !rawKeys.has(key(e)));
  if (missing.length > 0) throw new Error(`raw chronology lacks ${missing.length} of the app's entries`);
  const byKind: Record<string, number> = {};
  for (const e of appEntries) byKind[e.kind] = (byKind[e.kind] ?? 0) + 1;

  const appCall = getter(app, url, smhlCookie);
  const statements = (await statementsOf(db, appCall)).length;
  const union = async (q: Query) => {
    const rows = await q(CHRONOLOGY_SQL, [schoolId, pupilId]);
    expectRows(rows, CHRONOLOGY_ENTRIES, 'raw chronology');
  };
  log('  7 chronology of a pupil with 500 entries');
  const c = await comparison(
    '7',
    `Chronology of a pupil with ${CHRONOLOGY_ENTRIES} entries (SMHL; 70 concerns with addenda and actions)`,
    { label: 'GET /api/schools/:school/pupils/:pupil/chronology', fn: appCall },
    [
      { label: 'raw SQL: one UNION ALL, newest first', fn: () => union(db.raw.query) },
      {
        label: 'raw SQL: pupil + UNION ALL + audit append, one tx',
        fn: () =>
          db.raw.transaction(async (q) => {
            const [pupil] = await q('select * from pupils where id = $1 and school_id = $2', [pupilId, schoolId]);
            if (!pupil) throw new Error('chronology pupil missing');
            await union(q);
            await q('select trust_id from schools where id = $1', [schoolId]);
            await auditAppend(q, {
              actorUserId: smhlId,
              trustId,
              schoolId,
              action: 'pupil.chronology_viewed',
              subjectType: 'pupil',
              subjectId: pupilId,
              detail: { format: 'screen' },
            });
          }),
      },
    ],
    HEAVY,
    { statements },
  );
  c.note = `entries: ${Object.entries(byKind)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ')}; response ${Math.round(res.body.length / 1024)} KiB`;
  return c;
}

/** One statement the plans module sent, with its plan (EXPLAIN ANALYZE): which request, and whether it scans. */
interface PlanStatementPlan {
  request: string;
  table: string;
  sql: string;
  plan: PlanSummary;
  /** Sequential scans in the plan, with the rows each read. */
  seqScans: string[];
}

/** The module's tables, as Drizzle quotes them in a statement. */
const PLAN_TABLES =
  /"(plans|plan_versions|plan_agreements|plan_shares|plan_reads|plan_reviews|meetings|meeting_actions)"/g;

/** EXPLAIN (ANALYZE, BUFFERS) every select on the plan and meeting tables a request sends. */
async function explainPlanStatements(
  db: BenchDatabase,
  request: string,
  fn: () => Promise<unknown>,
): Promise<PlanStatementPlan[]> {
  const captured = await statementsOf(db, fn);
  const out: PlanStatementPlan[] = [];
  for (const c of captured) {
    const tables = [...new Set([...c.sql.matchAll(PLAN_TABLES)].map((m) => m[1]))];
    if (!/^\s*select/i.test(c.sql) || tables.length === 0) continue;
    const plan = await explainPlan(db.raw.query, c.sql, c.params);
    out.push({
      request,
      table: tables.join('+'),
      sql: c.sql,
      plan,
      seqScans: plan.nodes.filter((n) => /^Seq Scan/.test(n)),
    });
  }
  if (out.length === 0) throw new Error(`${request}: no statement on the plan tables captured`);
  return out;
}

interface PlansMeasured {
  comparisons: Comparison[];
  explains: PlanStatementPlan[];
  data: Record<string, number>;
}

/** Measurement 8: plans (the case view, a teacher's summary with the plans given, saving a version, reviews due). */
async function measurePlans(
  db: BenchDatabase,
  app: FastifyInstance,
  schoolId: string,
  trustId: string,
  smhl: BenchClient,
  smhlId: string,
): Promise<PlansMeasured> {
  const smhlCookie = smhl.cookieHeader();
  const [data] = await db.raw.query<Record<string, number>>(
    `select (select count(*)::int from plans) as plans,
            (select count(*)::int from plans where ended_at is null) as "plansInForce",
            (select count(*)::int from plans where school_id = $1 and ended_at is null) as "school0InForce",
            (select count(*)::int from plan_versions) as versions,
            (select count(*)::int from plan_agreements) as agreements,
            (select count(*)::int from plan_reviews) as reviews,
            (select count(*)::int from plan_shares) as shares,
            (select count(*)::int from plan_reads) as reads,
            (select count(*)::int from meetings) as meetings,
            (select count(*)::int from meeting_actions) as "nextSteps"`,
    [schoolId],
  );
  if (!data) throw new Error('no plan counts');

  // 8a. The case view of every plan in force in school 0, in turn.
  const caseIds = (
    await db.raw.query<{ id: string }>('select id from plans where school_id = $1 and ended_at is null order by id', [
      schoolId,
    ])
  ).map((r) => r.id);
  if (caseIds.length === 0) throw new Error('school 0 has no plans in force');
  const kinds = await db.raw.query<{ kind: string; n: number }>(
    `select kind, count(*)::int as n from plans where school_id = $1 and ended_at is null group by kind order by n desc`,
    [schoolId],
  );
  const totals = { versions: 0, agreements: 0, reviews: 0, readers: 0, bytes: 0 };
  for (const id of caseIds) {
    const res = await app.inject({
      method: 'GET',
      url: `/api/schools/${schoolId}/plans/${id}`,
      headers: { cookie: smhlCookie },
    });
    if (res.statusCode !== 200) throw new Error(`plan case view: ${res.statusCode} ${res.body.slice(0, 300)}`);
    const body = JSON.parse(res.body) as {
      view: string;
      versions: unknown[];
      agreements: unknown[];
      reviews: unknown[];
      readers: unknown[];
    };
    const raw = await rawPlanCaseSelects(db.raw.query, schoolId, id);
    if (
      body.view !== 'case' ||
      body.versions.length !== raw.versions ||
      body.agreements.length !== raw.agreements ||
      body.reviews.length !== raw.reviews ||
      body.readers.length !== raw.readers
    ) {
      throw new Error(`plan ${id}: the app's case view and the raw selects disagree`);
    }
    totals.versions += raw.versions;
    totals.agreements += raw.agreements;
    totals.reviews += raw.reviews;
    totals.readers += raw.readers;
    totals.bytes += res.body.length;
  }
  let a = 0;
  const nextCase = () => caseIds[a++ % caseIds.length] as string;
  const caseView = async () => {
    const res = await app.inject({
      method: 'GET',
      url: `/api/schools/${schoolId}/plans/${nextCase()}`,
      headers: { cookie: smhlCookie },
      remoteAddress: '127.0.0.1',
    });
    if (res.statusCode !== 200) throw new Error(`plan case view: ${res.statusCode} ${res.body.slice(0, 200)}`);
  };
  const caseStatements = (await statementsOf(db, caseView)).length;
  const per = (n: number) => (n / caseIds.length).toFixed(1);
  log('  8a plan, case view');
  const c8a = await comparison(
    '8a',
    `Plan, case view (SMHL; the ${caseIds.length} plans in force in turn: ${kinds.map((k) => `${k.n} ${k.kind}`).join(', ')})`,
    { label: 'GET /api/schools/:school/plans/:plan', fn: caseView },
    [
      {
        label: "raw SQL: the app's selects",
        fn: () => rawPlanCaseSelects(db.raw.query, schoolId, nextCase()),
      },
      {
        label: 'raw SQL: the selects + audit append, one tx',
        fn: () =>
          db.raw.transaction(async (q) => {
            const id = nextCase();
            const r = await rawPlanCaseSelects(q, schoolId, id);
            await rawPlanViewedAudit(q, smhlId, schoolId, id, r.version);
          }),
      },
    ],
    FAST,
    { statements: caseStatements },
  );
  c8a.note =
    `per plan: ${per(totals.versions)} versions, ${per(totals.agreements)} agreements, ${per(totals.reviews)} reviews, ` +
    `${per(totals.readers)} readers; answer ${(totals.bytes / caseIds.length / 1024).toFixed(1)} KiB`;

  // 8b. A teacher's summary of a pupil they teach who has a risk assessment given to their teachers.
  const [teacher] = await db.raw.query<{ user_id: string; email: string; pupils: string[] }>(
    `select tgs.user_id, u.email, array_agg(distinct p.pupil_id order by p.pupil_id) as pupils
     from plans p
     join teaching_group_pupils tgp on tgp.school_id = p.school_id and tgp.pupil_id = p.pupil_id
     join teaching_group_staff tgs on tgs.group_id = tgp.group_id
     join users u on u.id = tgs.user_id
     join role_assignments ra on ra.user_id = u.id and ra.school_id = p.school_id and ra.role = 'teacher'
     where p.school_id = $1 and p.ended_at is null and p.kind = 'risk' and p.share_with_teaching
     group by tgs.user_id, u.email order by count(distinct p.pupil_id) desc, u.email limit 1`,
    [schoolId],
  );
  if (!teacher || teacher.pupils.length === 0) throw new Error('no teacher was given a risk assessment');
  const teacherClient = new BenchClient(app);
  await teacherClient.signIn(teacher.email, BENCH_PASSWORD, null);
  const teacherCookie = sessionCookieOf(teacherClient);
  let sharedTotal = 0;
  let confirmedTotal = 0;
  for (const pupilId of teacher.pupils) {
    const res = await app.inject({
      method: 'GET',
      url: `/api/schools/${schoolId}/pupils/${pupilId}`,
      headers: { cookie: teacherCookie },
    });
    const body = JSON.parse(res.body) as { view: string; sharedPlans?: { kind: string; confirmedAt: string | null }[] };
    const raw = await rawStaffSummarySelects(db.raw.query, schoolId, pupilId, teacher.user_id);
    const shared = body.sharedPlans ?? [];
    if (
      res.statusCode !== 200 ||
      body.view !== 'summary' ||
      shared.length !== raw ||
      !shared.some((s) => s.kind === 'risk')
    ) {
      throw new Error(`teacher summary of ${pupilId}: ${res.statusCode}, ${shared.length} plans given (raw ${raw})`);
    }
    sharedTotal += shared.length;
    confirmedTotal += shared.filter((s) => s.confirmedAt !== null).length;
  }
  let b = 0;
  const nextTaught = () => teacher.pupils[b++ % teacher.pupils.length] as string;
  const summary = async () => {
    const res = await app.inject({
      method: 'GET',
      url: `/api/schools/${schoolId}/pupils/${nextTaught()}`,
      headers: { cookie: teacherCookie },
      remoteAddress: '127.0.0.1',
    });
    if (res.statusCode !== 200) throw new Error(`teacher summary: ${res.statusCode} ${res.body.slice(0, 200)}`);
  };
  const summaryStatements = (await statementsOf(db, summary)).length;
  log('  8b pupil summary as a teacher given a risk assessment');
  const c8b = await comparison(
    '8b',
    `Pupil summary as a teacher given their risk assessment (${teacher.pupils.length} pupils in turn)`,
    { label: 'GET /api/schools/:school/pupils/:pupil (teacher)', fn: summary },
    [
      {
        label: 'raw SQL: the 4 selects (with the plans given)',
        fn: () => rawStaffSummarySelects(db.raw.query, schoolId, nextTaught(), teacher.user_id),
      },
      {
        label: 'raw SQL: 4 selects + audit append, one tx',
        fn: () =>
          db.raw.transaction(async (q) => {
            const pupilId = nextTaught();
            await rawStaffSummarySelects(q, schoolId, pupilId, teacher.user_id);
            await rawPupilViewedAudit(q, teacher.user_id, schoolId, pupilId);
          }),
      },
    ],
    FAST,
    { statements: summaryStatements },
  );
  c8b.note = `${(sharedTotal / teacher.pupils.length).toFixed(1)} plans given per pupil, ${confirmedTotal} of ${sharedTotal} read-confirmed by the teacher`;

  // 8d (measured before 8c, whose saves move review dates). The reviews due list.
  const horizon = reviewsDueHorizon(new Date());
  const dueUrl = `/api/schools/${schoolId}/plans/reviews-due`;
  const dueRes = await app.inject({ method: 'GET', url: dueUrl, headers: { cookie: smhlCookie } });
  const due = JSON.parse(dueRes.body) as { reviews: unknown[]; overdue: number };
  const rawDue = await db.raw.query(REVIEWS_DUE_SQL, [schoolId, horizon]);
  if (dueRes.statusCode !== 200 || due.reviews.length !== rawDue.length || rawDue.length === 0) {
    throw new Error(`reviews due: ${dueRes.statusCode}, app ${due.reviews?.length} vs raw ${rawDue.length}`);
  }
  const dueCall = getter(app, dueUrl, smhlCookie);
  const dueStatements = (await statementsOf(db, dueCall)).length;
  log('  8d reviews due');
  const c8d = await comparison(
    '8d',
    `Plan reviews due (overdue or within two weeks; ${due.reviews.length} of ${caseIds.length} plans in force)`,
    { label: 'GET /api/schools/:school/plans/reviews-due', fn: dueCall },
    [{ label: 'raw SQL: the select', fn: () => db.raw.query(REVIEWS_DUE_SQL, [schoolId, horizon]) }],
    FAST,
    { statements: dueStatements },
  );
  c8d.note = `${due.overdue} overdue, ${due.reviews.length - due.overdue} due within two weeks`;

  // The plans of the module's statements (before 8c adds versions to the care plans).
  const [withMeetings] = await db.raw.query<{ pupil_id: string }>(
    `select p.pupil_id from plans p where p.school_id = $1 and p.ended_at is null
       and exists (select 1 from meetings m where m.pupil_id = p.pupil_id)
     order by (select count(*) from plans q where q.pupil_id = p.pupil_id) desc, p.pupil_id limit 1`,
    [schoolId],
  );
  if (!withMeetings) throw new Error('no pupil with plans and meetings');
  const [richPlan] = await db.raw.query<{ id: string }>(
    `select p.id from plans p where p.school_id = $1 and p.ended_at is null and p.share_with_teaching
       and exists (select 1 from plan_shares s where s.plan_id = p.id)
     order by p.version desc, p.id limit 1`,
    [schoolId],
  );
  const pupilUrl = `/api/schools/${schoolId}/pupils/${withMeetings.pupil_id}`;
  const explains = [
    ...(await explainPlanStatements(db, 'reviews due', dueCall)),
    ...(await explainPlanStatements(db, "pupil's plans", getter(app, `${pupilUrl}/plans`, smhlCookie))),
    ...(await explainPlanStatements(
      db,
      'plan, case view',
      getter(app, `/api/schools/${schoolId}/plans/${richPlan?.id ?? caseIds[0] ?? ''}`, smhlCookie),
    )),
    ...(await explainPlanStatements(
      db,
      'teacher summary',
      getter(app, `/api/schools/${schoolId}/pupils/${teacher.pupils[0] ?? ''}`, teacherCookie),
    )),
    ...(await explainPlanStatements(db, "pupil's meetings", getter(app, `${pupilUrl}/meetings`, smhlCookie))),
    ...(await explainPlanStatements(db, 'chronology', getter(app, `${pupilUrl}/chronology`, smhlCookie))),
  ];

  // 8c. Saving a new version, each save naming the version the last save of that plan returned.
  const slots = await db.raw.query<{
    id: string;
    version: number;
    review_due: string;
    agreements_needed: string[];
    content: unknown;
  }>(
    `select p.id, p.version, p.review_due::text as review_due, p.agreements_needed, v.content
     from plans p join plan_versions v on v.plan_id = p.id and v.version = p.version
     where p.school_id = $1 and p.ended_at is null and p.kind = 'care' order by p.id`,
    [schoolId],
  );
  if (slots.length < inFlight) throw new Error(`${slots.length} care plans in force, fewer than ${inFlight} in flight`);
  const now = new Date();
  const pool = new RevisionPool(
    slots.map((s) => ({
      id: s.id,
      version: s.version,
      content: s.content,
      reviewDue: reviewDueToSend(s.review_due, now),
      agreementsNeeded: s.agreements_needed,
    })),
  );
  const versionsBefore = slots.reduce((n, s) => n + s.version, 0);
  const headers = { cookie: smhlCookie, 'x-csrf-token': await smhl.csrfToken() };
  let saves = 0;
  const save = () =>
    pool.with(async (slot) => {
      const res = await app.inject({
        method: 'PUT',
        url: `/api/schools/${schoolId}/plans/${slot.id}`,
        headers,
        payload: {
          version: slot.version,
          content: slot.content,
          reviewDue: slot.reviewDue,
          agreementsNeeded: slot.agreementsNeeded,
          reason: REVISION_REASON,
        },
        remoteAddress: '127.0.0.1',
      });
      if (res.statusCode !== 200) throw new Error(`plan save: ${res.statusCode} ${res.body.slice(0, 300)}`);
      const body = JSON.parse(res.body) as { version: number };
      if (body.version !== slot.version + 1) throw new Error(`plan save returned version ${body.version}`);
      slot.version = body.version;
      saves++;
    });
  const saveStatements = (await statementsOf(db, save)).length;
  const ctx = { schoolId, trustId, userId: smhlId };
  let rawSaves = 0;
  log('  8c saving a new version of a plan');
  const c8c = await comparison(
    '8c',
    `Saving a new version of a care plan (SMHL; ${slots.length} plans, each save naming the version the last returned)`,
    { label: 'PUT /api/schools/:school/plans/:plan', fn: save },
    [
      {
        label: 'raw SQL: update (version check), version, audit, one tx',
        fn: () =>
          pool.with((slot) =>
            db.raw.transaction(async (q) => {
              await rawRevisionWrites(q, ctx, slot);
              rawSaves++;
            }),
          ),
      },
      {
        label: "raw SQL: all the app's statements in its order, one tx",
        fn: () =>
          pool.with((slot) =>
            db.raw.transaction(async (q) => {
              await rawRevisionAllStatements(q, ctx, slot);
              rawSaves++;
            }),
          ),
      },
    ],
    FAST,
    { statements: saveStatements },
  );
  const [after] = await db.raw.query<{ n: number }>(
    `select coalesce(sum(version), 0)::int as n from plans where id = any($1::uuid[])`,
    [slots.map((s) => s.id)],
  );
  const saved = saves + rawSaves;
  if ((after?.n ?? 0) - versionsBefore !== saved) {
    throw new Error(`${saved} saves but the plans' versions rose by ${(after?.n ?? 0) - versionsBefore}`);
  }
  await sealAll(db.app.db);
  const chain = await verifyAuditChain(db.app.db);
  if (!chain.ok) throw new Error(`audit chain broken after the plan saves: ${chain.problem}`);
  c8c.note =
    `${saves} saves by the app and ${rawSaves} raw, none refused as stale; the plans' versions rose by ${saved}; ` +
    `audit chain verified after the run (${chain.entries} entries)`;

  return { comparisons: [c8a, c8b, c8c, c8d], explains, data };
}

const INTERVENTION_PLANS_HEADING =
  '9. The selects of 9a and 9b on the intervention tables, each run alone (median), with its plan (EXPLAIN ANALYZE):';

/**
 * A BENCH_ONLY measurement's table and plans on the console, and its results file
 * (bench-results/<name>.json): the same shape for every measurement run alone.
 */
function writeOnlyResults(
  name: string,
  heading: string,
  measured: { comparisons: Comparison[]; explains: readonly string[]; data: unknown },
  version: string | null,
  environment?: Record<string, unknown>,
): void {
  const table = formatTable(measured.comparisons, inFlight);
  log('');
  log(table);
  log('');
  log(heading);
  for (const e of measured.explains) log(`  ${e}`);
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.json`);
  const comparisons = measured.comparisons.map((c) => ({ ...c, ratios: ratios(c) }));
  const out = {
    generatedAt: new Date().toISOString(),
    version,
    ...(environment ? { environment } : {}),
    data: measured.data,
    explains: measured.explains,
    comparisons,
    table,
  };
  fs.writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  log(`\nResults: ${path.relative(process.cwd(), file)}`);
}

/** BENCH_ONLY=interventions: measurement 9 alone, on the trust just generated. */
async function interventionsOnly(
  big: BenchDatabase,
  trust: GeneratedTrust,
  version: string | null,
  apps: FastifyInstance[],
): Promise<void> {
  const school0 = trust.schools[0];
  if (!school0) throw new Error('school 0 not generated');
  const app = await appOn(big);
  apps.push(app);
  const smhl = new BenchClient(app);
  await smhl.signIn(school0.smhlEmail, BENCH_PASSWORD, BENCH_TOTP_SECRET);
  const smhlCookie = sessionCookieOf(smhl);
  const warm = getter(app, `/api/schools/${school0.id}/pupils?limit=25`, smhlCookie);
  for (let i = 0; i < 200; i++) await warm();
  log('Measuring (each: warm-up, one at a time, then several in flight):');
  const measured = await measureInterventions(
    big,
    app,
    {
      schoolId: school0.id,
      schoolIndex: school0.index,
      trustId: trust.trustId,
      smhlId: await userId(big, school0.smhlEmail),
      smhlCookie,
    },
    FAST,
    log,
  );
  writeOnlyResults('interventions', INTERVENTION_PLANS_HEADING, measured, version);
}

const REFERRAL_PLANS_HEADING =
  "10. The selects of 10 (the referrals, the school's standard), each run alone (median), with its plan (EXPLAIN ANALYZE):";

/** Measurement 10's reader: the SMHL of the school with the most referrals (signed in anew unless already). */
async function referralContext(
  db: BenchDatabase,
  app: FastifyInstance,
  trust: GeneratedTrust,
  signedIn: { schoolId: string; smhlId: string; smhlCookie: string } | null,
): Promise<ReferralContext> {
  const school = await busiestReferralSchool(db.raw.query, trust.schools);
  const base = { schoolId: school.id, schoolIndex: school.index, trustId: trust.trustId };
  if (signedIn?.schoolId === school.id) return { ...base, smhlId: signedIn.smhlId, smhlCookie: signedIn.smhlCookie };
  const client = new BenchClient(app);
  await client.signIn(school.smhlEmail, BENCH_PASSWORD, BENCH_TOTP_SECRET);
  return { ...base, smhlId: await userId(db, school.smhlEmail), smhlCookie: sessionCookieOf(client) };
}

/** BENCH_ONLY=referrals: measurement 10 alone, on the trust just generated. */
async function referralsOnly(
  big: BenchDatabase,
  trust: GeneratedTrust,
  version: string | null,
  apps: FastifyInstance[],
): Promise<void> {
  const app = await appOn(big);
  apps.push(app);
  const ctx = await referralContext(big, app, trust, null);
  const warm = getter(app, `/api/schools/${ctx.schoolId}/pupils?limit=25`, ctx.smhlCookie);
  for (let i = 0; i < 200; i++) await warm();
  log('Measuring (each: warm-up, one at a time, then several in flight):');
  const measured = await measureReferrals(big, app, ctx, FAST, log);
  writeOnlyResults('referrals', REFERRAL_PLANS_HEADING, measured, version);
}

const FAMILY_PLANS_HEADING =
  "11. The app's selects for the richest parent's page, each run alone (median), with its plan (EXPLAIN ANALYZE):";

/** Measurement 11: parents given accounts in school 0 (family.ts), then their child's page measured. */
async function familyMeasured(
  big: BenchDatabase,
  app: FastifyInstance,
  trust: GeneratedTrust,
  smhlId: string,
  passwordHash: string,
) {
  const school0 = trust.schools[0];
  if (!school0) throw new Error('school 0 not generated');
  const t = performance.now();
  const families = await generateFamilies(big.raw.query, {
    schoolId: school0.id,
    schoolIndex: school0.index,
    trustId: trust.trustId,
    smhlId,
    passwordHash,
    now: new Date(),
  });
  log(
    `  (gave ${families.parents.length} pupils of school 0 a parent account in ${((performance.now() - t) / 1000).toFixed(1)} s: ` +
      `${Object.entries(families.rows)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')})`,
  );
  return measureFamily(
    big,
    app,
    { schoolId: school0.id, schoolIndex: school0.index, parents: families.parents, rows: families.rows },
    FAST,
    log,
  );
}

/** BENCH_ONLY=family: measurement 11 alone, on the trust just generated. */
async function familyOnly(
  big: BenchDatabase,
  trust: GeneratedTrust,
  version: string | null,
  apps: FastifyInstance[],
  passwordHash: string,
): Promise<void> {
  const school0 = trust.schools[0];
  if (!school0) throw new Error('school 0 not generated');
  const app = await appOn(big);
  apps.push(app);
  const smhl = new BenchClient(app);
  await smhl.signIn(school0.smhlEmail, BENCH_PASSWORD, BENCH_TOTP_SECRET);
  const smhlCookie = sessionCookieOf(smhl);
  const warm = getter(app, `/api/schools/${school0.id}/pupils?limit=25`, smhlCookie);
  for (let i = 0; i < 200; i++) await warm();
  log('Measuring (each: warm-up, one at a time, then several in flight):');
  const measured = await familyMeasured(big, app, trust, await userId(big, school0.smhlEmail), passwordHash);
  writeOnlyResults('family', FAMILY_PLANS_HEADING, measured, version, {
    cpus: os.cpus().length,
    loadAverageAtEnd: os.loadavg(),
  });
}

const REPORT_PLANS_HEADING =
  "12. The report sources' statements, each run alone (median of 11), slowest first, with its plan (EXPLAIN ANALYZE):";

/** BENCH_ONLY=reports: measurement 12 alone, on the trust just generated. */
async function reportsOnly(
  big: BenchDatabase,
  trust: GeneratedTrust,
  version: string | null,
  apps: FastifyInstance[],
): Promise<void> {
  const school0 = trust.schools[0];
  if (!school0) throw new Error('school 0 not generated');
  const app = await appOn(big);
  apps.push(app);
  const smhl = new BenchClient(app);
  await smhl.signIn(school0.smhlEmail, BENCH_PASSWORD, BENCH_TOTP_SECRET);
  const smhlCookie = sessionCookieOf(smhl);
  const warm = getter(app, `/api/schools/${school0.id}/pupils?limit=25`, smhlCookie);
  for (let i = 0; i < 200; i++) await warm();
  log('Measuring (each: warm-up, one at a time, then several in flight):');
  const measured = await measureReports(
    big,
    app,
    {
      trustId: trust.trustId,
      schoolId: school0.id,
      schoolIndex: school0.index,
      smhlEmail: school0.smhlEmail,
      smhlCookie,
    },
    FAST,
    log,
  );
  writeOnlyResults('reports', REPORT_PLANS_HEADING, measured, version, {
    database: usePostgres ? 'postgres' : 'pglite',
    scale,
    cpus: os.cpus().length,
    loadAverageAtEnd: os.loadavg(),
  });
}

const EARLY_PLANS_HEADING =
  "13. The early identification signal sources' statements, with their plans (EXPLAIN ANALYZE):";

/** The school with the most pupils on roll (school 0 at the first of equals). */
function busiestSchool(trust: GeneratedTrust) {
  const busiest = [...trust.schools].sort((a, b) => b.onRoll - a.onRoll || a.index - b.index)[0];
  if (!busiest) throw new Error('no school generated');
  return busiest;
}

/** BENCH_ONLY=early: measurement 13 alone, on the trust just generated. */
async function earlyOnly(
  big: BenchDatabase,
  trust: GeneratedTrust,
  version: string | null,
  apps: FastifyInstance[],
): Promise<void> {
  const school = busiestSchool(trust);
  const app = await appOn(big);
  apps.push(app);
  const smhl = new BenchClient(app);
  await smhl.signIn(school.smhlEmail, BENCH_PASSWORD, BENCH_TOTP_SECRET);
  const smhlCookie = sessionCookieOf(smhl);
  const warm = getter(app, `/api/schools/${school.id}/pupils?limit=25`, smhlCookie);
  for (let i = 0; i < 200; i++) await warm();
  log('Measuring (each: warm-up, one at a time, then several in flight):');
  const measured = await measureEarly(
    big,
    app,
    { schoolId: school.id, schoolIndex: school.index, smhlCookie, withConcerns: true },
    FAST,
    log,
  );
  writeOnlyResults('early', EARLY_PLANS_HEADING, measured, version, {
    database: usePostgres ? 'postgres' : 'pglite',
    scale,
    cpus: os.cpus().length,
    loadAverageAtEnd: os.loadavg(),
  });
}

const CALENDAR_PLANS_HEADING =
  "15. The app's selects for the feed (each distinct one once), run alone (median of 21), with its plan (EXPLAIN ANALYZE):";

/** BENCH_ONLY=calendar: measurement 15 alone, on the trust just generated. */
async function calendarOnly(
  big: BenchDatabase,
  trust: GeneratedTrust,
  version: string | null,
  apps: FastifyInstance[],
): Promise<void> {
  const school0 = trust.schools[0];
  if (!school0) throw new Error('school 0 not generated');
  const app = await appOn(big);
  apps.push(app);
  const warm = getter(app, '/api/bench/ok', '');
  for (let i = 0; i < 200; i++) await warm();
  log('Measuring (each: warm-up, one at a time, then several in flight):');
  const measured = await measureCalendar(big, app, calendarContext(school0), FAST, log);
  writeOnlyResults('calendar', CALENDAR_PLANS_HEADING, measured, version, {
    database: usePostgres ? 'postgres' : 'pglite',
    scale,
    cpus: os.cpus().length,
    loadAverageAtEnd: os.loadavg(),
  });
}

/** Measurement 15's reader: the SMHL of school 0 (the app's publicUrl is appOn's). */
function calendarContext(school: GeneratedSchool) {
  return {
    schoolId: school.id,
    schoolIndex: school.index,
    smhlEmail: school.smhlEmail,
    dslEmail: school.dslEmail,
    publicUrl: 'http://bench.test',
  };
}

/**
 * BENCH_ONLY=scale: measurement 14 alone (PostgreSQL): real app processes under 64 connections,
 * the audited case view beside the same view unaudited, with one and with two processes.
 */
async function scaleOnly(big: BenchDatabase, trust: GeneratedTrust, version: string | null, apps: FastifyInstance[]) {
  if (big.kind !== 'postgres') throw new Error('the scale measurement needs PostgreSQL: BENCH_DB=postgres');
  const school = busiestSchool(trust);
  const app = await appOn(big);
  apps.push(app);
  const smhl = new BenchClient(app);
  await smhl.signIn(school.smhlEmail, BENCH_PASSWORD, BENCH_TOTP_SECRET);
  const results = await measureScale({
    databaseUrl: withDatabase(serverUrl, 'tandem_bench'),
    schoolId: school.id,
    pupilIds: school.profilePupilIds,
    cookie: sessionCookieOf(smhl),
    connections: Math.max(1, Math.round(envNumber('BENCH_CONNECTIONS', 64))),
    seconds: Math.max(1, envNumber('BENCH_SECONDS', 10)),
    log,
  });
  await sealAll(big.app.db);
  const chain = await verifyAuditChain(big.app.db);
  log(`  audit trail after the run: ${chain.ok ? `intact, ${chain.entries} entries` : `NOT intact: ${chain.problem}`}`);
  if (!chain.ok) process.exitCode = 1;
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, 'scale.json');
  const out = {
    generatedAt: new Date().toISOString(),
    version,
    environment: { database: 'postgres', scale, cpus: os.cpus().length, loadAverageAtEnd: os.loadavg() },
    results,
    audit: chain,
  };
  fs.writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  log(`\nResults: ${path.relative(process.cwd(), file)}`);
}

async function main(): Promise<void> {
  const started = performance.now();
  // First, as it takes seconds and fails the bench on its own: a phone's first visit.
  const pageWeight =
    only === 'interventions' ||
    only === 'referrals' ||
    only === 'family' ||
    only === 'reports' ||
    only === 'early' ||
    only === 'scale' ||
    only === 'calendar'
      ? { overBudget: false, weights: null }
      : runPageWeight(log);
  if (pageWeight.overBudget) process.exitCode = 1;
  if (only === 'weight') return;
  log('');
  const loadAtStart = os.loadavg();
  const plan = planTrust(scale, leaverRatio);
  const onRoll = plan.schools.reduce((a, s) => a + s.onRoll, 0);
  const leavers = plan.schools.reduce((a, s) => a + s.leavers, 0);
  log(
    `Tandem bench: ${usePostgres ? 'PostgreSQL' : `PGlite (${pgliteDir ?? 'in memory'})`}, scale ${scale}: ` +
      `${plan.schools.length} schools, ${onRoll} pupils on roll, ${leavers} former pupils (ten years)`,
  );
  if (loadAtStart[0] !== undefined && loadAtStart[0] > os.cpus().length) {
    log(
      `  note: load average ${loadAtStart[0].toFixed(1)} on ${os.cpus().length} cores: other work is competing; figures will be noisy`,
    );
  }

  const opened: BenchDatabase[] = [];
  const apps: FastifyInstance[] = [];
  try {
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    const now = new Date();

    let t = performance.now();
    const big = await openDatabase('trust', 'tandem_bench');
    opened.push(big);
    const openSeconds = (performance.now() - t) / 1000;
    log(`Created and migrated the database in ${openSeconds.toFixed(1)} s; generating the trust...`);
    const trust = await generateTrust(big.raw, plan, { now, passwordHash, log });
    log(
      `Generated in ${trust.seconds.toFixed(1)} s: ${Object.entries(trust.rows)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
    const interventionSeconds = await generateTrustInterventions(big.raw, trust.schools, now, trust.rows);
    log(
      `Interventions in ${interventionSeconds.toFixed(1)} s: ${[
        'interventions',
        'intervention_places',
        'intervention_sessions',
        'intervention_attendance',
        'questionnaires',
      ]
        .map((k) => `${k} ${trust.rows[k] ?? 0}`)
        .join(', ')}`,
    );
    const referralSeconds = await generateTrustReferrals(big.raw, trust.schools, now, trust.rows);
    log(
      `Referrals in ${referralSeconds.toFixed(1)} s: ${['referrals', 'referral_steps']
        .map((k) => `${k} ${trust.rows[k] ?? 0}`)
        .join(', ')}`,
    );
    const [version] = await big.raw.query<{ v: string }>('select version() as v');
    if (only === 'interventions') {
      await interventionsOnly(big, trust, version?.v ?? null, apps);
      return;
    }
    if (only === 'referrals') {
      await referralsOnly(big, trust, version?.v ?? null, apps);
      return;
    }
    if (only === 'family') {
      await familyOnly(big, trust, version?.v ?? null, apps, passwordHash);
      return;
    }
    if (only === 'reports') {
      await reportsOnly(big, trust, version?.v ?? null, apps);
      return;
    }
    if (only === 'early') {
      await earlyOnly(big, trust, version?.v ?? null, apps);
      return;
    }
    if (only === 'scale') {
      await scaleOnly(big, trust, version?.v ?? null, apps);
      return;
    }
    if (only === 'calendar') {
      await calendarOnly(big, trust, version?.v ?? null, apps);
      return;
    }

    t = performance.now();
    const one = await openDatabase('one school', 'tandem_bench_one');
    opened.push(one);
    const oneTrust = await generateTrust(one.raw, plan, { now, passwordHash, onlySchools: [0] });
    await generateTrustInterventions(one.raw, oneTrust.schools, now, oneTrust.rows);
    await generateTrustReferrals(one.raw, oneTrust.schools, now, oneTrust.rows);
    log(
      `One-school database (school 0 alone, row for row the same) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );

    const school = trust.schools[0];
    const oneSchool = oneTrust.schools[0];
    if (!school || !oneSchool) throw new Error('school 0 not generated');

    const app = await appOn(big);
    apps.push(app);
    const appOne = await appOn(one);
    apps.push(appOne);
    const bare = await bareFastify();
    apps.push(bare);

    // Sessions: the SMHL (password and two-factor, once) and a Year 9 tutor, on each database.
    const smhl = new BenchClient(app);
    await smhl.signIn(school.smhlEmail, BENCH_PASSWORD, BENCH_TOTP_SECRET);
    const smhlCookie = sessionCookieOf(smhl);
    const smhlId = await userId(big, school.smhlEmail);
    const tutor = new BenchClient(app);
    await tutor.signIn(school.tutorEmail, BENCH_PASSWORD, null);
    const tutorCookie = sessionCookieOf(tutor);
    const tutorId = await userId(big, school.tutorEmail);
    const smhlOne = new BenchClient(appOne);
    await smhlOne.signIn(oneSchool.smhlEmail, BENCH_PASSWORD, BENCH_TOTP_SECRET);
    const smhlOneCookie = sessionCookieOf(smhlOne);

    // Warm the code paths (V8 optimises what runs often) so the first comparison is not the coldest.
    const warmList = getter(app, `/api/schools/${school.id}/pupils?limit=25`, smhlCookie);
    for (let i = 0; i < 200; i++) await warmList();

    const comparisons: Comparison[] = [];
    const plans: { trust?: ListPlans; alone?: ListPlans } = {};
    log('Measuring (each: warm-up, one at a time, then several in flight):');

    // 1. Sign-in against a bare argon2id verify of the same hash.
    {
      const csrfClient = new BenchClient(app);
      const token = await csrfClient.csrfToken();
      const headers = { 'x-csrf-token': token, cookie: csrfClient.cookieHeader() };
      const payload = { email: school.tutorEmail, password: BENCH_PASSWORD };
      const signIn = async () => {
        const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', headers, payload });
        if (res.statusCode !== 200) throw new Error(`sign-in: ${res.statusCode} ${res.body}`);
      };
      const [stored] = await big.raw.query<{ password_hash: string }>(
        'select password_hash from users where email = $1',
        [school.tutorEmail],
      );
      if (!stored) throw new Error('tutor missing');
      const bareVerify = async () => {
        if (!(await verify(stored.password_hash, BENCH_PASSWORD))) throw new Error('argon2 verify failed');
      };
      const statements = (await statementsOf(big, signIn)).length;
      log('  1 sign-in');
      comparisons.push(
        await comparison(
          '1',
          `Sign-in (tutor, no two-factor; argon2id m=${ARGON2_PARAMS.memoryCost} KiB, t=${ARGON2_PARAMS.timeCost}, p=${ARGON2_PARAMS.parallelism})`,
          { label: 'POST /api/auth/sign-in', fn: signIn },
          [{ label: 'bare argon2id verify of the same hash', fn: bareVerify }],
          SLOW,
          { statements },
        ),
      );
    }

    // 2. The pupil list.
    comparisons.push(...(await measureList(big, app, school, smhlCookie)));
    {
      const url = `/api/schools/${school.id}/pupils?limit=25`;
      const sql = listSql('', true);
      const appCall = getter(app, url, tutorCookie);
      const statements = (await statementsOf(big, appCall)).length;
      log('  2e pupil list as a tutor');
      comparisons.push(
        await comparison(
          '2e',
          'Pupil list, first page as a Year 9 tutor (teacher path)',
          { label: 'GET /api/schools/:school/pupils?limit=25', fn: appCall },
          [
            {
              label: 'raw SQL: page (with "teaches") + count',
              fn: async () => {
                await big.raw.query(sql.page, [school.id, tutorId]);
                await big.raw.query(sql.count, [school.id]);
              },
            },
          ],
          FAST,
          { statements },
        ),
      );
    }

    // 3. The pupil profile, case view (with its audit write).
    {
      const ids = school.profilePupilIds;
      if (ids.length === 0) throw new Error('no pupils with a level for the profile');
      let n = 0;
      const nextPupil = () => ids[n++ % ids.length] as string;
      const appCall = async () => {
        const url = `/api/schools/${school.id}/pupils/${nextPupil()}`;
        const res = await app.inject({ method: 'GET', url, headers: { cookie: smhlCookie } });
        if (res.statusCode !== 200) throw new Error(`profile: ${res.statusCode} ${res.body.slice(0, 200)}`);
      };
      const probe = await app.inject({
        method: 'GET',
        url: `/api/schools/${school.id}/pupils/${ids[0] ?? ''}`,
        headers: { cookie: smhlCookie },
      });
      const body = JSON.parse(probe.body) as { view: string; history?: unknown[] };
      if (body.view !== 'case' || !body.history?.length) throw new Error('profile is not the case view with history');
      const statements = (await statementsOf(big, appCall)).length;
      const [history] = await big.raw.query<{ avg: number }>(
        `select avg(n)::float as avg from (select count(*) n from level_changes where pupil_id = any($1::uuid[]) group by pupil_id) x`,
        [ids],
      );
      log('  3 pupil profile');
      const rawSelects = async () => {
        const pupilId = nextPupil();
        await profileFirstSelects(big.raw.query, school.id, pupilId, smhlId);
        await profileLastSelects(big.raw.query, school.id, pupilId);
      };
      // The app appends to the audit trail after the first three selects (an insert, unsealed: it
      // waits for nobody, ADR 0012); the two raw sides append in the app's order and last.
      const rawAuditInAppOrder = async () =>
        big.raw.transaction(async (q) => {
          const pupilId = nextPupil();
          await profileFirstSelects(q, school.id, pupilId, smhlId);
          await profileAudit(q, smhlId, trust.trustId, school.id, pupilId);
          await profileLastSelects(q, school.id, pupilId);
        });
      const rawAuditLast = async () =>
        big.raw.transaction(async (q) => {
          const pupilId = nextPupil();
          await profileFirstSelects(q, school.id, pupilId, smhlId);
          await profileLastSelects(q, school.id, pupilId);
          await profileAudit(q, smhlId, trust.trustId, school.id, pupilId);
        });
      comparisons.push(
        await comparison(
          '3',
          `Pupil profile, case view (SMHL; ${ids.length} pupils in turn, ${(history?.avg ?? 0).toFixed(1)} level changes each)`,
          { label: 'GET /api/schools/:school/pupils/:pupil', fn: appCall },
          [
            { label: 'raw SQL: the 8 selects', fn: rawSelects },
            { label: 'raw SQL: 8 selects + audit append (app order), one tx', fn: rawAuditInAppOrder },
            { label: 'raw SQL: 8 selects, audit append last, one tx', fn: rawAuditLast },
          ],
          FAST,
          { statements },
        ),
      );
    }

    // 4. The floor: a route that does nothing, bare and through the whole app.
    {
      log('  4 framework floor');
      comparisons.push(
        await comparison(
          '4a',
          'A route returning {ok:true}, no session',
          { label: 'Tandem app (helmet, cookies, CSRF, auth hooks)', fn: getter(app, '/api/bench/ok', '') },
          [{ label: 'bare Fastify, no plugins', fn: getter(bare, '/ok', '') }],
          FAST,
        ),
      );
      const sessionId = tokenHash(/tandem_session=([^;]+)/.exec(smhlCookie)?.[1] ?? '');
      const okSignedIn = getter(app, '/api/bench/ok', smhlCookie);
      const statements = (await statementsOf(big, okSignedIn)).length;
      comparisons.push(
        await comparison(
          '4b',
          'A route returning {ok:true}, signed in (session lookup)',
          { label: 'Tandem app with the SMHL session cookie', fn: okSignedIn },
          [
            {
              label: 'raw SQL: session + user, role assignments',
              fn: async () => {
                const [row] = await big.raw.query(
                  'select s.*, u.* from sessions s join users u on u.id = s.user_id where s.id = $1',
                  [sessionId],
                );
                if (!row) throw new Error('session missing');
                await big.raw.query(
                  'select role, trust_id, school_id from role_assignments where user_id = $1 and revoked_at is null',
                  [smhlId],
                );
              },
            },
          ],
          FAST,
          { statements },
        ),
      );
    }

    // 5. Cost does not grow with other schools: the same school alone in its own database, measured
    // interleaved with the trust, and the plans of the exact statements in both.
    {
      log('  5 the same school alone in a database');
      const url = `/api/schools/${school.id}/pupils?limit=25`;
      const sql = listSql('', false);
      const rawList = (db: BenchDatabase) => async () => {
        const page = await db.raw.query(sql.page, [school.id]);
        await db.raw.query(sql.count, [school.id]);
        expectRows(page, 26, 'raw list');
      };
      const [appTrust, appAlone, rawTrust, rawAlone] = await compare(
        [
          { label: `in the trust (${plan.schools.length} schools)`, fn: getter(app, url, smhlCookie) },
          { label: 'the same school alone in its database', fn: getter(appOne, url, smhlOneCookie) },
          { label: `in the trust (${plan.schools.length} schools)`, fn: rawList(big) },
          { label: 'the same school alone in its database', fn: rawList(one) },
        ],
        FAST,
      );
      if (!appTrust || !appAlone || !rawTrust || !rawAlone) throw new Error('isolation not measured');
      comparisons.push(
        {
          id: '5a',
          title: 'Pupil list first page through the app: the trust against the same school alone',
          app: appTrust,
          baselines: [appAlone],
          sideNames: ['app', 'app'],
        },
        {
          id: '5b',
          title: 'Pupil list first page in raw SQL: the trust against the same school alone',
          app: rawTrust,
          baselines: [rawAlone],
          sideNames: ['raw', 'raw'],
        },
      );
      plans.trust = await listPlans(big, app, school, smhlCookie);
      plans.alone = await listPlans(one, appOne, oneSchool, smhlOneCookie);
    }
    // 6 and 7. The long chronology is written first, so its concerns take the first references, as
    // if logged before the bench's.
    const chronologyPupilId = await chronologyPupil(big, school.id);
    {
      const loggers = await big.raw.query<{ id: string }>(
        `select u.id from users u join role_assignments ra on ra.user_id = u.id
         where ra.school_id = $1 and ra.role = 'teacher' order by u.email limit 12`,
        [school.id],
      );
      t = performance.now();
      await generateChronology(big.raw, {
        schoolId: school.id,
        pupilId: chronologyPupilId,
        smhlId,
        loggerIds: loggers.map((l) => l.id),
        now,
      });
      log(
        `  (gave one pupil ${CHRONOLOGY_ENTRIES} chronology entries in ${((performance.now() - t) / 1000).toFixed(1)} s)`,
      );
    }
    comparisons.push(
      await measureConcernLogging(big, app, tutor, {
        schoolId: school.id,
        trustId: trust.trustId,
        loggerId: tutorId,
        smhlId,
        dslId: await userId(big, school.dslEmail),
      }),
    );
    comparisons.push(
      await measureChronology(big, app, school.id, trust.trustId, chronologyPupilId, smhlId, smhlCookie),
    );

    // 8. Plans (after 7: the long chronology's pupil has none).
    const planModule = await measurePlans(big, app, school.id, trust.trustId, smhl, smhlId);
    comparisons.push(...planModule.comparisons);

    // 9. Interventions: the busiest one's waiting list, and the lead's outcomes table.
    const interventionModule = await measureInterventions(
      big,
      app,
      { schoolId: school.id, schoolIndex: school.index, trustId: trust.trustId, smhlId, smhlCookie },
      FAST,
      log,
    );
    comparisons.push(...interventionModule.comparisons);

    // 10. Referrals: the lead's waits, as the SMHL of the school with the most referrals.
    const referralModule = await measureReferrals(
      big,
      app,
      await referralContext(big, app, trust, { schoolId: school.id, smhlId, smhlCookie }),
      FAST,
      log,
    );
    comparisons.push(...referralModule.comparisons);

    // 11. The family portal: a parent opens their child's page (parents added to school 0 first).
    const familyModule = await familyMeasured(big, app, trust, smhlId, passwordHash);
    comparisons.push(...familyModule.comparisons);

    // 12. Reports: the school's dashboard as the SMHL, the trust's as a trust lead (concerns added first).
    const reportModule = await measureReports(
      big,
      app,
      {
        trustId: trust.trustId,
        schoolId: school.id,
        schoolIndex: school.index,
        smhlEmail: school.smhlEmail,
        smhlCookie,
      },
      FAST,
      log,
    );
    comparisons.push(...reportModule.comparisons);

    // 13. Early identification: the pupils to review, as the SMHL of the busiest school (attendance added first).
    const busiest = busiestSchool(trust);
    const earlyClient = new BenchClient(app);
    await earlyClient.signIn(busiest.smhlEmail, BENCH_PASSWORD, BENCH_TOTP_SECRET);
    const earlyModule = await measureEarly(
      big,
      app,
      {
        schoolId: busiest.id,
        schoolIndex: busiest.index,
        smhlCookie: sessionCookieOf(earlyClient),
        withConcerns: false,
      },
      FAST,
      log,
    );
    comparisons.push(...earlyModule.comparisons);

    // 15. The calendar feed: the SMHL of school 0, given calendar items and a feed first.
    const calendarModule = await measureCalendar(big, app, calendarContext(school), FAST, log);
    comparisons.push(...calendarModule.comparisons);

    const trustPlans = plans.trust;
    const alonePlans = plans.alone;
    if (!trustPlans || !alonePlans) throw new Error('plans missing');

    const table = formatTable(comparisons, inFlight);
    log('');
    log(table);
    log('');
    log('5. Plans of the exact list statements the app sent (EXPLAIN ANALYZE, BUFFERS), trust vs school alone:');
    for (const [name, p, q] of [
      ['page ', trustPlans.page, alonePlans.page],
      ['count', trustPlans.count, alonePlans.count],
    ] as const) {
      log(
        `  ${name}: ${p.nodes.join(' > ')} | buffers ${p.buffers} vs ${q.buffers} alone | ` +
          `rows read ${p.rowsRead} vs ${q.rowsRead} | ${p.executionMs.toFixed(2)} ms vs ${q.executionMs.toFixed(2)} ms`,
      );
    }

    log('');
    log(
      `8. The plans module's statements on the plan and meeting tables (EXPLAIN ANALYZE, BUFFERS), ` +
        `in a trust with ${planModule.data.plans} plans (${planModule.data.plansInForce} in force), ` +
        `${planModule.data.versions} versions, ${planModule.data.meetings} meetings:`,
    );
    for (const e of planModule.explains) {
      log(
        `  ${e.request} / ${e.table}: ${e.plan.nodes.join(' > ')} | rows read ${e.plan.rowsRead} | ` +
          `buffers ${e.plan.buffers} | ${e.plan.executionMs.toFixed(2)} ms`,
      );
    }
    const scans = planModule.explains.filter((e) => e.seqScans.length > 0);
    log(
      scans.length === 0
        ? '  No sequential scan in any of them.'
        : `  Sequential scans: ${scans.map((e) => `${e.request} / ${e.table}: ${e.seqScans.join(', ')}`).join('; ')}`,
    );

    log('');
    log(INTERVENTION_PLANS_HEADING);
    for (const e of interventionModule.explains) log(`  ${e}`);
    log('');
    log(REFERRAL_PLANS_HEADING);
    for (const e of referralModule.explains) log(`  ${e}`);
    log('');
    log(FAMILY_PLANS_HEADING);
    for (const e of familyModule.explains) log(`  ${e}`);
    log('');
    log(REPORT_PLANS_HEADING);
    for (const e of reportModule.explains) log(`  ${e}`);
    log('');
    log(EARLY_PLANS_HEADING);
    for (const e of earlyModule.explains) log(`  ${e}`);
    log('');
    log(CALENDAR_PLANS_HEADING);
    for (const e of calendarModule.explains) log(`  ${e}`);

    const seconds = (performance.now() - started) / 1000;
    const result = {
      generatedAt: new Date().toISOString(),
      seconds,
      environment: {
        node: process.version,
        cpus: os.cpus().length,
        memoryGiB: Math.round(os.totalmem() / 2 ** 30),
        loadAverageAtStart: loadAtStart,
        loadAverageAtEnd: os.loadavg(),
        database: usePostgres ? 'postgres' : 'pglite',
        databaseVersion: version?.v ?? null,
        pgliteDataDir: usePostgres ? null : (pgliteDir ?? 'memory'),
        poolSize: usePostgres ? POOL_SIZE : null,
      },
      settings: { scale, leaverRatio, iterations, inFlight, fast: FAST, slow: SLOW, heavy: HEAVY },
      argon2: {
        algorithm: 'argon2id',
        memoryKiB: ARGON2_PARAMS.memoryCost,
        timeCost: ARGON2_PARAMS.timeCost,
        parallelism: ARGON2_PARAMS.parallelism,
      },
      data: {
        schools: plan.schools,
        rows: trust.rows,
        generateSeconds: trust.seconds,
        openAndMigrateSeconds: openSeconds,
        measuredSchool: { ...school, profilePupilIds: school.profilePupilIds.length },
      },
      pageWeight: pageWeight.weights,
      comparisons: comparisons.map((c) => ({ ...c, ratios: ratios(c) })),
      plans,
      planModule: { data: planModule.data, explains: planModule.explains },
      interventions: { data: interventionModule.data, explains: interventionModule.explains },
      referrals: { data: referralModule.data, explains: referralModule.explains },
      family: { data: familyModule.data, explains: familyModule.explains },
      reports: { data: reportModule.data, explains: reportModule.explains },
      early: { data: earlyModule.data, explains: earlyModule.explains },
      calendar: { data: calendarModule.data, explains: calendarModule.explains },
      table,
    };
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, 'latest.json');
    fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    log(`\nDone in ${seconds.toFixed(0)} s. Results: ${path.relative(process.cwd(), file)}`);
  } finally {
    for (const a of apps) await a.close();
    for (const d of opened.reverse())
      await d.close().catch((err: unknown) => log(`could not close ${d.label}: ${String(err)}`));
  }
}

main().catch((err: unknown) => {
  console.error('bench failed:', err instanceof Error ? (err.stack ?? err.message) : err);
  process.exitCode = 1;
});
