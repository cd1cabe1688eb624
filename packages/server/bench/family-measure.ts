/**
 * Measurement 11: the family portal (issue 12). A parent opens their child's page
 * (GET /api/family/schools/:school/children/:pupil, audited), each of the generated parents in
 * turn with their own session, against the raw selects that return the same data (family-sql.ts),
 * checked equal before timing; the same with the audit append; and the app's own selects replayed.
 */
import type { FastifyInstance } from 'fastify';
import { BENCH_PASSWORD } from './generate';
import { BenchClient } from './client';
import type { BenchDatabase, CapturedStatement } from './databases';
import { explainSelects } from './interventions-measure';
import type { FamilyParent } from './family';
import { appDigest, rawDigest, rawFamilyPage, rawFamilyPageAudited, type AppPage } from './family-sql';
import { compare, type RunSpec } from './measure';
import type { Comparison } from './report';

export interface FamilyContext {
  schoolId: string;
  schoolIndex: number;
  parents: FamilyParent[];
  /** What the generator added (counted in the note). */
  rows: Record<string, number>;
}

/** Every select the request sent but the session lookup's (the session with its user, the roles) and the audit's. */
const isSelect = (c: CapturedStatement) =>
  /^\s*select/i.test(c.sql) && !/for update/i.test(c.sql) && !/from "(sessions|role_assignments)"/.test(c.sql);

export async function measureFamily(
  db: BenchDatabase,
  app: FastifyInstance,
  ctx: FamilyContext,
  spec: RunSpec,
  log: (line: string) => void,
): Promise<{ comparisons: Comparison[]; data: Record<string, number>; explains: string[] }> {
  const { schoolId } = ctx;
  const q = db.raw.query;
  const readers: { parent: FamilyParent; cookie: string; url: string }[] = [];
  for (const parent of ctx.parents) {
    const client = new BenchClient(app);
    await client.signIn(parent.email, BENCH_PASSWORD, null);
    const cookie = client.cookieHeader();
    if (!cookie.includes('tandem_session=')) throw new Error('no session cookie for the parent');
    readers.push({ parent, cookie, url: `/api/family/schools/${schoolId}/children/${parent.pupilId}` });
  }
  const get = async (url: string, cookie: string) => {
    const res = await app.inject({ method: 'GET', url, headers: { cookie }, remoteAddress: '127.0.0.1' });
    if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    return res.body;
  };

  // Untimed: a parent asking for another parent's child gets 404, as for a child who does not exist.
  const [first, second] = readers;
  if (!first || !second) throw new Error('fewer than two parents');
  const other = await app.inject({
    method: 'GET',
    url: second.url,
    headers: { cookie: first.cookie },
    remoteAddress: '127.0.0.1',
  });
  if (other.statusCode !== 404) throw new Error(`another parent's child answered ${other.statusCode}`);

  // Every parent's page, the app's against the raw selects'; and what is on them.
  const totals: Record<string, number> = {
    plans: 0,
    meetings: 0,
    nextSteps: 0,
    waiting: 0,
    inPlaces: 0,
    referrals: 0,
    questionnaires: 0,
    letters: 0,
    supportOffers: 0,
    messages: 0,
    bytes: 0,
    levelShown: 0,
  };
  const add = (k: string, n: number) => (totals[k] = (totals[k] ?? 0) + n);
  const positions: number[] = [];
  const statementCounts: number[] = [];
  const captures: CapturedStatement[][] = [];
  const sent: CapturedStatement[][] = [];
  for (const r of readers) {
    const body = await get(r.url, r.cookie);
    const page = JSON.parse(body) as AppPage;
    const raw = await rawFamilyPage(q, schoolId, r.parent.pupilId, r.parent.userId);
    const a = JSON.stringify(appDigest(page, r.parent.pupilId));
    const b = JSON.stringify(rawDigest(raw, r.parent.pupilId, new Date()));
    if (a !== b) throw new Error(`family page of ${r.parent.pupilId}: app and raw differ\n  app ${a}\n  raw ${b}`);
    add('plans', page.plans.length);
    add('meetings', page.meetings.length);
    add(
      'nextSteps',
      page.meetings.reduce((n, m) => n + m.nextSteps.length, 0),
    );
    add('waiting', page.interventions.filter((i) => i.state === 'waiting').length);
    add('inPlaces', page.interventions.filter((i) => i.state === 'in').length);
    for (const i of page.interventions) if (i.position !== null) positions.push(i.position);
    add('referrals', page.referrals.length);
    add('questionnaires', page.questionnaires.length);
    add('letters', page.letters.length);
    add('supportOffers', page.supportOffers.length);
    add('messages', page.messages.length);
    add('bytes', body.length);
    if (page.level !== null) add('levelShown', 1);
    const captured = await db.capture.during(() => get(r.url, r.cookie));
    statementCounts.push(captured.length);
    sent.push(captured);
    captures.push(captured.filter(isSelect));
  }
  const n = readers.length;
  for (const k of ['plans', 'meetings', 'waiting', 'referrals', 'letters']) {
    if ((totals[k] ?? 0) === 0) throw new Error(`family pages: no ${k} on any page`);
  }

  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  const next = (i: number) => readers[i % n] as (typeof readers)[number];
  const appCall = async () => {
    const r = next(a++);
    await get(r.url, r.cookie);
  };
  const raw = async () => {
    const r = next(b++);
    await rawFamilyPage(q, schoolId, r.parent.pupilId, r.parent.userId);
  };
  const rawAudited = () =>
    db.raw.transaction(async (tq) => {
      const r = next(c++);
      await rawFamilyPageAudited(tq, schoolId, r.parent.pupilId, r.parent.userId);
    });
  const replay = async () => {
    const selects = captures[d++ % n] ?? [];
    for (const s of selects) await q(s.sql, s.params);
  };
  const selectCounts = captures.map((s) => s.length);
  log('  11 a parent opens their child');
  const [a11, ...b11] = await compare(
    [
      { label: 'GET /api/family/schools/:school/children/:pupil', fn: appCall },
      { label: 'raw SQL: the 9-10 selects', fn: raw },
      { label: 'raw SQL: the selects + audit append, one tx', fn: rawAudited },
      {
        label: `raw SQL: the app's ${Math.min(...selectCounts)}-${Math.max(...selectCounts)} selects, replayed`,
        fn: replay,
      },
    ],
    spec,
  );
  if (!a11) throw new Error('11 not measured');

  // The app's selects of the richest page (most statements), each run alone, with its plan.
  let richest = 0;
  statementCounts.forEach((s, i) => {
    if (s > (statementCounts[richest] ?? 0)) richest = i;
  });
  const tableOf = (c: CapturedStatement) =>
    `${/^\s*(\w+)/.exec(c.sql)?.[1]?.toLowerCase() ?? '?'} ${/(?:from|into|update) "([a-z_]+)"/.exec(c.sql)?.[1] ?? '?'}`;
  const explains = [
    `11 the statements of the richest page in order: ${(sent[richest] ?? []).map(tableOf).join(' > ')}`,
    ...(await explainSelects(q, '11', captures[richest] ?? [])),
  ];
  const per = (k: string) => ((totals[k] ?? 0) / n).toFixed(1);
  const range = (xs: number[]) => `${Math.min(...xs)}-${Math.max(...xs)}`;
  const c11: Comparison = {
    id: '11',
    title: `A parent opens their child's page (${n} parents of school ${ctx.schoolIndex} in turn, each signed in)`,
    app: a11,
    baselines: b11,
    statements: statementCounts[0] ?? 0,
    note:
      `per page: ${per('plans')} plans, ${per('meetings')} meetings with ${per('nextSteps')} next steps, ` +
      `${per('waiting')} waiting (positions ${range(positions)}) and ${per('inPlaces')} in places, ` +
      `${per('referrals')} referrals, ${per('letters')} letters, ${per('questionnaires')} questionnaires, ` +
      `${per('supportOffers')} offers, ${per('messages')} messages; level shown on ${totals.levelShown ?? 0} of ${n}; ` +
      `the app sends ${range(statementCounts)} statements (${range(selectCounts)} selects), the raw side ` +
      `9-10; answer ${((totals.bytes ?? 0) / n / 1024).toFixed(1)} KiB; ` +
      `every page equal to the raw answer; another parent's child 404`,
  };
  return {
    comparisons: [c11],
    data: { ...ctx.rows, ...totals, parentsMeasured: n, richestStatements: statementCounts[richest] ?? 0 },
    explains,
  };
}
