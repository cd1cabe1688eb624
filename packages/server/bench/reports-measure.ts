/**
 * Measurement 12: reports and dashboards (issue 17). The school's dashboard
 * (GET /api/schools/:id/reports, this term, as school 0's SMHL) and the trust's
 * (GET /api/trusts/:id/reports, as a trust lead), each against the raw aggregate SQL that gives
 * the same numbers: the exact statements every registered report source sends for that request
 * (captured by running the sources once through a recording `db.execute`, reports-sql.ts), replayed
 * through the driver side by side as the app sends them and one after another; and the sources
 * called in-process (`collectFigures`, no HTTP, session or audit). Checked before timing: each
 * replayed statement returns the rows it gave the source, and the app's figures are those built
 * from the captured run.
 *
 * The generated trust has no concerns besides measurement 6's and the long chronology's, so first
 * ten years of them are written (set-based, about 1.6 a pupil, a pupil at a higher level more),
 * as a school's record would hold them.
 */
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import {
  londonToday,
  reportQuery,
  resolveReportScope,
  trustFigure,
  type Figure,
  type SchoolReportResponse,
  type TrustReportResponse,
} from '@tandem/core';
import type { AppDeps } from '../src/platform/deps';
import { registries } from '../src/features';
import { schoolsOfTrust } from '../src/platform/directory';
import { collectFigures, reportRequest } from '../src/reports/reports.figures';
import { BenchClient } from './client';
import type { BenchDatabase, Query, RawDb } from './databases';
import { explainPlan } from './explain';
import { BENCH_PASSWORD, BENCH_TOTP_SECRET, idFor } from './generate';
import { compare, type RunSpec } from './measure';
import type { Comparison } from './report';
import {
  captureReport,
  checkReplay,
  replayAllAtOnce,
  replayOneByOne,
  replaySideBySide,
  statementLabel,
  wavesOf,
  type CapturedReport,
  type ReportStatement,
} from './reports-sql';

export interface ReportContext {
  trustId: string;
  schoolId: string;
  schoolIndex: number;
  smhlEmail: string;
  smhlCookie: string;
}

export const TRUST_LEAD_EMAIL = 'trust.lead@bench-trust.test';

/** A trust lead (with two-factor, as the bench's case roles) for the generated trust, unless there is one. */
export async function addTrustLead(q: Query, trustId: string, smhlEmail: string): Promise<string> {
  const [existing] = await q<{ email: string }>(
    `select u.email from role_assignments ra join users u on u.id = ra.user_id
     where ra.trust_id = $1 and ra.school_id is null and ra.role = 'trust_lead' and ra.revoked_at is null
       and u.totp_enabled_at is not null and u.email = $2`,
    [trustId, TRUST_LEAD_EMAIL],
  );
  if (existing) return existing.email;
  await q(
    `insert into users (id, email, display_name, password_hash, totp_secret, totp_enabled_at)
     select $4::uuid, $1, 'Bench Trust Lead', password_hash, $3, now()
     from users where email = $2`,
    [TRUST_LEAD_EMAIL, smhlEmail, BENCH_TOTP_SECRET, idFor('trust-lead')],
  );
  await q(
    `insert into role_assignments (id, user_id, trust_id, school_id, role)
     values ($2::uuid, $3::uuid, $1, null, 'trust_lead')`,
    [trustId, idFor('trust-lead/role'), idFor('trust-lead')],
  );
  return TRUST_LEAD_EMAIL;
}

/**
 * Ten years of concerns for every pupil of the schools (on roll and former), one statement per
 * school for the concerns and one for their pupils. A pupil has concerns over their time at the
 * school (within the last ten years): none to two when they have no level, two to four at MH1–MH2,
 * four to seven at MH3 and above (their level now, or when they left). One in ten is in the
 * restricted record (DSL route, urgent), one in twenty-five urgent and not restricted (DSL route);
 * the rest go to the Mental Health Lead. Those older than three days are acknowledged (urgent ones
 * within 10 minutes to 3 hours, others within an hour to four days), half of them then closed; of
 * the last three days', two in five still open. Each notes one to three warning signs.
 */
export async function generateReportConcerns(
  raw: RawDb,
  schoolIds: readonly string[],
  now: Date,
): Promise<{ concerns: number; seconds: number }> {
  const t0 = performance.now();
  const signs = `'{personality_change,anxiety_anger_moodiness,withdrawal,self_care_risky,hopelessness,sleep_routine,life_event,physical_harm,eating_sleeping,isolation_friends_family,activity_mood,achievement,talk_self_harm_suicide,drugs_alcohol,failure_hopelessness,clothing,secretive,skipping_pe,lateness_absence,physical_pain}'::text[]`;
  let concerns = 0;
  const h = (x: string) => `(hashtext(${x}) & 2147483647)`;
  for (const schoolId of schoolIds) {
    const [row] = await raw.query<{ n: number }>(
      `with staff as (
         select array_agg(ra.user_id order by ra.role, ra.user_id) as ids
         from role_assignments ra where ra.school_id = $1 and ra.role in ('smhl', 'dsl', 'headteacher', 'teacher')
       ),
       p as (
         select p.id as pupil_id,
           greatest(p.created_at, $2::timestamptz - interval '10 years') as since,
           least(coalesce(p.left_on::timestamptz, $2::timestamptz), $2::timestamptz - interval '1 hour') as until,
           case when p.current_level in ('MH3', 'MH4', 'MH5') then 4 + ${h('p.id::text')} % 4
                when p.current_level in ('MH1', 'MH2') then 2 + ${h('p.id::text')} % 3
                else (${h('p.id::text')} % 10 < 5)::int * (1 + ${h('p.id::text')} % 2) end as n
         from pupils p where p.school_id = $1
       ),
       c as (
         select p.pupil_id,
           overlay(overlay(md5('tandem-bench/reports/concern/' || p.pupil_id || '/' || k) placing '4' from 13)
             placing '8' from 17)::uuid as id,
           ${h("p.pupil_id || '/' || k")} as g,
           p.since + (p.until - p.since) * ((${h("p.pupil_id || '/at/' || k")} % 100000) / 100000.0) as logged_at
         from p cross join generate_series(1, p.n) k
         where p.until > p.since
       ),
       b as (
         select c.*, (s.ids)[c.g % cardinality(s.ids) + 1] as logged_by,
           c.g % 100 < 10 as restricted, c.g % 100 >= 10 and c.g % 100 < 14 as urgent_open
         from c cross join staff s
       ),
       x as (
         select b.*,
           case when b.logged_at > $2::timestamptz - interval '3 days' and b.g % 5 < 2 then null
                when b.restricted or b.urgent_open
                  then least(b.logged_at + interval '10 minutes' + interval '1 minute' * (b.g % 170), $2::timestamptz)
                else least(b.logged_at + interval '1 hour' + interval '1 minute' * ((b.g / 7) % 5700), $2::timestamptz)
           end as acked
         from b
       ),
       ins as (
         insert into concerns (id, school_id, reference, logged_by, logged_at, submission_key, occurred_at, location,
           account, warning_signs, others_present, risk_of_immediate_harm, possible_child_protection,
           medical_emergency, category, route, urgent, restricted, status, acknowledged_by, acknowledged_at, outcome,
           closed_by, closed_at, parents_status, updated_at)
         select x.id, $1, 'B-' || x.id::text, x.logged_by, x.logged_at, md5('tandem-bench/reports/key/' || x.id),
           x.logged_at - interval '1 hour', 'Classroom', 'A concern noted by the bench.',
           (select jsonb_agg(distinct (${signs})[((x.g >> (5 * j)) & 31) % 20 + 1])
              from generate_series(0, x.g % 3) j),
           '', x.restricted, x.restricted, false,
           case when x.restricted or x.urgent_open then 'safeguarding' else 'mental_health' end,
           case when x.restricted or x.urgent_open then 'dsl' else 'mental_health_lead' end,
           x.restricted or x.urgent_open, x.restricted,
           case when x.acked is null then 'open' when x.g % 2 = 0 then 'closed' else 'acknowledged' end,
           case when x.acked is not null then x.logged_by end, x.acked,
           case when x.acked is not null and x.g % 2 = 0 then 'monitor' end,
           case when x.acked is not null and x.g % 2 = 0 then x.logged_by end,
           case when x.acked is not null and x.g % 2 = 0 then least(x.acked + interval '14 days', $2::timestamptz) end,
           case when x.restricted then 'not_to_be_told' else 'to_be_told' end, x.logged_at
         from x
         returning 1
       ),
       ins_pupils as (
         insert into concern_pupils (school_id, concern_id, pupil_id) select $1, x.id, x.pupil_id from x
       )
       select count(*)::int as n from ins`,
      [schoolId, now.toISOString()],
    );
    concerns += row?.n ?? 0;
  }
  await raw.query('analyze concerns, concern_pupils');
  return { concerns, seconds: (performance.now() - t0) / 1000 };
}

async function get(app: FastifyInstance, url: string, cookie: string): Promise<string> {
  const res = await app.inject({ method: 'GET', url, headers: { cookie }, remoteAddress: '127.0.0.1' });
  if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return res.body;
}

/** A figure's numbers (the part a dashboard is compared on). */
const numbers = (f: Figure) => JSON.stringify([f.key, f.rows, f.total]);

/** The trust's figures from the schools' and the combined ones, as the trust use case builds them. */
function trustFiguresOf(captured: CapturedReport, schools: { id: string; name: string }[]) {
  const combined = (captured.figures.get('all') ?? []).filter(
    (f) => f.trustColumns !== null && f.trustColumns.length > 0 && f.freeTextRows !== true,
  );
  return combined.map((all) =>
    trustFigure(
      schools.map((s) => ({
        schoolId: s.id,
        schoolName: s.name,
        figure: (captured.figures.get(s.id) ?? []).find((f) => f.key === all.key) ?? { ...all, rows: [], total: null },
      })),
      all,
    ),
  );
}

/** Each statement alone (median of 11), its rows, plan and the rows its scans read; the slowest first. */
async function explainStatements(q: Query, id: string, statements: readonly ReportStatement[]): Promise<string[]> {
  const lines: { ms: number; line: string }[] = [];
  for (const s of statements) {
    const plan = await explainPlan(q, s.sql, s.params);
    const times: number[] = [];
    for (let k = 0; k < 11; k++) {
      const t0 = performance.now();
      await q(s.sql, s.params);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const ms = times[5] ?? 0;
    const seq = plan.nodes.filter((n) => /^Seq Scan/.test(n));
    lines.push({
      ms,
      line:
        `${id} ${statementLabel(s)}: ${ms.toFixed(2)} ms alone (${plan.executionMs.toFixed(2)} ms in the database), ` +
        `${s.rows.length} rows | rows read ${plan.rowsRead}${seq.length ? ` | ${seq.join(', ')}` : ''} | ` +
        plan.nodes.slice(0, 8).join(' > '),
    });
  }
  const total = lines.reduce((a, x) => a + x.ms, 0);
  return [
    `${id}: ${statements.length} statements, ${total.toFixed(1)} ms run alone one after another:`,
    ...lines.sort((a, b) => b.ms - a.ms).map((x) => `  ${x.line}`),
  ];
}

/** Fewer calls than FAST: a trust dashboard takes tens to hundreds of ms. */
function specFor(spec: RunSpec, share: number): RunSpec {
  return {
    warmup: Math.max(3, Math.round(spec.warmup * share)),
    iterations: Math.max(10, Math.round(spec.iterations * share)),
    inFlight: spec.inFlight,
    concurrentCalls: Math.max(spec.inFlight * 2, Math.round(spec.concurrentCalls * share)),
  };
}

/**
 * The app's pool runs its statements with JIT off (src/db/client.ts `openPostgres`); the bench's
 * two pools (databases.ts) are made without that option. So that both sides run as the app does
 * in service, JIT is turned off for the bench database and the pools' idle connections left to
 * close (node-postgres closes a client idle for 10 s), so that every new one has it off.
 */
async function jitOffAsInService(db: BenchDatabase, log: (line: string) => void): Promise<void> {
  if (db.kind !== 'postgres') return;
  const jitOf = async () => {
    const [raw] = await db.raw.query<{ jit: string }>('show jit');
    const app: unknown = await db.app.db.execute(sql`show jit`);
    return [raw?.jit, (app as { rows: { jit: string }[] }).rows[0]?.jit];
  };
  if ((await jitOf()).every((x) => x === 'off')) return;
  await db.raw.query(`do $$ begin execute format('alter database %I set jit = off', current_database()); end $$`);
  await new Promise((resolve) => setTimeout(resolve, 11_000));
  const now = await jitOf();
  if (!now.every((x) => x === 'off')) throw new Error(`jit still ${now.join('/')} after alter database`);
  log('  (JIT off on both pools, as src/db/client.ts opens the app in service)');
}

/** Measurement 12a (school) and 12b (trust). */
export async function measureReports(
  db: BenchDatabase,
  app: FastifyInstance,
  ctx: ReportContext,
  spec: RunSpec,
  log: (line: string) => void,
): Promise<{ comparisons: Comparison[]; data: Record<string, number>; explains: string[] }> {
  const q = db.raw.query;
  const deps = { registries } as AppDeps;
  const sources = registries.reportSources;

  await jitOffAsInService(db, log);
  const schools = await schoolsOfTrust(db.app.db, ctx.trustId);
  const made = await generateReportConcerns(
    db.raw,
    schools.map((s) => s.id),
    new Date(),
  );
  log(`  (wrote ${made.concerns} concerns over ten years for the reports in ${made.seconds.toFixed(1)} s)`);

  const email = await addTrustLead(q, ctx.trustId, ctx.smhlEmail);
  const lead = new BenchClient(app);
  await lead.signIn(email, BENCH_PASSWORD, BENCH_TOTP_SECRET);
  const leadCookie = lead.cookieHeader();
  if (!leadCookie.includes('tandem_session=')) throw new Error('no session cookie for the trust lead');

  const scopeNow = () => {
    const now = new Date();
    return { now, scope: resolveReportScope(reportQuery.parse({}), londonToday(now)) };
  };
  const { scope } = scopeNow();
  const [data] = await q<Record<string, number>>(
    `select (select count(*)::int from schools) as schools,
            (select count(*)::int from pupils where left_on is null) as "pupilsOnRoll",
            (select count(*)::int from pupils) as pupils,
            (select count(*)::int from level_changes) as "levelChanges",
            (select count(*)::int from concerns) as concerns,
            (select count(*)::int from concerns where not restricted and logged_at >= $1::date) as "concernsThisTerm",
            (select count(*)::int from intervention_places) as places,
            (select count(*)::int from referrals) as referrals,
            (select count(*)::int from plans) as plans,
            (select count(*)::int from pupils where school_id = $2 and left_on is null) as "schoolOnRoll",
            (select count(*)::int from concerns where school_id = $2) as "schoolConcerns"`,
    [scope.from, ctx.schoolId],
  );
  if (!data) throw new Error('no counts');

  const comparisons: Comparison[] = [];
  const explains: string[] = [];
  for (const which of ['school', 'trust'] as const) {
    const id = which === 'school' ? '12a' : '12b';
    const url = which === 'school' ? `/api/schools/${ctx.schoolId}/reports` : `/api/trusts/${ctx.trustId}/reports`;
    const cookie = which === 'school' ? ctx.smhlCookie : leadCookie;
    const schoolIds = which === 'school' ? [ctx.schoolId] : schools.map((s) => s.id);
    const combined = which === 'trust';

    // The captured run and the app's answer, checked against each other.
    const body = await get(app, url, cookie);
    const { now, scope: s } = scopeNow();
    const captured = await captureReport(db.app.db, sources, reportRequest(schoolIds, s, now), combined);
    if (which === 'school') {
      const answer = JSON.parse(body) as SchoolReportResponse;
      const mine = captured.figures.get(ctx.schoolId) ?? [];
      if (answer.figures.length !== mine.length || answer.figures.length === 0)
        throw new Error(`12a: the app gave ${answer.figures.length} figures, the sources ${mine.length}`);
      answer.figures.forEach((f, k) => {
        const m = mine[k];
        if (!m || numbers(f) !== numbers(m))
          throw new Error(
            `12a: figure ${f.key} differs:\n  app ${numbers(f).slice(0, 300)}\n  raw ${m ? numbers(m).slice(0, 300) : 'missing'}`,
          );
      });
    } else {
      const answer = JSON.parse(body) as TrustReportResponse;
      const mine = trustFiguresOf(captured, schools);
      if (answer.figures.length !== mine.length || answer.figures.length === 0)
        throw new Error(`12b: the app gave ${answer.figures.length} figures, the sources ${mine.length}`);
      answer.figures.forEach((f, k) => {
        const m = mine[k];
        const a = JSON.stringify([f.key, f.rows]);
        const b = JSON.stringify([m?.key, m?.rows]);
        if (a !== b)
          throw new Error(`12b: figure ${f.key} differs:\n  app ${a.slice(0, 300)}\n  raw ${b.slice(0, 300)}`);
      });
    }
    await checkReplay(q, captured.statements);
    const waves = wavesOf(captured.statements);
    const appCall = async () => {
      await get(app, url, cookie);
    };
    const appStatements = await db.capture.during(appCall);
    const rowsOut = captured.statements.reduce((a, x) => a + x.rows.length, 0);
    const shape = waves.map((w) => `${w[0]?.[0]?.source ?? '?'} ${w.map((x) => x.length).join('+')}`).join(', ');
    explains.push(...(await explainStatements(q, id, captured.statements)));

    log(`  ${id} ${which} dashboard`);
    const [a, ...b] = await compare(
      [
        { label: `GET ${url.replace(ctx.schoolId, ':school').replace(ctx.trustId, ':trust')}`, fn: appCall },
        {
          label: `raw SQL: the ${captured.statements.length} statements side by side, as the app`,
          fn: () => replaySideBySide(q, waves),
        },
        {
          label: `raw SQL: the ${captured.statements.length} statements all at once`,
          fn: () => replayAllAtOnce(q, captured.statements),
        },
        {
          label: `raw SQL: the ${captured.statements.length} statements one after another`,
          fn: () => replayOneByOne(q, captured.statements),
        },
        {
          label: 'the sources in-process (collectFigures: Drizzle, figures; no HTTP)',
          fn: async () => {
            const x = scopeNow();
            await collectFigures(deps, db.app.db, reportRequest(schoolIds, x.scope, x.now), combined);
          },
        },
      ],
      specFor(spec, which === 'school' ? 1 / 3 : 1 / 6),
    );
    if (!a) throw new Error(`${id} not measured`);
    const figureCount =
      which === 'school' ? (captured.figures.get(ctx.schoolId) ?? []).length : trustFiguresOf(captured, schools).length;
    comparisons.push({
      id,
      title:
        which === 'school'
          ? `School dashboard (SMHL of school ${ctx.schoolIndex}, ${data.schoolOnRoll} on roll; ${s.label})`
          : `Trust dashboard (trust lead, ${schools.length} schools, ${data.pupilsOnRoll} on roll; ${s.label})`,
      app: a,
      baselines: b,
      statements: appStatements.length,
      note:
        `${figureCount} figures, answer ${(body.length / 1024).toFixed(1)} KiB; the sources send ` +
        `${captured.statements.length} statements (${shape}; "a+b": a at once, then b), returning ${rowsOut} rows; ` +
        `the app ${appStatements.length} in all (session, school or trust names, year groups, audit)`,
    });
    data[`${which}Statements`] = captured.statements.length;
    data[`${which}AppStatements`] = appStatements.length;
  }
  data.reportConcerns = made.concerns;
  return { comparisons, data, explains };
}
