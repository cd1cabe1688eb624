/**
 * The demo action plan as a newcomer meets it: the tutor sees his overdue action at home, the lead
 * sees carried-forward actions and proposals still open. (Seeds it here if the demo has not yet.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { assessments, improvementActions, schools, users } from '@tandem/core/schema';
import type { ActionPlan, MyWork } from '@tandem/core';
import { createTestEnv, type TestEnv } from '../../test/harness';
import { seedDemoAssessments } from '../demo/demo-assessments';
import { seedDemoActions } from '../demo/demo-actions';

let env: TestEnv;
const school = () => `/api/schools/${env.world.kingsmead}`;

beforeAll(async () => {
  env = await createTestEnv();
  const db = env.deps.database.db;
  const seeded = await db.select().from(improvementActions).where(eq(improvementActions.schoolId, env.world.kingsmead));
  if (seeded.length > 0) return;
  await db.transaction(async (tx) => {
    const schoolIds = new Map<string, string>();
    for (const s of await tx.select().from(schools)) {
      schoolIds.set(s.name.startsWith('Kingsmead') ? 'kingsmead' : 'willow', s.id);
    }
    const userIds = new Map(
      (await tx.select({ id: users.id, email: users.email }).from(users)).map((u) => [u.email, u.id]),
    );
    const existing = await tx.select().from(assessments).where(eq(assessments.schoolId, env.world.kingsmead));
    const now = env.clock.now();
    const ids =
      existing.length > 0
        ? {
            lastYearId: existing.find((a) => a.status === 'confirmed')?.id ?? '',
            thisYearId: existing.find((a) => a.status === 'draft')?.id ?? '',
          }
        : await seedDemoAssessments(tx, { schoolIds, userIds, now });
    await seedDemoActions(tx, { schoolIds, userIds, now, ...ids });
  });
});

afterAll(async () => {
  await env.close();
});

describe('the demo action plan', () => {
  it('shows the tutor his overdue action at home, and the lead a plan with carried actions and proposals', async () => {
    const tutor = await env.as('tutor');
    const work = (await tutor.get<MyWork>(`${school()}/my-work`)).body;
    expect(work.actionsDue.some((a) => a.overdue)).toBe(true);

    const smhl = await env.as('smhl');
    const plan = (await smhl.get<ActionPlan>(`${school()}/action-plan`)).body;
    const actions = plan.areas.flatMap((a) => a.actions);
    expect(actions.length).toBeGreaterThanOrEqual(6);
    expect(actions.filter((a) => a.carriedFrom === '2025 to 2026').length).toBe(2);
    expect(plan.proposed.length).toBeGreaterThan(0);
    const pdf = await smhl.get(`${school()}/action-plan.pdf`);
    expect(pdf.status).toBe(200);

    const otherHead = await env.as('otherHead');
    const willow = (await otherHead.get<ActionPlan>(`/api/schools/${env.world.willow}/action-plan`)).body;
    expect(willow.areas.flatMap((a) => a.actions).length).toBe(1);
  });
});
