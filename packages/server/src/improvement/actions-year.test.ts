/**
 * The action plan over time: unfinished actions carried into a new self-assessment's plan, the
 * owner reminded once when an action is overdue, and the plan printed for governors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { alerts, auditEvents } from '@tandem/core/schema';
import type { ActionPlan, MyWork } from '@tandem/core';
import { createTestEnv, PEOPLE, type TestClient, type TestEnv } from '../../test/harness';
import { pageTexts } from '../../test/pdf-text';
import { runDueJobs } from '../platform/jobs';
import { carryForwardActions } from './actions.carry';
import { countyStatements, dayFrom, insertAssessment } from './actions.test-helpers';

let env: TestEnv;
let smhl: TestClient;

const school = () => `/api/schools/${env.world.kingsmead}`;

async function add(title: string, owner: 'tutor' | 'dsl' = 'dsl', dueIn = 20) {
  const res = await smhl.post<{ id: string }>(`${school()}/improvement-actions`, {
    areaKey: countyStatements().first.areaKey,
    statementKey: null,
    title,
    successCriteria: 'Governors see the evidence at the summer meeting.',
    ownerUserId: env.world.userId(owner),
    dueOn: dayFrom(env, dueIn),
  });
  expect(res.status, res.text).toBe(201);
  return res.body.id;
}

const allActions = (plan: ActionPlan) => plan.areas.flatMap((a) => a.actions);

beforeAll(async () => {
  env = await createTestEnv();
  smhl = await env.as('smhl');
});

afterAll(async () => {
  await env.close();
});

describe('year on year', () => {
  it('carries unfinished actions into the new assessment’s plan, marked with where they came from', async () => {
    const oldId = await insertAssessment(env, { periodLabel: 'Carry 2025 to 2026', startedOn: dayFrom(env, -1) });
    const open = await add('Train every tutor in emotion coaching');
    const finished = await add('Map the quiet spaces in school');
    const done = await smhl.post(`${school()}/improvement-actions/${finished}/progress`, {
      note: 'Map shared with staff.',
      status: 'done',
    });
    expect(done.status).toBe(200);

    const newId = await insertAssessment(env, { periodLabel: 'Carry 2026 to 2027' });
    const moved = await carryForwardActions(env.deps.database.db, {
      schoolId: env.world.kingsmead,
      toAssessmentId: newId,
      at: env.clock.now(),
    });
    expect(moved).toBeGreaterThanOrEqual(1);

    const plan = (await smhl.get<ActionPlan>(`${school()}/action-plan`)).body;
    expect(plan.assessment?.id).toBe(newId);
    const carried = allActions(plan).find((a) => a.id === open);
    expect(carried?.carriedFrom).toBe('Carry 2025 to 2026');
    expect(allActions(plan).some((a) => a.id === finished)).toBe(false);

    const earlier = await smhl.get<ActionPlan>(`${school()}/action-plan?assessmentId=${oldId}`);
    expect(earlier.status).toBe(200);
    expect(allActions(earlier.body).map((a) => a.id)).toContain(finished);
    expect(plan.assessments.map((a) => a.id)).toEqual(expect.arrayContaining([oldId, newId]));

    const otherHead = await env.as('otherHead');
    expect((await otherHead.get(`/api/schools/${env.world.willow}/action-plan?assessmentId=${oldId}`)).status).toBe(
      404,
    );
  });
});

describe('overdue reminders', () => {
  it('alerts the owner once when an unfinished action passes its due date', async () => {
    const id = await add('Run a staff wellbeing drop-in each half term', 'tutor', 3);
    const tutorId = env.world.userId('tutor');
    const overdueAlerts = () =>
      env.deps.database.db
        .select()
        .from(alerts)
        .where(and(eq(alerts.userId, tutorId), eq(alerts.kind, 'action_overdue')));
    // Anything already overdue (the demo's own actions) is reminded of first.
    await runDueJobs(env.deps);
    const before = (await overdueAlerts()).length;
    await runDueJobs(env.deps);
    expect((await overdueAlerts()).length).toBe(before);

    env.clock.advance(5 * 86_400_000);
    await runDueJobs(env.deps);
    expect((await overdueAlerts()).length).toBe(before + 1);
    const mail = await env.smtp.messagesTo(PEOPLE.tutor);
    expect(mail.some((m) => m.subject.includes('overdue'))).toBe(true);
    expect(mail.map((m) => m.text).join('\n')).not.toContain('drop-in');

    await runDueJobs(env.deps);
    expect((await overdueAlerts()).length).toBe(before + 1);

    const tutor = await env.as('tutor');
    const work = await tutor.get<MyWork>(`${school()}/my-work`);
    expect(work.body.actionsDue.find((a) => a.actionId === id)?.overdue).toBe(true);

    // A new due date is reminded of afresh once it too has passed.
    smhl = await env.as('smhl');
    const version = (await smhl.get<{ action: { version: number } }>(`${school()}/improvement-actions/${id}`)).body
      .action.version;
    const moved = await smhl.patch(`${school()}/improvement-actions/${id}`, { dueOn: dayFrom(env, 2), version });
    expect(moved.status, moved.text).toBe(200);
    await runDueJobs(env.deps);
    expect((await overdueAlerts()).length).toBe(before + 1);
    env.clock.advance(3 * 86_400_000);
    await runDueJobs(env.deps);
    expect((await overdueAlerts()).length).toBe(before + 2);
  });
});

describe('the plan printed for governors', () => {
  it('prints the school, the period and the actions for the lead, audited; refuses others', async () => {
    smhl = await env.as('smhl'); // the clock moved on past the last session
    await add('Publish the wellbeing offer to parents');
    const res = await smhl.get(`${school()}/action-plan.pdf`);
    expect(res.status, res.text).toBe(200);
    expect(String(res.headers['content-type'])).toContain('application/pdf');
    const text = pageTexts(res.raw).join(' ');
    expect(text).toContain('Publish the wellbeing offer to parents');
    expect(text).toContain('Kingsmead');
    expect(text).toContain('Carry 2026 to 2027');
    const printed = await env.deps.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'action.plan_printed'));
    expect(printed.length).toBeGreaterThanOrEqual(1);

    const dsl = await env.as('dsl');
    expect((await dsl.get(`${school()}/action-plan.pdf`)).status).toBe(403);
    const head = await env.as('head');
    expect((await head.get(`${school()}/action-plan.pdf`)).status).toBe(200);
    const otherHead = await env.as('otherHead');
    expect((await otherHead.get(`${school()}/action-plan.pdf`)).status).toBe(404);
  });
});
