/** Helpers for the survey's tests: extra staff to make groups big enough, and answering. */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { londonToday, type Role, type SurveyDetail } from '@tandem/core';
import { roleAssignments, users } from '@tandem/core/schema';
import type { TestClient, TestEnv } from '../../test/harness';

export const today = (env: TestEnv) => londonToday(env.clock.now());
export const plusDays = (env: TestEnv, days: number) =>
  londonToday(new Date(env.clock.now().getTime() + days * 24 * 3600_000));

/** Adds members of Kingsmead's staff with one role (no two-factor needed), signed in. */
export async function addStaff(env: TestEnv, role: Role, n: number): Promise<TestClient[]> {
  const db = env.deps.database.db;
  const [tutor] = await db
    .select()
    .from(users)
    .where(eq(users.id, env.world.userId('tutor')));
  const out: TestClient[] = [];
  for (let i = 0; i < n; i++) {
    const email = `survey.${role}.${randomBytes(3).toString('hex')}@kingsmead.example`;
    const [user] = await db
      .insert(users)
      .values({ email, displayName: `Survey Tester ${i + 1}`, passwordHash: tutor?.passwordHash ?? '' })
      .returning();
    if (!user) throw new Error('no user');
    await db
      .insert(roleAssignments)
      .values({ userId: user.id, trustId: env.world.trustId, schoolId: env.world.kingsmead, role });
    const c = env.client();
    await c.signIn(email);
    out.push(c);
  }
  return out;
}

/** Answers every statement of a survey with one value. */
export async function answerAll(c: TestClient, base: string, surveyId: string, value: number, freeText?: string) {
  const got = await c.get<SurveyDetail>(`${base}/${surveyId}`);
  const keys = got.status === 200 ? got.body.survey.statements.map((s) => s.key) : ['workload.manageable'];
  return c.post(`${base}/${surveyId}/answers`, {
    answers: Object.fromEntries(keys.map((k) => [k, value])),
    ...(freeText ? { freeText } : {}),
  });
}
