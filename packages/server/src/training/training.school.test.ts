/**
 * The lead's school view of training, with the clock: missing training for a DSL, renewals coming
 * due and overdue, what awaits confirmation, gaps by role, the filters and the CSV; each person's
 * "my work"; and the figures a self-assessment may cite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents, trainingRecords } from '@tandem/core/schema';
import { addDaysTo, londonToday, type MyWork, type SchoolTraining } from '@tandem/core';
import { createTestEnv, type Person, type TestClient, type TestEnv } from '../../test/harness';
import { trainingRecords as trainingFigures } from './training.records';

let env: TestEnv;
let smhl: TestClient;

const DAY = 86_400_000;
const school = () => `/api/schools/${env.world.kingsmead}`;
const today = () => londonToday(env.clock.now());

async function view(query = ''): Promise<SchoolTraining> {
  const res = await smhl.get<SchoolTraining>(`${school()}/training${query}`);
  expect(res.status, res.text).toBe(200);
  return res.body;
}
const rowOf = (v: SchoolTraining, who: Person) => v.staff.find((s) => s.userId === env.world.userId(who));
const standing = (v: SchoolTraining, who: Person, course: string) =>
  rowOf(v, who)?.courses.find((c) => c.course === course);

async function myWork(who: Person): Promise<MyWork> {
  const c = await env.as(who);
  const res = await c.get<MyWork>(`${school()}/my-work`);
  expect(res.status, res.text).toBe(200);
  return res.body;
}

async function record(by: TestClient, who: Person, course: string, completedOn: string) {
  const res = await by.post<{ id: string; version: number }>(`${school()}/training`, {
    userId: env.world.userId(who),
    course,
    completedOn,
    provider: 'Riverbank Safeguarding Partnership',
  });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

beforeAll(async () => {
  env = await createTestEnv();
  // Start from an empty record, whatever the demo holds.
  await env.deps.database.db.delete(trainingRecords);
  smhl = await env.as('smhl');
});
afterAll(async () => {
  await env.close();
});

describe('with nothing on record', () => {
  it('shows every member of staff, with what their roles need missing', async () => {
    const v = await view();
    expect(v.totalStaff).toBe(v.staff.length);
    expect(standing(v, 'tutor', 'safeguarding_level_1')?.status).toBe('missing');
    expect(standing(v, 'dsl', 'dsl_level_3')?.status).toBe('missing');
    expect(rowOf(v, 'tutor')?.courses.map((c) => c.course)).toEqual(['safeguarding_level_1']);
    expect(v.staff.some((s) => s.userId === env.world.userId('parent'))).toBe(false);
    const dslGap = v.gaps.find((g) => g.holder === 'dsl' && g.course === 'dsl_level_3');
    expect(dslGap?.counts.missing).toBeGreaterThan(0);
    expect(dslGap?.sentence).toMatch(/^DSL level 3: \d+ of \d+ DSLs? missing$/);
  });

  it('lists a DSL’s missing training on their home page, with no date', async () => {
    const work = await myWork('dsl');
    expect(work.myTrainingDue).toEqual(
      expect.arrayContaining([
        { course: 'DSL level 3', dueOn: null, overdue: false },
        { course: 'Safeguarding level 1', dueOn: null, overdue: false },
      ]),
    );
    expect(work.trainingToConfirm).toEqual([]);
  });
});

describe('renewals with the clock', () => {
  it('an overdue DSL level 3 for the deputy DSL', async () => {
    await record(smhl, 'deputyDsl', 'dsl_level_3', addDaysTo(today(), -25 * 31));
    const v = await view();
    expect(standing(v, 'deputyDsl', 'dsl_level_3')?.status).toBe('overdue');
    const work = await myWork('deputyDsl');
    expect(work.myTrainingDue.find((d) => d.course === 'DSL level 3')).toMatchObject({ overdue: true });
  });

  it('a self-recorded entry awaits the lead, on the lead’s home page, then counts once confirmed', async () => {
    const support = await env.as('support');
    const own = await support.post<{ id: string; version: number }>(`${school()}/training`, {
      course: 'safeguarding_level_1',
      completedOn: addDaysTo(today(), -3),
      provider: 'INSET',
    });
    expect(own.status).toBe(201);
    expect(standing(await view(), 'support', 'safeguarding_level_1')?.status).toBe('awaiting');
    expect((await view()).awaiting.map((a) => a.recordId)).toContain(own.body.id);
    const lead = await myWork('smhl');
    expect(lead.trainingToConfirm).toEqual([
      expect.objectContaining({
        recordId: own.body.id,
        course: 'Safeguarding and child protection for all staff, level 1',
      }),
    ]);
    expect((await myWork('tutor')).trainingToConfirm).toEqual([]);
    expect((await myWork('support')).myTrainingDue).toEqual([]);
    await smhl.post(`${school()}/training/${own.body.id}/confirm`, { version: own.body.version });
    expect(standing(await view(), 'support', 'safeguarding_level_1')?.status).toBe('up_to_date');
  });

  it('the tutor’s safeguarding: up to date, due within 60 days, then overdue', async () => {
    await record(smhl, 'tutor', 'safeguarding_level_1', addDaysTo(today(), -300));
    expect(standing(await view(), 'tutor', 'safeguarding_level_1')?.status).toBe('up_to_date');
    expect((await myWork('tutor')).myTrainingDue).toEqual([]);

    env.clock.advance(10 * DAY);
    smhl = await env.as('smhl');
    const due = standing(await view(), 'tutor', 'safeguarding_level_1');
    expect(due?.status).toBe('due');
    expect((await myWork('tutor')).myTrainingDue).toEqual([
      { course: 'Safeguarding level 1', dueOn: due?.expiresOn, overdue: false },
    ]);

    env.clock.advance(70 * DAY);
    smhl = await env.as('smhl');
    expect(standing(await view(), 'tutor', 'safeguarding_level_1')?.status).toBe('overdue');
    expect((await myWork('tutor')).myTrainingDue).toEqual([
      { course: 'Safeguarding level 1', dueOn: due?.expiresOn, overdue: true },
    ]);
  });
});

describe('filters, counts and the CSV', () => {
  it('filters by role, course and status', async () => {
    const dsls = await view('?role=deputy_dsl');
    expect(dsls.staff.map((s) => s.userId)).toContain(env.world.userId('deputyDsl'));
    expect(dsls.staff.every((s) => s.roles.includes('deputy_dsl'))).toBe(true);
    const overdue = await view('?course=dsl_level_3&status=overdue');
    expect(overdue.staff.map((s) => s.userId)).toEqual([env.world.userId('deputyDsl')]);
    expect(overdue.staff[0]?.courses.map((c) => c.course)).toEqual(['dsl_level_3']);
    expect(overdue.totalStaff).toBeGreaterThan(1);
    const all = await view();
    const safeguarding = all.counts.find((c) => c.course === 'safeguarding_level_1')?.counts;
    expect(safeguarding?.up_to_date).toBe(1);
    expect(safeguarding?.overdue).toBe(1);
    expect((await smhl.get(`${school()}/training?status=nonsense`)).status).toBe(400);
  });

  it('downloads the filtered table as CSV, and the export is audited', async () => {
    const res = await smhl.get(`${school()}/training.csv?course=dsl_level_3`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('text/csv');
    const lines = res.text.trim().split('\r\n');
    expect(lines[0]).toBe('Name,Roles,Training,Status,Completed on,Renew by');
    const deputy = lines.find((l) => l.includes('Deputy DSL') && l.includes('Overdue'));
    expect(deputy).toMatch(/DSL level 3,Overdue,\d{4}-\d{2}-\d{2},\d{4}-\d{2}-\d{2}$/);
    expect(lines.some((l) => l.includes('DSL level 3,Missing,,'))).toBe(true);
    const [audit] = await env.deps.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'training.exported'));
    expect(audit?.detail).toEqual({ rows: lines.length - 1 });
  });

  it('gives the self-assessment live figures', async () => {
    const list = await trainingFigures.list(env.deps.database.db, { schoolId: env.world.kingsmead, today: today() });
    const safeguarding = list.find((r) => r.id === 'safeguarding');
    const v = await view();
    expect(safeguarding?.label).toBe(`Safeguarding level 1: 1 of ${String(v.totalStaff)} staff up to date`);
    expect(safeguarding?.href).toBe(`/schools/${env.world.kingsmead}/whole-school/training`);
    expect(list.find((r) => r.id === 'dsl')?.label).toMatch(/^DSL level 3: 0 of \d+ staff who need it up to date$/);
  });
});
