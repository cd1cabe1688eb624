/** The demo's provision, as the head and the DSL see it: two timetables (one past its end), two places, a missed visit. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { reducedTimetables, schools, users } from '@tandem/core/schema';
import type { ProvisionListResponse, PupilProvisionResponse } from '@tandem/core';
import { createTestEnv, type TestEnv } from '../../test/harness';
import { seedDemoProvision } from '../demo/demo-provision';

let env: TestEnv;

beforeAll(async () => {
  env = await createTestEnv();
  const db = env.deps.database.db;
  const schoolRows = await db.select().from(schools);
  const userRows = await db.select().from(users);
  const kingsmead = schoolRows.find((s) => s.name.startsWith('Kingsmead'))!.id;
  // Once the demo seeds its provision itself, the template has it already.
  if ((await db.select().from(reducedTimetables)).length > 0) return;
  await db.transaction(async (tx) => {
    await seedDemoProvision(tx, {
      schoolIds: new Map([['kingsmead', kingsmead]]),
      userIds: new Map(userRows.map((u) => [u.email, u.id])),
      now: env.clock.now(),
    });
  });
});
afterAll(() => env.close());

it('lists two reduced timetables, one past its end, and two pupils taught elsewhere, one with a visit overdue', async () => {
  const head = await env.as('head');
  const list = await head.get<ProvisionListResponse>(`/api/schools/${env.world.kingsmead}/provision`);
  expect(list.status).toBe(200);
  expect(list.body.counts).toEqual({ timetables: 2, pastEnd: 1, elsewhere: 2 });
  const third = list.body.rows.find((r) => r.detail.startsWith('Hospital school'))!;
  const dsl = await env.as('dsl');
  const p = await dsl.get<PupilProvisionResponse>(
    `/api/schools/${env.world.kingsmead}/pupils/${third.pupilId}/provision`,
  );
  expect(p.body.schedule?.overdue).toBe(true);
  expect(p.body.visits).toHaveLength(1);
  const inWeek3 = list.body.rows.find((r) => r.what === 'timetable' && !r.pastEnd)!;
  expect(inWeek3.weeksSoFar).toBe(2);
});
