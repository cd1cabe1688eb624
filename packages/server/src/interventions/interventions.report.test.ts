/**
 * The interventions' report figures on the demo trust, each cell checked against what is worked
 * out here from the rows themselves (waits and medians in the test, pairs judged with outcomes.ts's
 * own rule on the measures of core), for each school and both together, with and without pupil
 * filters, and the pupils behind "waiting".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  builtinMeasure,
  median,
  type Characteristic,
  type CellValue,
  type Figure,
  type ScoreResult,
} from '@tandem/core';
import { createTestEnv, type TestEnv } from '../../test/harness';
import type { ReportRequest } from '../platform/registries';
import { pairImproved } from './outcomes';
import { interventionReport } from './interventions.report';

let env: TestEnv;
let request: (o?: Partial<ReportRequest>) => ReportRequest;

interface Case {
  name: string;
  yearGroup: number | null;
  characteristic: Characteristic | null;
}
const CASES: Case[] = [
  { name: 'every pupil', yearGroup: null, characteristic: null },
  { name: 'Year 8', yearGroup: 8, characteristic: null },
  { name: 'pupil premium', yearGroup: null, characteristic: 'pupil_premium' },
];

function pupilWhere(c: Case): string {
  const parts = ['true'];
  if (c.yearGroup !== null) parts.push(`p.year_group = ${c.yearGroup}`);
  if (c.characteristic === 'pupil_premium') parts.push('p.pupil_premium');
  return parts.join(' and ');
}

async function q<T>(text: string, params: unknown[]): Promise<T[]> {
  return env.deps.database.raw<T>(text, params);
}

const arr = (ids: string[]) => `{${ids.join(',')}}`;
const DAY = 86_400_000;

interface Expected {
  waiting: number;
  started: number;
  waits: number[];
  attended: number;
  marks: number;
  pairs: number;
  improved: number;
}

/** Each intervention's figures worked out here, and the interventions shown. */
async function expected(schools: string[], r: ReportRequest, c: Case) {
  const interventions = await q<{ id: string; name: string; status: string }>(
    'select id::text, name, status from interventions where school_id = any($1::uuid[])',
    [arr(schools)],
  );
  const by = new Map<string, Expected>(
    interventions.map((i) => [
      i.id,
      { waiting: 0, started: 0, waits: [], attended: 0, marks: 0, pairs: 0, improved: 0 },
    ]),
  );
  const places = await q<{
    id: string;
    intervention_id: string;
    status: string;
    requested_at: Date;
    allocated_at: Date | null;
  }>(
    `select pl.id::text, pl.intervention_id::text, pl.status, pl.requested_at, pl.allocated_at
     from intervention_places pl, pupils p
     where p.id = pl.pupil_id and pl.school_id = any($1::uuid[]) and ${pupilWhere(c)}`,
    [arr(schools)],
  );
  for (const p of places) {
    const e = by.get(p.intervention_id)!;
    if (p.status === 'waiting') e.waiting++;
    const allocated = p.allocated_at ? new Date(p.allocated_at) : null;
    const day = allocated?.toISOString().slice(0, 10);
    if (allocated && day! >= r.from && day! <= r.to) {
      e.started++;
      e.waits.push(Math.floor((allocated.getTime() - new Date(p.requested_at).getTime()) / DAY));
    }
  }
  const marks = await q<{ intervention_id: string; attended: number; marks: number }>(
    `select s.intervention_id::text,
       sum(case when a.attendance = 'attended' then 1 else 0 end)::int as attended, count(*)::int as marks
     from intervention_sessions s
     join intervention_attendance a on a.session_id = s.id
     where s.school_id = any($1::uuid[]) and s.held_on between $2::date and $3::date
       and a.place_id in (select pl.id from intervention_places pl join pupils p on p.id = pl.pupil_id where ${pupilWhere(c)})
     group by s.intervention_id`,
    [arr(schools), r.from, r.to],
  );
  for (const m of marks) {
    by.get(m.intervention_id)!.attended += m.attended;
    by.get(m.intervention_id)!.marks += m.marks;
  }
  const scored = await q<{
    place_id: string;
    intervention_id: string;
    timepoint: string;
    measure_key: string;
    measure_version: number;
    scores: ScoreResult[];
  }>(
    `select q.place_id::text, pl.intervention_id::text, q.timepoint, q.measure_key, q.measure_version, q.scores
     from questionnaires q
     join intervention_places pl on pl.id = q.place_id
     join pupils p on p.id = pl.pupil_id
     where q.school_id = any($1::uuid[]) and q.status = 'complete' and q.timepoint in ('baseline', 'follow_up')
       and pl.ended_at::date between $2::date and $3::date and ${pupilWhere(c)}`,
    [arr(schools), r.from, r.to],
  );
  const pairs = new Map<string, { interventionId: string; b?: (typeof scored)[number]; a?: (typeof scored)[number] }>();
  for (const s of scored) {
    const e = pairs.get(s.place_id) ?? { interventionId: s.intervention_id };
    if (s.timepoint === 'baseline') e.b = s;
    else e.a = s;
    pairs.set(s.place_id, e);
  }
  for (const p of pairs.values()) {
    if (!p.a || !p.b || p.a.measure_key !== p.b.measure_key) continue;
    const measure = builtinMeasure(p.b.measure_key);
    if (!measure || measure.version !== p.b.measure_version) continue;
    const judged = pairImproved(measure, p.b.scores, p.a.scores);
    if (judged === null) continue;
    by.get(p.interventionId)!.pairs++;
    if (judged) by.get(p.interventionId)!.improved++;
  }
  const shown = interventions.filter((i) => {
    const e = by.get(i.id)!;
    return i.status !== 'retired' || e.waiting + e.started + e.marks + e.pairs > 0;
  });
  const total: Expected = {
    waiting: 0,
    started: 0,
    waits: [],
    attended: 0,
    marks: 0,
    pairs: 0,
    improved: 0,
  };
  for (const e of by.values()) {
    total.waiting += e.waiting;
    total.started += e.started;
    total.waits.push(...e.waits);
    total.attended += e.attended;
    total.marks += e.marks;
    total.pairs += e.pairs;
    total.improved += e.improved;
  }
  return { by, shown, total };
}

function cellsOf(e: Expected): (number | null)[] {
  return [
    e.waiting,
    e.started,
    median(e.waits),
    e.waits.length > 0 ? Math.max(...e.waits) : null,
    e.attended,
    e.marks,
    e.marks > 0 ? e.attended / e.marks : null,
    e.pairs,
    e.improved,
    e.pairs > 0 ? e.improved / e.pairs : null,
  ];
}

function expectCells(actual: readonly CellValue[], expectedCells: (number | null)[], what: string) {
  expect(actual.length, what).toBe(expectedCells.length);
  expectedCells.forEach((x, i) => {
    if (x === null) expect(actual[i], `${what} [${i}]`).toBeNull();
    else expect(actual[i] as number, `${what} [${i}]`).toBeCloseTo(x, 6);
  });
}

async function checkGroup(figures: Figure[], schools: string[], r: ReportRequest, c: Case, label: string) {
  expect(figures.map((f) => f.key)).toEqual([...interventionReport.keys]);
  const [byIntervention, summary] = figures as [Figure, Figure];
  const { by, shown, total } = await expected(schools, r, c);
  expect(byIntervention.rows.map((x) => x.key).sort(), `${label} rows`).toEqual(shown.map((i) => i.id).sort());
  for (const row of byIntervention.rows) {
    expect(row.label).toBe(shown.find((i) => i.id === row.key)!.name);
    expectCells(row.values, cellsOf(by.get(row.key)!), `${label} ${row.label}`);
  }
  expectCells(byIntervention.total!.values, cellsOf(total), `${label} whole school`);
  expect(summary.rows.map((x) => x.key)).toEqual(['all']);
  expectCells(summary.rows[0]!.values, cellsOf(total), `${label} summary`);
  expect(summary.total).toBeNull();
  return total;
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
});
afterAll(async () => {
  await env.close();
});

describe('interventions figures', () => {
  it.each(CASES.map((c) => [c.name, c] as const))(
    'agree cell by cell with what is worked out here: %s',
    async (_name, c) => {
      const r = request({ yearGroup: c.yearGroup, characteristic: c.characteristic });
      const out = await interventionReport.figures(env.deps.database.db, r, { combined: true });
      expect([...out.keys()]).toEqual([env.world.kingsmead, env.world.willow, 'all']);
      const k = await checkGroup(out.get(env.world.kingsmead)!, [env.world.kingsmead], r, c, 'Kingsmead');
      await checkGroup(out.get(env.world.willow)!, [env.world.willow], r, c, 'Willowbrook');
      const a = await checkGroup(out.get('all')!, [env.world.kingsmead, env.world.willow], r, c, 'all');
      if (c.yearGroup === null && c.characteristic === null) {
        // The demo has pupils waiting, places given, sessions marked and before-and-after pairs.
        expect(k.waiting).toBeGreaterThan(0);
        expect(k.started).toBeGreaterThan(0);
        expect(k.marks).toBeGreaterThan(0);
        expect(k.pairs).toBeGreaterThan(0);
        expect(a.waiting).toBeGreaterThanOrEqual(k.waiting);
      }
    },
  );

  it('over days before anything happened, counts only who was waiting then', async () => {
    const r = request({ from: '2020-09-01', to: '2020-12-31', asOf: '2020-12-31' });
    const out = await interventionReport.figures(env.deps.database.db, r, { combined: false });
    const [byIntervention, summary] = out.get(env.world.kingsmead)!;
    expect(summary!.rows[0]!.values).toEqual([0, 0, null, null, 0, 0, null, 0, 0, null]);
    expect(byIntervention!.rows.length).toBeGreaterThan(0);
    expect(summary!.description).toContain('31 December 2020');
  });

  it('lists the pupils waiting (drill-down), for an intervention and the whole school', async () => {
    const db = env.deps.database.db;
    for (const c of CASES) {
      const r = {
        ...request({ yearGroup: c.yearGroup, characteristic: c.characteristic }),
        schoolId: env.world.kingsmead,
      };
      const waiting = await q<{ pupil_id: string; intervention_id: string }>(
        `select pl.pupil_id::text, pl.intervention_id::text from intervention_places pl join pupils p on p.id = pl.pupil_id
         where pl.school_id = $1 and pl.status = 'waiting' and ${pupilWhere(c)}`,
        [env.world.kingsmead],
      );
      const one = waiting[0]?.intervention_id;
      if (one) {
        expect(((await interventionReport.drill(db, r, 'interventions.byIntervention', one)) ?? []).sort()).toEqual(
          waiting
            .filter((w) => w.intervention_id === one)
            .map((w) => w.pupil_id)
            .sort(),
        );
      }
      expect(((await interventionReport.drill(db, r, 'interventions.summary', 'all')) ?? []).sort()).toEqual(
        [...new Set(waiting.map((w) => w.pupil_id))].sort(),
      );
    }
    const r = { ...request(), schoolId: env.world.kingsmead };
    expect(await interventionReport.drill(db, r, 'interventions.byIntervention', 'nothing')).toEqual([]);
    expect(await interventionReport.drill(db, r, 'concerns.routes', 'dsl')).toBeNull();
  });
});
