/**
 * The levels figures against independent SQL written here: each cell counted by its own query per
 * school (level at a day from the latest change on or before it), the schools together as the sum.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { termsBetween, type Characteristic, type Figure } from '@tandem/core';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness';
import type { ReportRequest } from '../platform/registries';
import { sqlRows } from '../platform/report-figures';
import { levelReport } from './levels.report';

let env: TestEnv;
let smhl: TestClient;
let today: string;
const PAST = '2026-10-20';

const CHARS: Record<Characteristic, string> = {
  send: "send in ('support', 'ehcp')",
  ehcp: "send = 'ehcp'",
  pupil_premium: 'pupil_premium = true',
  looked_after: 'looked_after = true',
  child_in_need: 'child_in_need = true',
  young_carer: 'young_carer = true',
  eal: 'eal = true',
  female: "sex = 'female'",
  male: "sex = 'male'",
};
const RANK = (col: string) =>
  `(case ${col} when 'MH1' then 1 when 'MH2' then 2 when 'MH3' then 3 when 'MH4' then 4 when 'MH5' then 5 else 0 end)`;
const levelOn = (day: string, before = false) =>
  `(select lc.to_level from level_changes lc where lc.pupil_id = b.id and lc.changed_at::date ${before ? '<' : '<='} '${day}'::date order by lc.changed_at desc limit 1)`;

async function count(q: string): Promise<number> {
  const res = await sqlRows<{ n: number | string }>(env.deps.database.db, sql.raw(q));
  return Number(res[0]?.n ?? 0);
}

/** The pupils of one school on roll on the day, in the request's group, with their level then, as `b`. */
function base(school: string, r: ReportRequest, day = r.asOf): string {
  const filter = [
    r.yearGroup === null ? 'true' : `year_group = ${r.yearGroup}`,
    r.characteristic === null ? 'true' : CHARS[r.characteristic],
  ].join(' and ');
  return `(select b.*, ${levelOn(day)} as level from pupils b where b.school_id = '${school}'
    and b.created_at::date <= '${day}' and (b.left_on is null or b.left_on > '${day}') and ${filter}) b`;
}

type Cells = (number | null)[];
const close = (a: Cells, b: Cells) =>
  expect(a.map((v) => (v === null ? null : Math.round(v * 1e9) / 1e9))).toEqual(
    b.map((v) => (v === null ? null : Math.round(v * 1e9) / 1e9)),
  );

/** Expected rows of one figure for one school: key → counts (worked-out cells follow from them). */
async function schoolCounts(school: string, r: ReportRequest) {
  const b = base(school, r);
  const mh3 = `level in ('MH3', 'MH4', 'MH5')`;
  const now: Record<string, number> = {};
  for (const k of ['none', 'MH1', 'MH2', 'MH3', 'MH4', 'MH5'])
    now[k] = await count(`select count(*) n from ${b} where coalesce(level, 'none') = '${k}'`);
  const thriveOf: Record<string, string> = {
    thriving: 'level is null',
    getting_advice: "level = 'MH1'",
    getting_help: "level = 'MH2'",
    getting_more_help: "level = 'MH3'",
    getting_risk_support: "level in ('MH4', 'MH5')",
  };
  const thrive: Record<string, number> = {};
  for (const [k, w] of Object.entries(thriveOf)) thrive[k] = await count(`select count(*) n from ${b} where ${w}`);
  const years = new Map<string, [number, number]>();
  const yearList = await sqlRows<{ year_group: number }>(
    env.deps.database.db,
    sql.raw(`select distinct year_group from ${b}`),
  );
  for (const { year_group: y } of yearList)
    years.set(`y${y}`, [
      await count(`select count(*) n from ${b} where year_group = ${y}`),
      await count(`select count(*) n from ${b} where year_group = ${y} and ${mh3}`),
    ]);
  const forms = new Map<string, [number, number]>();
  const formList = await sqlRows<{ form: string }>(env.deps.database.db, sql.raw(`select distinct form from ${b}`));
  for (const { form } of formList)
    forms.set(`f:${form}`, [
      await count(`select count(*) n from ${b} where form = '${form}'`),
      await count(`select count(*) n from ${b} where form = '${form}' and ${mh3}`),
    ]);
  const chars = new Map<string, [number, number]>();
  for (const [k, w] of Object.entries(CHARS))
    chars.set(k, [
      await count(`select count(*) n from ${b} where ${w}`),
      await count(`select count(*) n from ${b} where ${w} and ${mh3}`),
    ]);
  const whole: [number, number] = [
    await count(`select count(*) n from ${b}`),
    await count(`select count(*) n from ${b} where ${mh3}`),
  ];
  const moves = new Map<string, [number, number, number]>();
  for (const term of termsBetween(r.from, r.to).filter((t) => t.from <= r.asOf)) {
    const last = term.to < r.asOf ? term.to : r.asOf;
    const m = `(select ${RANK(levelOn(term.from, true))} s, ${RANK(levelOn(last))} e from ${base(school, r, last)}) m`;
    moves.set(term.key, [
      await count(`select count(*) n from ${m} where e > s`),
      await count(`select count(*) n from ${m} where e < s`),
      await count(`select count(*) n from ${m} where s > 0 and e = s`),
    ]);
  }
  return { now, thrive, years, forms, chars, whole, moves };
}
type Counts = Awaited<ReturnType<typeof schoolCounts>>;

function sumCounts(all: Counts[]): Counts {
  const addRec = (xs: Record<string, number>[]) => {
    const out: Record<string, number> = {};
    for (const x of xs) for (const [k, v] of Object.entries(x)) out[k] = (out[k] ?? 0) + v;
    return out;
  };
  const addMap = <T extends number[]>(xs: Map<string, T>[]) => {
    const out = new Map<string, T>();
    for (const x of xs) for (const [k, v] of x) out.set(k, (out.get(k)?.map((a, i) => a + v[i]!) ?? [...v]) as T);
    return out;
  };
  return {
    now: addRec(all.map((c) => c.now)),
    thrive: addRec(all.map((c) => c.thrive)),
    years: addMap(all.map((c) => c.years)),
    forms: addMap(all.map((c) => c.forms)),
    chars: addMap(all.map((c) => c.chars)),
    whole: all.reduce<[number, number]>((a, c) => [a[0] + c.whole[0], a[1] + c.whole[1]], [0, 0]),
    moves: addMap(all.map((c) => c.moves)),
  };
}

const share = (n: number, d: number) => (d === 0 ? null : n / d);

function checkFigures(figures: Figure[], c: Counts) {
  const fig = (key: string) => {
    const f = figures.find((x) => x.key === key);
    if (!f) throw new Error(`no ${key}`);
    return f;
  };
  expect(figures.map((f) => f.key)).toEqual(levelReport.keys);
  for (const [key, rec] of [
    ['levels.now', c.now],
    ['levels.thrive', c.thrive],
  ] as const) {
    const f = fig(key);
    const total = Object.values(rec).reduce((a, b) => a + b, 0);
    expect(f.rows.map((x) => x.key)).toEqual(Object.keys(rec));
    for (const x of f.rows) close(x.values as Cells, [rec[x.key]!, share(rec[x.key]!, total)]);
    close(f.total!.values as Cells, [total, share(total, total)]);
  }
  const [wp, wm] = c.whole;
  const wholeRate = share(wm, wp);
  const mh3Rows = (f: Figure, m: Map<string, [number, number]>, keys: string[]) => {
    expect(f.rows.map((x) => x.key)).toEqual(keys);
    for (const x of f.rows) {
      const [p, m3] = m.get(x.key)!;
      const rate = share(m3, p);
      close(x.values as Cells, [p, m3, rate, p < 5 || rate === null || !wholeRate ? null : rate / wholeRate]);
    }
    close(f.total!.values as Cells, [wp, wm, wholeRate, null]);
  };
  mh3Rows(
    fig('levels.yearGroup'),
    c.years,
    [...c.years.keys()].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))),
  );
  // Forms in the order a person reads them: 7K before 11W.
  mh3Rows(
    fig('levels.form'),
    c.forms,
    [...c.forms.keys()].sort((a, b) => a.localeCompare(b, 'en-GB', { numeric: true })),
  );
  mh3Rows(fig('levels.characteristic'), c.chars, Object.keys(CHARS));
  for (const x of fig('levels.characteristic').rows) {
    const [p, m3] = c.chars.get(x.key)!;
    const ratio = x.values[3] as number | null;
    expect(x.highlight !== null).toBe(p >= 5 && m3 >= 5 && ratio !== null && ratio >= 1.5);
  }
  const moves = fig('levels.movement');
  expect(moves.rows.map((x) => x.key)).toEqual([...c.moves.keys()]);
  for (const x of moves.rows) expect(x.values).toEqual(c.moves.get(x.key));
}

async function checkRequest(r: ReportRequest) {
  const got = await levelReport.figures(env.deps.database.db, r, { combined: true });
  expect([...got.keys()]).toEqual([...r.schoolIds, 'all']);
  const counts: Counts[] = [];
  for (const school of r.schoolIds) {
    const c = await schoolCounts(school, r);
    counts.push(c);
    checkFigures(got.get(school)!, c);
  }
  checkFigures(got.get('all')!, sumCounts(counts));
  return got;
}

function request(over: Partial<ReportRequest> = {}): ReportRequest {
  return {
    schoolIds: [env.world.kingsmead, env.world.willow],
    from: '2026-01-01',
    to: today,
    asOf: today,
    now: env.clock.now(),
    yearGroup: null,
    characteristic: null,
    ...over,
  };
}

async function setLevel(pupilId: string, from: string | null, to: string | null) {
  const res = await smhl.post(`/api/schools/${env.world.kingsmead}/pupils/${pupilId}/level`, {
    level: to,
    reason: 'Reviewed at the pastoral meeting.',
    evidence: [{ kind: 'observation', description: 'Seen by the pastoral team.' }],
    expectedCurrentLevel: from,
  });
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  env = await createTestEnv();
  today = env.clock.now().toISOString().slice(0, 10);
  smhl = await env.as('smhl');
  const db = env.deps.database.db;
  // The demo gives no sex and no leavers: half the pupils are girls, one pupil left in October.
  await db.execute(
    sql`update pupils set sex = case when upn < (select percentile_disc(0.5) within group (order by upn) from pupils) then 'female' else 'male' end`,
  );
  const res = await sqlRows<{ id: string; current_level: string | null }>(
    db,
    sql`select id, current_level from pupils where school_id = ${env.world.kingsmead} order by upn`,
  );
  const at = (level: string | null, n = 0) => res.filter((x) => x.current_level === level)[n]!.id;
  const [mh3, mh1, none, early, earlyDown] = [at('MH3'), at('MH1'), at(null), at(null, 1), at(null, 2)];
  // Two pupils given a level in June: one keeps it (the same level all autumn), one moves down today.
  const back = env.clock.now();
  env.clock.set('2026-06-10T10:00:00Z');
  await setLevel(early, null, 'MH1');
  env.clock.advance(60_000);
  await setLevel(earlyDown, null, 'MH2');
  env.clock.set(new Date(back.getTime() + 60_000));
  // Moves down, up and back to where it was, and up from no level, made today.
  for (const [pupil, from, to] of [
    [mh3, 'MH3', 'MH2'],
    [mh1, 'MH1', 'MH2'],
    [mh1, 'MH2', 'MH1'],
    [none, null, 'MH1'],
    [earlyDown, 'MH2', null],
  ] as const) {
    env.clock.advance(60_000);
    await setLevel(pupil, from, to);
  }
  await db.execute(sql`update pupils set left_on = '2026-10-10' where id = ${at('MH1', 1)}`);
});
afterAll(async () => env?.close());

describe('levels report', () => {
  it('agrees with independent counts today, on a past day, and for a year group or characteristic', async () => {
    await checkRequest(request());
    await checkRequest(request({ asOf: PAST, to: PAST }));
    await checkRequest(request({ yearGroup: 7 }));
    await checkRequest(request({ characteristic: 'female' }));
    await checkRequest(request({ characteristic: 'pupil_premium', asOf: PAST, to: PAST, from: '2025-09-01' }));
  });

  it('counts moves down and pupils back at the same level this term', async () => {
    const got = await levelReport.figures(env.deps.database.db, request(), { combined: false });
    const moves = got.get(env.world.kingsmead)!.find((f) => f.key === 'levels.movement')!;
    const autumn = moves.rows.find((x) => x.key === '2026-autumn')!;
    expect(autumn.values[1]).toBeGreaterThanOrEqual(1);
    expect(autumn.values[2]).toBeGreaterThanOrEqual(1);
    expect(got.has('all')).toBe(false);
  });

  it('lists the pupils behind a row', async () => {
    const db = env.deps.database.db;
    const school = env.world.kingsmead;
    const ids = async (where: string, r = request()) => {
      const res = await sqlRows<{ id: string }>(
        db,
        sql.raw(`select id from ${base(school, r)} where ${where} order by id`),
      );
      return res.map((x) => x.id);
    };
    const drill = async (figure: string, row: string, r = request()) =>
      ((await levelReport.drill(db, { ...r, schoolId: school }, figure, row)) ?? []).sort();
    const mh3 = "level in ('MH3', 'MH4', 'MH5')";
    expect(await drill('levels.now', 'MH2')).toEqual(await ids("level = 'MH2'"));
    expect(await drill('levels.now', 'none')).toEqual(await ids('level is null'));
    expect(await drill('levels.thrive', 'getting_risk_support')).toEqual(await ids("level in ('MH4', 'MH5')"));
    expect(await drill('levels.yearGroup', 'y7')).toEqual(await ids(`year_group = 7 and ${mh3}`));
    expect(await drill('levels.form', 'f:7W')).toEqual(await ids(`form = '7W' and ${mh3}`));
    expect(await drill('levels.characteristic', 'pupil_premium')).toEqual(await ids(`pupil_premium and ${mh3}`));
    const past = request({ asOf: PAST, to: PAST, characteristic: 'female' });
    expect(await drill('levels.now', 'MH1', past)).toEqual(await ids("level = 'MH1'", past));
    expect(await drill('levels.now', 'MH1')).not.toEqual([]);
    expect(await drill('levels.now', 'MH9')).toEqual([]);
    expect(await drill('levels.thrive', 'constructor')).toEqual([]);
    expect(await drill('levels.form', 'f:no such form')).toEqual([]);
    expect(await drill('levels.movement', '2026-autumn')).toEqual([]);
    expect(await levelReport.drill(db, { ...request(), schoolId: school }, 'concerns.monthly', 'x')).toBeNull();
  });
});
