/**
 * The concerns' report figures on the demo trust, each cell checked against a query written here
 * another way (a count per category in its own statement, medians worked out in the test), for
 * each school and both together, with and without pupil filters; the restricted record never counts.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { pupils } from '@tandem/core/schema';
import { CONCERN_ROUTES, median, monthsBetween, type Characteristic, type CellValue, type Figure } from '@tandem/core';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness';
import type { ReportRequest } from '../platform/registries';
import { concernReport } from './concerns.report';

let env: TestEnv;
let request: (o?: Partial<ReportRequest>) => ReportRequest;

interface Case {
  name: string;
  yearGroup: number | null;
  characteristic: Characteristic | null;
}
const CASES: Case[] = [
  { name: 'every pupil', yearGroup: null, characteristic: null },
  { name: 'Year 9', yearGroup: 9, characteristic: null },
  { name: 'pupil premium', yearGroup: null, characteristic: 'pupil_premium' },
];

/** The pupil filter written here, on pupils row p. */
function pupilWhere(c: Case): string {
  const parts = ['true'];
  if (c.yearGroup !== null) parts.push(`p.year_group = ${c.yearGroup}`);
  if (c.characteristic === 'pupil_premium') parts.push('p.pupil_premium');
  return parts.join(' and ');
}

async function q<T>(text: string, params: unknown[]): Promise<T[]> {
  return env.deps.database.raw<T>(text, params);
}

/** The concerns counted here: their ids, with their own facts, for a set of schools. */
async function counted(schools: string[], r: ReportRequest, c: Case) {
  return q<{ id: string; urgent: boolean; route: string; month: string; hours: number | null; signs: string[] }>(
    `select c.id::text as id, c.urgent, c.route, to_char(c.logged_at::date, 'YYYY-MM') as month,
       case when c.acknowledged_at::date <= $4::date
         then extract(epoch from c.acknowledged_at - c.logged_at)::float8 / 3600 end as hours,
       array(select jsonb_array_elements_text(c.warning_signs)) as signs
     from concerns c
     where c.school_id = any($1::uuid[]) and c.restricted = false
       and c.logged_at::date between $2::date and $3::date
       and c.id in (select cp.concern_id from concern_pupils cp join pupils p on p.id = cp.pupil_id
                    where ${pupilWhere(c)})`,
    [`{${schools.join(',')}}`, r.from, r.to, r.asOf],
  );
}

/** The distinct pupils (in the filter) of some concerns. */
async function pupilsOf(ids: string[], c: Case): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await q<{ id: string }>(
    `select distinct cp.pupil_id::text as id from concern_pupils cp join pupils p on p.id = cp.pupil_id
     where cp.concern_id = any($1::uuid[]) and ${pupilWhere(c)}`,
    [`{${ids.join(',')}}`],
  );
  return rows.map((x) => x.id).sort();
}

function expectCell(actual: CellValue | undefined, expected: number | null, what: string) {
  if (expected === null) expect(actual, what).toBeNull();
  else {
    expect(typeof actual, what).toBe('number');
    expect(actual as number, what).toBeCloseTo(expected, 6);
  }
}

function rowOf(f: Figure, key: string) {
  const row = key === 'total' ? f.total : f.rows.find((x) => x.key === key);
  if (!row) throw new Error(`${f.key} has no row ${key}`);
  return row;
}

async function checkGroup(figures: Figure[], schools: string[], r: ReportRequest, c: Case, label: string) {
  const all = await counted(schools, r, c);
  expect(figures.map((f) => f.key)).toEqual([...concernReport.keys]);
  const [monthly, signs, routes, ack] = figures as [Figure, Figure, Figure, Figure];

  // Month by month, and the total.
  const months = monthsBetween(r.from, r.to);
  expect(monthly.rows.map((x) => x.key)).toEqual(months.map((m) => m.key));
  for (const m of [...months.map((x) => x.key), 'total']) {
    const these = m === 'total' ? all : all.filter((x) => x.month === m);
    const v = rowOf(monthly, m).values;
    expectCell(v[0], these.length, `${label} monthly ${m} concerns`);
    expectCell(v[1], these.filter((x) => x.urgent).length, `${label} monthly ${m} urgent`);
  }

  // Warning signs: each one seen, and the total of all concerns.
  const seen = [...new Set(all.flatMap((x) => x.signs))].sort();
  expect(signs.rows.map((x) => x.key).sort(), `${label} signs seen`).toEqual(seen);
  for (const s of [...seen, 'total']) {
    const these = s === 'total' ? all : all.filter((x) => x.signs.includes(s));
    const v = rowOf(signs, s).values;
    expectCell(v[0], these.length, `${label} sign ${s} concerns`);
    expectCell(
      v[1],
      (
        await pupilsOf(
          these.map((x) => x.id),
          c,
        )
      ).length,
      `${label} sign ${s} pupils`,
    );
  }

  // Routes.
  expect(routes.rows.map((x) => x.key)).toEqual([...CONCERN_ROUTES]);
  for (const k of [...CONCERN_ROUTES, 'total']) {
    const these = k === 'total' ? all : all.filter((x) => x.route === k);
    const v = rowOf(routes, k).values;
    expectCell(v[0], these.length, `${label} route ${k} concerns`);
    expectCell(
      v[1],
      (
        await pupilsOf(
          these.map((x) => x.id),
          c,
        )
      ).length,
      `${label} route ${k} pupils`,
    );
  }

  // Acknowledgement: medians and longest worked out here.
  for (const k of ['urgent', 'other', 'total']) {
    const these = k === 'total' ? all : all.filter((x) => x.urgent === (k === 'urgent'));
    const hours = these.filter((x) => x.hours !== null).map((x) => Number(x.hours));
    const v = rowOf(ack, k).values;
    expectCell(v[0], these.length, `${label} ack ${k} concerns`);
    expectCell(v[1], hours.length, `${label} ack ${k} acknowledged`);
    expectCell(v[2], median(hours), `${label} ack ${k} median`);
    expectCell(v[3], hours.length > 0 ? Math.max(...hours) : null, `${label} ack ${k} longest`);
    expectCell(v[4], these.length - hours.length, `${label} ack ${k} waiting`);
  }
  return all.length;
}

async function log(by: TestClient, schoolId: string, pupilIds: string[], over: Record<string, unknown> = {}) {
  const res = await by.post<{ id: string }>(`/api/schools/${schoolId}/concerns`, {
    submissionKey: randomUUID(),
    pupilIds,
    occurredAt: new Date(env.clock.now().getTime() - 30 * 60_000).toISOString(),
    location: 'Form room',
    account: 'Seemed very low in registration.',
    pupilWords: '',
    warningSigns: ['sleep_routine', 'withdrawal'],
    othersPresent: '',
    riskOfImmediateHarm: false,
    possibleChildProtection: false,
    medicalEmergency: false,
    ...over,
  });
  expect(res.status, res.text).toBe(201);
  return res.body.id;
}

beforeAll(async () => {
  env = await createTestEnv();
  const today = env.clock.now().toISOString().slice(0, 10);
  const from = `${Number(today.slice(5, 7)) >= 9 ? today.slice(0, 4) : Number(today.slice(0, 4)) - 1}-09-01`;
  request = (o = {}) => ({
    schoolIds: [env.world.kingsmead, env.world.willow],
    from,
    to: today,
    asOf: today,
    now: env.clock.now(),
    yearGroup: null,
    characteristic: null,
    ...o,
  });
  // Willowbrook has no demo concerns: two, one with two pupils, one acknowledged.
  const db = env.deps.database.db;
  const willowPupils = await db
    .select({ id: pupils.id })
    .from(pupils)
    .where(and(eq(pupils.schoolId, env.world.willow)))
    .limit(3);
  const otherHead = await env.as('otherHead');
  await log(otherHead, env.world.willow, [willowPupils[0]!.id, willowPupils[1]!.id], {
    warningSigns: ['achievement'],
  });
  const second = await log(otherHead, env.world.willow, [willowPupils[2]!.id], { warningSigns: [] });
  env.clock.advance(90 * 60_000);
  const ack = await (await env.as('otherHead')).post(`/api/schools/${env.world.willow}/concerns/${second}/acknowledge`);
  expect(ack.status, ack.text).toBeLessThan(300);
});
afterAll(async () => {
  await env.close();
});

describe('concerns figures', () => {
  it.each(CASES.map((c) => [c.name, c] as const))(
    'agree cell by cell with queries written here: %s',
    async (_name, c) => {
      const r = request({ yearGroup: c.yearGroup, characteristic: c.characteristic });
      const out = await concernReport.figures(env.deps.database.db, r, { combined: true });
      expect([...out.keys()]).toEqual([env.world.kingsmead, env.world.willow, 'all']);
      const k = await checkGroup(out.get(env.world.kingsmead)!, [env.world.kingsmead], r, c, 'Kingsmead');
      const w = await checkGroup(out.get(env.world.willow)!, [env.world.willow], r, c, 'Willowbrook');
      const a = await checkGroup(out.get('all')!, [env.world.kingsmead, env.world.willow], r, c, 'all');
      expect(a).toBe(k + w);
      if (c.yearGroup === null && c.characteristic === null) {
        expect(k).toBeGreaterThan(0);
        expect(w).toBe(2);
      }
    },
  );

  it('for one school alone, gives that school only, and the description says the days', async () => {
    const r = request({ schoolIds: [env.world.willow] });
    const out = await concernReport.figures(env.deps.database.db, r, { combined: false });
    expect([...out.keys()]).toEqual([env.world.willow]);
    const [monthly] = out.get(env.world.willow)!;
    expect(monthly!.description).toMatch(/^Concerns logged from 1 September to \d+ \w+ \d{4}, outside the restricted/);
  });

  it('never counts a concern in the restricted safeguarding record', async () => {
    const r = request();
    const before = await concernReport.figures(env.deps.database.db, r, { combined: true });
    const kingsmeadPupil = await env.deps.database.db
      .select({ id: pupils.id })
      .from(pupils)
      .where(eq(pupils.schoolId, env.world.kingsmead))
      .limit(1);
    const id = await log(await env.as('tutor'), env.world.kingsmead, [kingsmeadPupil[0]!.id], {
      possibleChildProtection: true,
      warningSigns: ['physical_harm'],
    });
    const [row] = await q<{ restricted: boolean }>('select restricted from concerns where id = $1', [id]);
    expect(row!.restricted).toBe(true);
    const after = await concernReport.figures(env.deps.database.db, request({ now: env.clock.now() }), {
      combined: true,
    });
    expect(after).toEqual(before);
  });

  it('lists the pupils behind a warning sign and a route (drill-down), with the same filters', async () => {
    const db = env.deps.database.db;
    for (const c of CASES) {
      const r = {
        ...request({ yearGroup: c.yearGroup, characteristic: c.characteristic }),
        schoolId: env.world.kingsmead,
      };
      const all = await counted([env.world.kingsmead], r, c);
      const sign = 'sleep_routine';
      expect(((await concernReport.drill(db, r, 'concerns.warningSigns', sign)) ?? []).sort()).toEqual(
        await pupilsOf(
          all.filter((x) => x.signs.includes(sign)).map((x) => x.id),
          c,
        ),
      );
      expect(((await concernReport.drill(db, r, 'concerns.routes', 'mental_health_lead')) ?? []).sort()).toEqual(
        await pupilsOf(
          all.filter((x) => x.route === 'mental_health_lead').map((x) => x.id),
          c,
        ),
      );
    }
    const r = { ...request(), schoolId: env.world.kingsmead };
    expect(await concernReport.drill(db, r, 'concerns.routes', 'nowhere')).toEqual([]);
    expect(await concernReport.drill(db, r, 'levels.now', 'MH3')).toBeNull();
  });
});
