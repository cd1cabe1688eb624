/**
 * Action-plan actions open and overdue against independent SQL written here, today and on a past
 * day (status then from the progress notes), per school and for the schools together.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { londonToday } from '@tandem/core';
import { createTestEnv, type TestEnv } from '../../test/harness';
import type { ReportRequest } from '../platform/registries';
import { sqlRows } from '../platform/report-figures';
import { actionReport } from './actions.report';

let env: TestEnv;
let yesterday: string;
let finished: string;
const DAY = 86_400_000;

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

/** Open and overdue actions of one school on the day. */
async function expected(school: string, r: ReportRequest): Promise<[number, number]> {
  const d = `'${r.asOf}'::date`;
  const status =
    r.asOf >= londonToday(r.now)
      ? 'a.status'
      : `coalesce((select n.status_after from improvement_action_notes n where n.action_id = a.id
          and n.written_at::date <= ${d} order by n.written_at desc limit 1), 'not_started')`;
  const open = `a.school_id = '${school}' and a.created_at::date <= ${d} and ${status} not in ('done', 'dropped')`;
  return [
    await count(`select count(*) n from improvement_actions a where ${open}`),
    await count(`select count(*) n from improvement_actions a where ${open} and a.due_on < ${d}`),
  ];
}

async function check(r: ReportRequest) {
  const got = await actionReport.figures(env.deps.database.db, r, { combined: true });
  expect([...got.keys()]).toEqual([...r.schoolIds, 'all']);
  let sum: [number, number] = [0, 0];
  for (const school of r.schoolIds) {
    const [f] = got.get(school)!;
    expect(f!.key).toBe('improvement.actionsOverdue');
    const e = await expected(school, r);
    expect(f!.rows.map((x) => [x.key, ...x.values])).toEqual([['all', ...e]]);
    sum = [sum[0] + e[0], sum[1] + e[1]];
  }
  expect(got.get('all')![0]!.rows[0]!.values).toEqual(sum);
  return got;
}

beforeAll(async () => {
  env = await createTestEnv();
  env.clock.advance(DAY);
  yesterday = londonToday(new Date(env.clock.now().getTime() - DAY));
  const smhl = await env.as('smhl');
  const res = await sqlRows<{ id: string }>(
    env.deps.database.db,
    sql`select id from improvement_actions where school_id = ${env.world.kingsmead} and status in ('not_started', 'in_progress') order by due_on limit 1`,
  );
  finished = res[0]!.id;
  const done = await smhl.post(`/api/schools/${env.world.kingsmead}/improvement-actions/${finished}/progress`, {
    note: 'Finished and shared with staff.',
    status: 'done',
  });
  expect(done.status).toBe(200);
});
afterAll(async () => env?.close());

describe('actions report', () => {
  it('agrees with independent counts today and on past days', async () => {
    const now = await check(request());
    const then = await check(request({ asOf: yesterday, to: yesterday }));
    // The action finished today was open yesterday.
    expect(then.get(env.world.kingsmead)![0]!.rows[0]!.values[0]).toBe(
      (now.get(env.world.kingsmead)![0]!.rows[0]!.values[0] as number) + 1,
    );
    await check(request({ asOf: '2026-10-01', to: '2026-10-01' }));
  });

  it('ignores the pupil filters, and lists no pupils', async () => {
    const db = env.deps.database.db;
    const all = await actionReport.figures(db, request(), { combined: true });
    const filtered = await actionReport.figures(db, request({ yearGroup: 7, characteristic: 'eal' }), {
      combined: true,
    });
    expect(filtered).toEqual(all);
    const r = { ...request(), schoolId: env.world.kingsmead };
    expect(await actionReport.drill(db, r, 'improvement.actionsOverdue', 'all')).toEqual([]);
    expect(await actionReport.drill(db, r, 'plans.reviewsOverdue', 'care')).toBeNull();
  });
});
