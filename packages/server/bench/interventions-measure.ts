/**
 * Measurement 9: interventions (issue 10). 9a: the busiest intervention's page (its waiting list in
 * order, with positions, and the pupils in it with their attendance) as the SMHL; 9b: the lead's
 * outcomes table. Each against the raw SQL that gives the same answer (interventions-sql.ts),
 * checked equal before timing.
 */
import type { FastifyInstance } from 'fastify';
import { auditAppend } from './audit';
import type { BenchDatabase, CapturedStatement, Query } from './databases';
import { BUSIEST, CATALOGUE, interventionIdFor } from './interventions';
import { rawIntervention, rawOutcomes, rounded, type OutcomeRow } from './interventions-sql';
import { explainPlan } from './explain';
import { compare, type RunSpec } from './measure';
import type { Comparison } from './report';

export interface InterventionContext {
  schoolId: string;
  schoolIndex: number;
  trustId: string;
  smhlId: string;
  smhlCookie: string;
}

/** A select on the module's tables (not the session lookup's, the trust's or the audit's). */
const onTables = (c: CapturedStatement) =>
  /^\s*select/i.test(c.sql) && /"intervention|"questionnaires"/.test(c.sql) && !/for update/i.test(c.sql);

/** Each select's plan (EXPLAIN ANALYZE) and its own time run alone (median of 21), as report lines. */
export async function explainSelects(q: Query, request: string, selects: CapturedStatement[]): Promise<string[]> {
  const out: string[] = [];
  for (const c of selects) {
    const plan = await explainPlan(q, c.sql, c.params);
    const times: number[] = [];
    for (let k = 0; k < 21; k++) {
      const t0 = performance.now();
      await q(c.sql, c.params);
      times.push(performance.now() - t0);
    }
    times.sort((x, y) => x - y);
    const table = /from "([a-z_]+)"/.exec(c.sql)?.[1] ?? '?';
    const ids = c.params.filter((x) => typeof x === 'string' && x.length === 36).length;
    const [{ n } = { n: 0 }] = await q<{ n: number }>(`select count(*)::int as n from (${c.sql}) x`, c.params);
    out.push(
      `${request} ${table} (${ids} ids, ${n} rows): ${(times[10] ?? 0).toFixed(2)} ms | ` +
        `${plan.nodes.join(' > ')} | rows read ${plan.rowsRead}`,
    );
  }
  return out;
}

async function get(app: FastifyInstance, url: string, cookie: string) {
  const res = await app.inject({ method: 'GET', url, headers: { cookie }, remoteAddress: '127.0.0.1' });
  if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
  return res.body;
}

/** Measurement 9a and 9b. */
export async function measureInterventions(
  db: BenchDatabase,
  app: FastifyInstance,
  ctx: InterventionContext,
  spec: RunSpec,
  log: (line: string) => void,
): Promise<{ comparisons: Comparison[]; data: Record<string, number>; explains: string[] }> {
  const { schoolId, smhlCookie } = ctx;
  const q = db.raw.query;
  const [data] = await q<Record<string, number>>(
    `select (select count(*)::int from interventions) as interventions,
            (select count(*)::int from intervention_places) as places,
            (select count(*)::int from intervention_places where status = 'waiting') as waiting,
            (select count(*)::int from intervention_places where status = 'in') as "in",
            (select count(*)::int from intervention_sessions) as sessions,
            (select count(*)::int from intervention_attendance) as attendance,
            (select count(*)::int from questionnaires) as questionnaires`,
  );
  if (!data) throw new Error('no intervention counts');
  const audit = (tq: Query, action: string, subjectType: string | null, subjectId: string | null, detail: unknown) =>
    auditAppend(tq, {
      actorUserId: ctx.smhlId,
      trustId: ctx.trustId,
      schoolId,
      action,
      subjectType,
      subjectId,
      detail,
    });

  // 9a. The busiest intervention, checked against the raw answer first.
  const interventionId = interventionIdFor(ctx.schoolIndex, BUSIEST);
  const url = `/api/schools/${schoolId}/interventions/${interventionId}`;
  const body = await get(app, url, smhlCookie);
  const detail = JSON.parse(body) as {
    waiting: { placeId: string; position: number }[];
    inPlaces: { placeId: string; sessionsAttended: number; sessionsMissed: number }[];
    sessions: unknown[];
    past: unknown[];
  };
  const raw = await rawIntervention(q, schoolId, interventionId);
  const appWaiting = detail.waiting.map((w) => `${w.position}:${w.placeId}`).join(',');
  const rawWaiting = raw.waiting.map((w) => `${w.position}:${w.id}`).join(',');
  if (raw.waiting.length === 0 || appWaiting !== rawWaiting) {
    throw new Error(
      `waiting list: the app's order and the raw order differ (${detail.waiting.length} vs ${raw.waiting.length})`,
    );
  }
  const inKey = (id: string, a: number, m: number) => `${id}:${a}/${m}`;
  const appIn = detail.inPlaces
    .map((p) => inKey(p.placeId, p.sessionsAttended, p.sessionsMissed))
    .sort()
    .join(',');
  const rawIn = raw.inPlaces.map((p) => inKey(p.id, p.attended, p.missed)).join(',');
  if (appIn !== rawIn) throw new Error("pupils in the intervention: the app's and the raw attendance differ");
  const places = CATALOGUE.find((c) => c.key === BUSIEST)?.places;
  const appCall = async () => {
    await get(app, url, smhlCookie);
  };
  const captured9a = await db.capture.during(appCall);
  const statements9a = captured9a.length;
  // The app's selects (not the session lookup's or the audit's), replayed as sent: the database's share.
  const selects9a = captured9a.filter(onTables);
  const replay = async () => {
    for (const c of selects9a) await q(c.sql, c.params);
  };
  const explains = await explainSelects(q, '9a', selects9a);
  log('  9a intervention page with its waiting list');
  const [a9, ...b9] = await compare(
    [
      { label: 'GET /api/schools/:school/interventions/:intervention', fn: appCall },
      {
        label: 'raw SQL: waiting list in order + pupils in it with attendance',
        fn: () => rawIntervention(q, schoolId, interventionId),
      },
      { label: `raw SQL: the app's ${selects9a.length} selects on its tables, replayed`, fn: replay },
      {
        label: 'raw SQL: the list + pupils in it + audit append, one tx',
        fn: () =>
          db.raw.transaction(async (tq) => {
            const r = await rawIntervention(tq, schoolId, interventionId);
            await audit(tq, 'intervention.viewed', 'intervention', interventionId, {
              waiting: r.waiting.length,
              in: r.inPlaces.length,
              names: true,
            });
          }),
      },
    ],
    spec,
  );
  if (!a9) throw new Error('9a not measured');
  const c9a: Comparison = {
    id: '9a',
    title: `Intervention page, the busiest (SMHL; ${detail.inPlaces.length} of ${places ?? '?'} places taken, ${detail.waiting.length} waiting)`,
    app: a9,
    baselines: b9,
    statements: statements9a,
    note:
      `the page also lists ${detail.past.length} finished places and ${detail.sessions.length} sessions with attendance, ` +
      `which the raw side leaves out; answer ${(body.length / 1024).toFixed(1)} KiB`,
  };

  // 9b. The lead's outcomes table, checked row by row against the raw answer.
  const outcomesUrl = `/api/schools/${schoolId}/intervention-outcomes`;
  const report = JSON.parse(await get(app, outcomesUrl, smhlCookie)) as { rows: OutcomeRow[]; school: OutcomeRow };
  const rawRows = await rawOutcomes(q, schoolId, new Date());
  const appRows = [...report.rows, report.school].map(rounded);
  const rawRounded = rawRows.map(rounded);
  appRows.forEach((r, n) => {
    if (r !== rawRounded[n]) throw new Error(`outcomes row ${n}: app ${r}\n  raw ${rawRounded[n] ?? 'missing'}`);
  });
  if (appRows.length !== rawRounded.length) throw new Error('outcomes: row counts differ');
  const outcomesCall = async () => {
    await get(app, outcomesUrl, smhlCookie);
  };
  const captured9b = await db.capture.during(outcomesCall);
  const statements9b = captured9b.length;
  explains.push(...(await explainSelects(q, '9b', captured9b.filter(onTables))));
  log('  9b outcomes table');
  const [a9b, ...b9b] = await compare(
    [
      { label: 'GET /api/schools/:school/intervention-outcomes', fn: outcomesCall },
      {
        label: 'raw SQL: one statement (percentile_cont, jsonb scores)',
        fn: () => rawOutcomes(q, schoolId, new Date()),
      },
      {
        label: 'raw SQL: the same + audit append, one tx',
        fn: () =>
          db.raw.transaction(async (tq) => {
            await rawOutcomes(tq, schoolId, new Date());
            await audit(tq, 'intervention.outcomes_viewed', null, null, { format: 'screen' });
          }),
      },
    ],
    spec,
  );
  if (!a9b) throw new Error('9b not measured');
  const s = report.school;
  const c9b: Comparison = {
    id: '9b',
    title: `Outcomes table (SMHL; ${report.rows.length} interventions and the school, this school year)`,
    app: a9b,
    baselines: b9b,
    statements: statements9b,
    note:
      `school: ${s.servedThisYear} served, ${s.waitingNow} waiting, median wait ${s.medianWaitDays ?? '-'} days, ` +
      `longest ${s.longestWaitDays ?? '-'}, attendance ${((s.attendanceRate ?? 0) * 100).toFixed(0)}%, ` +
      `${s.reliableImprovement} of ${s.pairs} pairs reliably improved`,
  };
  return { comparisons: [c9a, c9b], data, explains };
}
