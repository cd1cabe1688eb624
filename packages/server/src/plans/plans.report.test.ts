/**
 * Plan reviews overdue against independent SQL written here: each cell counted by its own query
 * per school and kind, the schools together as the sum.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { PLAN_KINDS, londonToday, type Characteristic } from '@tandem/core';
import { createTestEnv, type TestEnv } from '../../test/harness';
import type { ReportRequest } from '../platform/registries';
import { sqlRows } from '../platform/report-figures';
import { planReport } from './plans.report';

let env: TestEnv;
const DAY = 86_400_000;
const PAST = '2026-11-20';

const CHARS: Partial<Record<Characteristic, string>> = { pupil_premium: 'p.pupil_premium', send: "p.send <> 'none'" };

async function count(q: string): Promise<number> {
  const res = await sqlRows<{ n: number | string }>(env.deps.database.db, sql.raw(q));
  return Number(res[0]?.n ?? 0);
}

function request(over: Partial<ReportRequest> = {}): ReportRequest {
  const today = londonToday(env.clock.now());
  return {
    schoolIds: [env.world.kingsmead, env.world.willow],
    from: '2026-09-01',
    to: today,
    asOf: today,
    now: env.clock.now(),
    yearGroup: null,
    characteristic: null,
    ...over,
  };
}

/** Plans of one school and kind in force on the day, of pupils on roll then in the group; and those overdue. */
async function expected(school: string, kind: string, r: ReportRequest): Promise<[number, number]> {
  const d = `'${r.asOf}'::date`;
  const today = r.asOf >= londonToday(r.now);
  const due = today
    ? 'pl.review_due'
    : `coalesce((select v.next_review_on from plan_reviews v where v.plan_id = pl.id and v.reviewed_on <= ${d}
        and v.recorded_at::date <= ${d} order by v.reviewed_on desc, v.recorded_at desc limit 1), pl.review_due)`;
  const pupil = [
    `p.created_at::date <= ${d}`,
    `(p.left_on is null or p.left_on > ${d})`,
    r.yearGroup === null ? 'true' : `p.year_group = ${r.yearGroup}`,
    r.characteristic === null ? 'true' : CHARS[r.characteristic]!,
  ].join(' and ');
  const where = `pl.school_id = '${school}' and pl.kind = '${kind}' and pl.created_at::date <= ${d}
    and (pl.ended_at is null or pl.ended_at::date > ${d})
    and exists (select 1 from pupils p where p.id = pl.pupil_id and ${pupil})`;
  return [
    await count(`select count(*) n from plans pl where ${where}`),
    await count(`select count(*) n from plans pl where ${where} and ${due} < ${d}`),
  ];
}

async function check(r: ReportRequest) {
  const got = await planReport.figures(env.deps.database.db, r, { combined: true });
  expect([...got.keys()]).toEqual([...r.schoolIds, 'all']);
  const sums = new Map<string, [number, number]>();
  for (const school of r.schoolIds) {
    const [f] = got.get(school)!;
    expect(f!.key).toBe('plans.reviewsOverdue');
    expect(f!.rows.map((x) => x.key)).toEqual([...PLAN_KINDS]);
    let total: [number, number] = [0, 0];
    for (const x of f!.rows) {
      const e = await expected(school, x.key, r);
      expect(x.values).toEqual(e);
      total = [total[0] + e[0], total[1] + e[1]];
      const s = sums.get(x.key) ?? [0, 0];
      sums.set(x.key, [s[0] + e[0], s[1] + e[1]]);
    }
    expect(f!.total!.values).toEqual(total);
  }
  const [all] = got.get('all')!;
  for (const x of all!.rows) expect(x.values).toEqual(sums.get(x.key));
  const total = [...sums.values()].reduce((a, s) => [a[0] + s[0], a[1] + s[1]], [0, 0]);
  expect(all!.total!.values).toEqual(total);
  return got;
}

beforeAll(async () => {
  env = await createTestEnv();
  const smhl = await env.as('smhl');
  const school = `/api/schools/${env.world.kingsmead}`;
  const pupils = await sqlRows<{ id: string }>(
    env.deps.database.db,
    sql`select id from pupils where school_id = ${env.world.kingsmead} and year_group = 7 and pupil_premium order by upn limit 2`,
  );
  const day = (n: number) => new Date(env.clock.now().getTime() + n * DAY).toISOString().slice(0, 10);
  // Two risk assessments due for review in three days; one ends.
  const made: string[] = [];
  for (const p of pupils) {
    const res = await smhl.post<{ id: string }>(`${school}/pupils/${p.id}/plans`, {
      kind: 'risk',
      content: {
        sections: {
          risks: 'May leave the site when overwhelmed.',
          triggers: 'Loud corridors.',
          staffMust: 'Let them leave two minutes early.',
          homeDoes: 'Parents text the office after hard mornings.',
        },
      },
      reviewDue: day(3),
      submissionKey: randomUUID(),
    });
    expect(res.status).toBe(201);
    made.push(res.body.id);
  }
  const ended = await smhl.post(`${school}/plans/${made[1]}/end`, { version: 1, reason: 'Risk has passed' });
  expect(ended.status).toBe(200);
  env.clock.advance(10 * DAY);
});
afterAll(async () => env?.close());

describe('plans report', () => {
  it('agrees with independent counts today, on a past day, and for a year group or characteristic', async () => {
    const got = await check(request());
    const risk = got.get(env.world.kingsmead)![0]!.rows.find((x) => x.key === 'risk')!;
    expect(risk.values[1]).toBeGreaterThanOrEqual(1);
    await check(request({ asOf: PAST, to: PAST }));
    await check(request({ yearGroup: 7 }));
    await check(request({ characteristic: 'pupil_premium' }));
    await check(request({ characteristic: 'send', yearGroup: 9, asOf: PAST, to: PAST }));
  });

  it('lists the pupils whose plan review is overdue', async () => {
    const db = env.deps.database.db;
    const r = { ...request(), schoolId: env.world.kingsmead };
    for (const kind of PLAN_KINDS) {
      const res = await sqlRows<{ pupil_id: string }>(
        db,
        sql.raw(`select distinct pl.pupil_id from plans pl join pupils p on p.id = pl.pupil_id
          where pl.school_id = '${r.schoolId}' and pl.kind = '${kind}' and pl.ended_at is null
            and pl.review_due < '${r.asOf}' and p.left_on is null order by 1`),
      );
      expect(((await planReport.drill(db, r, 'plans.reviewsOverdue', kind)) ?? []).sort()).toEqual(
        res.map((x) => x.pupil_id).sort(),
      );
    }
    expect(await planReport.drill(db, r, 'plans.reviewsOverdue', 'other')).toEqual([]);
    expect(await planReport.drill(db, r, 'levels.now', 'MH1')).toBeNull();
  });
});
