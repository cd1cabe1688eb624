/**
 * Measurement 10: referrals (issue 11). The lead's referral waits (per service and for the school:
 * open, seen, median and 90th-percentile wait, over the standard, decline rate and the most common
 * reasons) as the SMHL of the school with the most referrals, against the raw SQL that gives the
 * same answer (referrals-sql.ts), checked equal before timing.
 */
import type { FastifyInstance } from 'fastify';
import { londonToday } from '@tandem/core';
import { auditAppend } from './audit';
import type { BenchDatabase, CapturedStatement } from './databases';
import { explainSelects } from './interventions-measure';
import { rawWaits, roundedWait, WAITS_SQL, waitsParams, type WaitRow } from './referrals-sql';
import { compare, type RunSpec } from './measure';
import type { Comparison } from './report';

export interface ReferralContext {
  schoolId: string;
  schoolIndex: number;
  trustId: string;
  smhlId: string;
  smhlCookie: string;
}

/** A select on the module's tables (not the session lookup's, the trust's or the audit's). */
const onTables = (c: CapturedStatement) =>
  /^\s*select/i.test(c.sql) && /"referral/.test(c.sql) && !/for update/i.test(c.sql);

async function get(app: FastifyInstance, url: string, cookie: string) {
  const res = await app.inject({ method: 'GET', url, headers: { cookie }, remoteAddress: '127.0.0.1' });
  if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
  return res.body;
}

/** Measurement 10. */
export async function measureReferrals(
  db: BenchDatabase,
  app: FastifyInstance,
  ctx: ReferralContext,
  spec: RunSpec,
  log: (line: string) => void,
): Promise<{ comparisons: Comparison[]; data: Record<string, number>; explains: string[] }> {
  const { schoolId, smhlCookie } = ctx;
  const q = db.raw.query;
  const [data] = await q<Record<string, number>>(
    `select (select count(*)::int from referrals) as referrals,
            (select count(*)::int from referral_steps) as steps,
            (select count(*)::int from referrals where status = 'draft') as drafts,
            (select count(*)::int from referrals where status in ('sent', 'acknowledged', 'accepted', 'waiting')) as open,
            (select count(*)::int from referrals where status = 'declined' or decline_reason is not null) as declined,
            (select count(*)::int from referrals where restricted) as restricted,
            (select count(*)::int from referrals where school_id = $1) as "schoolReferrals",
            (select count(*)::int from referrals where school_id = $1 and restricted) as "schoolRestricted"`,
    [schoolId],
  );
  if (!data) throw new Error('no referral counts');
  const byStatus = await q<{ status: string; n: number }>(
    'select status, count(*)::int as n from referrals group by status order by status',
  );
  for (const s of byStatus) data[`status_${s.status}`] = s.n;

  // The app's answer, checked row by row against the raw one (the SMHL does not see restricted ones).
  const url = `/api/schools/${schoolId}/referral-waits`;
  const body = await get(app, url, smhlCookie);
  const report = JSON.parse(body) as { standardDays: number; rows: WaitRow[]; school: WaitRow };
  const today = () => londonToday(new Date());
  const raw = () => rawWaits(q, schoolId, today(), false);
  const rawAnswer = await raw();
  if (report.standardDays !== rawAnswer.standardDays) {
    throw new Error(`standard: app ${report.standardDays} days, raw ${rawAnswer.standardDays}`);
  }
  const rawRows = rawAnswer.rows.map(roundedWait);
  const appRows = [...report.rows, report.school].map(roundedWait);
  appRows.forEach((r, n) => {
    if (r !== rawRows[n]) throw new Error(`referral waits row ${n}: app ${r}\n  raw ${rawRows[n] ?? 'missing'}`);
  });
  if (appRows.length !== rawRows.length) throw new Error('referral waits: row counts differ');
  const s = report.school;
  if (s.open === 0 || s.seen === 0 || s.declined === 0)
    throw new Error('referral waits: nothing open, seen or declined');

  const appCall = async () => {
    await get(app, url, smhlCookie);
  };
  const captured = await db.capture.during(appCall);
  const selects = captured.filter(onTables);
  const replay = async () => {
    for (const c of selects) await q(c.sql, c.params);
  };
  const explains = await explainSelects(q, '10', selects);
  // Inside the database: each run with only a count returned (median of 21), so what is left of the
  // times above is moving the rows out to JS.
  const inDatabase = async (sql: string, params: unknown[]) => {
    const times: number[] = [];
    for (let k = 0; k < 21; k++) {
      const t0 = performance.now();
      await q(`select count(*) from (${sql}) x`, params);
      times.push(performance.now() - t0);
    }
    return (times.sort((x, y) => x - y)[10] ?? 0).toFixed(2);
  };
  const selectsInDatabase: string[] = [];
  for (const c of selects) selectsInDatabase.push(await inDatabase(c.sql, c.params));
  explains.push(
    `10 run in the database returning only a count (median of 21): the app's selects ` +
      `${selectsInDatabase.join(' + ')} ms; the raw statement ` +
      `${await inDatabase(WAITS_SQL, waitsParams(schoolId, today(), false))} ms`,
  );

  const onReferrals = selects.find((c) => /from "referrals"/.test(c.sql));
  if (!onReferrals) throw new Error('the app sent no select on referrals');
  const [{ n: rowsRead } = { n: 0 }] = await q<{ n: number }>(
    `select count(*)::int as n from (${onReferrals.sql}) x`,
    onReferrals.params,
  );
  log('  10 referral waits');
  const [a10, ...b10] = await compare(
    [
      { label: 'GET /api/schools/:school/referral-waits', fn: appCall },
      { label: 'raw SQL: one statement (grouping sets, percentile_cont)', fn: raw },
      {
        label: `raw SQL: the app's ${selects.length} select${selects.length === 1 ? '' : 's'}, replayed`,
        fn: replay,
      },
      {
        label: 'raw SQL: the statement + audit append, one tx',
        fn: () =>
          db.raw.transaction(async (tq) => {
            await rawWaits(tq, schoolId, today(), false);
            await auditAppend(tq, {
              actorUserId: ctx.smhlId,
              trustId: ctx.trustId,
              schoolId,
              action: 'referral.waits_viewed',
              subjectType: null,
              subjectId: null,
              detail: { format: 'screen' },
            });
          }),
      },
    ],
    spec,
  );
  if (!a10) throw new Error('10 not measured');
  const days = (v: number | null) => (v === null ? '-' : String(Math.round(v * 10) / 10));
  const c10: Comparison = {
    id: '10',
    title: `Referral waits (SMHL of school ${ctx.schoolIndex}, the busiest; ${report.rows.length} services and the school)`,
    app: a10,
    baselines: b10,
    statements: captured.length,
    note:
      `school: ${s.open} open, ${s.seen} seen, median wait ${days(s.medianWaitDays)} days, 90th percentile ` +
      `${days(s.p90WaitDays)}, ${s.overStandard} over ${report.standardDays} days, ${s.declined} of ${s.decided} ` +
      `decided declined; the app reads ${rowsRead} referrals (${data.schoolRestricted ?? 0} restricted left out); ` +
      `answer ${(body.length / 1024).toFixed(1)} KiB`,
  };
  return { comparisons: [c10], data, explains };
}
