/**
 * The action plan, told as stories for each role: the lead writes actions from low ratings, the
 * owner sees them at home and notes progress; everyone else is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import {
  assessmentRatings,
  assessments,
  auditEvents,
  improvementActionNotes,
  improvementActions,
} from '@tandem/core/schema';
import type { ActionDetail, ActionPlan, MyWork } from '@tandem/core';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness';
import { countyStatements, dayFrom, insertAssessment, rate } from './actions.test-helpers';

let env: TestEnv;
let smhl: TestClient;
let assessmentId: string;

const school = () => `/api/schools/${env.world.kingsmead}`;
const actionUrl = (id: string) => `${school()}/improvement-actions/${id}`;

function input(o: Record<string, unknown> = {}) {
  const { first } = countyStatements();
  return {
    areaKey: first.areaKey,
    statementKey: null,
    title: 'Agree a shared vision for wellbeing with pupils, staff and parents',
    successCriteria: 'The vision is on the website and every class has discussed it.',
    ownerUserId: env.world.userId('tutor'),
    dueOn: dayFrom(env, 30),
    ...o,
  };
}

async function add(body: Record<string, unknown> = {}, by = smhl) {
  const res = await by.post<{ id: string; version: number }>(`${school()}/improvement-actions`, input(body));
  expect(res.status, res.text).toBe(201);
  return res.body;
}

async function countActions() {
  const [row] = await env.deps.database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(improvementActions)
    .where(eq(improvementActions.schoolId, env.world.kingsmead));
  return row?.n ?? 0;
}

beforeAll(async () => {
  env = await createTestEnv();
  smhl = await env.as('smhl');
  assessmentId = await insertAssessment(env, { periodLabel: 'Tests 2026 to 2027' });
});

afterAll(async () => {
  await env.close();
});

describe('the lead writes an action and the owner sees it at home', () => {
  it('adds an action that the owner finds on their home page and can open', async () => {
    const { id } = await add();
    const tutor = await env.as('tutor');
    const work = await tutor.get<MyWork>(`${school()}/my-work`);
    expect(work.status).toBe(200);
    const item = work.body.actionsDue.find((a) => a.actionId === id);
    expect(item).toMatchObject({ title: input().title, overdue: false });
    const opened = await tutor.get<ActionDetail>(actionUrl(id));
    expect(opened.status, opened.text).toBe(200);
    expect(opened.body).toMatchObject({ canNote: true, canEdit: false });
    expect(opened.body.action.owner.id).toBe(env.world.userId('tutor'));

    const plan = await smhl.get<ActionPlan>(`${school()}/action-plan`);
    expect(plan.status).toBe(200);
    expect(plan.body.assessment?.id).toBe(assessmentId);
    const listed = plan.body.areas.flatMap((a) => a.actions).find((a) => a.id === id);
    expect(listed).toMatchObject({ title: input().title, status: 'not_started', carriedFrom: null });

    const [audit] = await env.deps.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, id));
    expect(audit?.action).toBe('action.added');
    expect(JSON.stringify(audit?.detail)).not.toContain('vision');
  });

  it('lets the owner note progress, and refuses anyone else with 403', async () => {
    const { id } = await add();
    const tutor = await env.as('tutor');
    const noted = await tutor.post(`${actionUrl(id)}/progress`, {
      note: 'Drafted with the school council.',
      status: 'in_progress',
    });
    expect(noted.status, noted.text).toBe(200);
    const other = await env.as('support');
    const refused = await other.post(`${actionUrl(id)}/progress`, { note: 'Not mine.', status: 'done' });
    expect(refused.status).toBe(403);
    const dsl = await env.as('dsl');
    expect((await dsl.post(`${actionUrl(id)}/progress`, { note: 'x', status: 'done' })).status).toBe(403);
    const lead = await smhl.post(`${actionUrl(id)}/progress`, { note: 'Checked in at SLT.', status: 'in_progress' });
    expect(lead.status).toBe(200);
    const detail = await smhl.get<ActionDetail>(actionUrl(id));
    expect(detail.body.action.notes.map((n) => n.note).sort()).toEqual(
      ['Checked in at SLT.', 'Drafted with the school council.'].sort(),
    );
    expect(detail.body.action.status).toBe('in_progress');
    // Someone who neither owns the action nor reads the plan cannot open it.
    expect((await other.get(actionUrl(id))).status).toBe(404);
  });

  it('lets contributors read the plan but only the lead write it', async () => {
    const dsl = await env.as('dsl');
    expect((await dsl.get(`${school()}/action-plan`)).status).toBe(200);
    expect((await dsl.post(`${school()}/improvement-actions`, input())).status).toBe(403);
    const tutor = await env.as('tutor');
    expect((await tutor.get(`${school()}/action-plan`)).status).toBe(403);
    const head = await env.as('head');
    expect((await head.post(`${school()}/improvement-actions`, input())).status).toBe(201);
  });
});

describe('another school and bad input', () => {
  it('answers 404 to another school’s staff', async () => {
    const { id } = await add();
    const otherHead = await env.as('otherHead');
    expect((await otherHead.get(`${school()}/action-plan`)).status).toBe(404);
    expect((await otherHead.get(actionUrl(id))).status).toBe(404);
    const own = `/api/schools/${env.world.willow}/improvement-actions/${id}`;
    expect((await otherHead.get(own)).status).toBe(404);
    expect((await otherHead.post(`${own}/progress`, { note: 'x', status: 'done' })).status).toBe(404);
    expect((await otherHead.patch(own, { title: 'x', version: 1 })).status).toBe(404);
  });

  it('refuses a past due date, an owner who is not staff here, and a statement of another area', async () => {
    const before = await countActions();
    const past = await smhl.post<{ error: { fields: { path: string }[] } }>(
      `${school()}/improvement-actions`,
      input({ dueOn: dayFrom(env, -1) }),
    );
    expect(past.status).toBe(400);
    expect(past.body.error.fields.map((f) => f.path)).toContain('dueOn');
    for (const owner of [env.world.userId('parent'), env.world.userId('otherTeacher')]) {
      const res = await smhl.post<{ error: { fields: { path: string }[] } }>(
        `${school()}/improvement-actions`,
        input({ ownerUserId: owner }),
      );
      expect(res.status).toBe(400);
      expect(res.body.error.fields.map((f) => f.path)).toContain('ownerUserId');
    }
    const wrongArea = await smhl.post(
      `${school()}/improvement-actions`,
      input({ areaKey: 'principles.leadership', statementKey: countyStatements().first.key }),
    );
    expect(wrongArea.status).toBe(400);
    expect((await smhl.post(`${school()}/improvement-actions`, input({ title: '  ' }))).status).toBe(400);
    expect(await countActions()).toBe(before);
  });

  it('refuses a change made from an older version with 409, and keeps the action', async () => {
    const { id, version } = await add();
    const first = await smhl.patch<{ version: number }>(actionUrl(id), { title: 'A sharper title', version });
    expect(first.status, first.text).toBe(200);
    const stale = await smhl.patch(actionUrl(id), { title: 'An older idea', version });
    expect(stale.status).toBe(409);
    const detail = await smhl.get<ActionDetail>(actionUrl(id));
    expect(detail.body.action).toMatchObject({ title: 'A sharper title', version: first.body.version });
    const tutor = await env.as('tutor');
    expect((await tutor.patch(actionUrl(id), { title: 'Mine now', version: first.body.version })).status).toBe(403);
  });
});

describe('proposed actions', () => {
  it('proposes a statement rated below established until an action answers it', async () => {
    const { first, sameArea } = countyStatements();
    await rate(env, assessmentId, first.key, 'emerging');
    const high = sameArea[1];
    if (high) await rate(env, assessmentId, high.key, 'embedded');
    const plan = await smhl.get<ActionPlan>(`${school()}/action-plan`);
    const keys = plan.body.proposed.map((p) => p.statementKey);
    expect(keys).toContain(first.key);
    if (high) expect(keys).not.toContain(high.key);

    await add({ statementKey: first.key });
    const after = await smhl.get<ActionPlan>(`${school()}/action-plan`);
    expect(after.body.proposed.map((p) => p.statementKey)).not.toContain(first.key);
    const answering = after.body.areas.flatMap((a) => a.actions).find((a) => a.statementKey === first.key);
    expect(answering?.statementText).toBe(first.text);
  });
});

describe('before any self-assessment', () => {
  it('has no plan yet, and refuses an action until a self-assessment is started', async () => {
    // Willow Brook starts afresh: whatever the demo gave it is removed.
    const db = env.deps.database.db;
    const willow = env.world.willow;
    await db.delete(improvementActionNotes).where(eq(improvementActionNotes.schoolId, willow));
    await db.delete(improvementActions).where(eq(improvementActions.schoolId, willow));
    await db.delete(assessmentRatings).where(eq(assessmentRatings.schoolId, willow));
    await db.delete(assessments).where(eq(assessments.schoolId, willow));
    const otherHead = await env.as('otherHead');
    const url = `/api/schools/${willow}`;
    const plan = await otherHead.get<ActionPlan>(`${url}/action-plan`);
    expect(plan.status).toBe(200);
    expect(plan.body).toMatchObject({ assessment: null, proposed: [], areas: [], canLead: true });
    const refused = await otherHead.post(
      `${url}/improvement-actions`,
      input({ ownerUserId: env.world.userId('otherHead') }),
    );
    expect(refused.status).toBe(409);
    expect((await otherHead.get(`${url}/action-plan.pdf`)).status).toBe(404);
  });
});
