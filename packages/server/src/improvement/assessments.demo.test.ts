/** The demo's self-assessments read as the SMHL would see them (seeded here if the demo has not). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { assessments, schools, users } from '@tandem/core/schema';
import { RATING_SCORE, type AssessmentDetail, type AssessmentList, type AssessmentProgress } from '@tandem/core';
import { createTestEnv, type TestEnv } from '../../test/harness';
import { seedDemoAssessments } from '../demo/demo-assessments';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
  const db = env.deps.database.db;
  const seeded = await db
    .select()
    .from(assessments)
    .where(and(eq(assessments.schoolId, env.world.kingsmead), eq(assessments.framework, 'county')));
  if (seeded.length === 0) {
    const schoolRows = await db.select().from(schools);
    const userRows = await db.select({ id: users.id, email: users.email }).from(users);
    await db.transaction((tx) =>
      seedDemoAssessments(tx, {
        schoolIds: new Map([
          ['kingsmead', env.world.kingsmead],
          ['willow', schoolRows.find((s) => s.id === env.world.willow)?.id ?? ''],
        ]),
        userIds: new Map(userRows.map((u) => [u.email, u.id])),
        now: env.clock.now(),
      }),
    );
  }
});
afterAll(async () => {
  await env.close();
});

describe('the demo self-assessments', () => {
  it("Kingsmead: last year's confirmed, this year's draft with most statements rated", async () => {
    const smhl = await env.as('smhl');
    const base = `/api/schools/${env.world.kingsmead}/self-assessments`;
    const list = (await smhl.get<AssessmentList>(base)).body.assessments.filter((a) => a.framework === 'county');
    expect(list.map((a) => [a.periodLabel, a.status, a.rated, a.total])).toEqual([
      ['2026 to 2027', 'draft', 42, 48],
      ['2025 to 2026', 'confirmed', 48, 48],
    ]);
    const d = (await smhl.get<AssessmentDetail>(`${base}/${list[0]!.id}`)).body;
    expect(d.previous?.periodLabel).toBe('2025 to 2026');
    const low = d.areas.filter((a) => a.resourcesHref !== null).map((a) => a.key);
    expect(low).toEqual(['county.staff_skills', 'county.partnerships', 'county.voice']);
    const better = d.areas
      .flatMap((a) => a.statements)
      .filter((s) => s.rating && s.previousRating && RATING_SCORE[s.rating] > RATING_SCORE[s.previousRating]);
    expect(better.length).toBeGreaterThan(5);
    const progress = (await smhl.get<AssessmentProgress>(`${base}/progress?framework=county`)).body;
    expect(progress.periods.map((p) => p.status)).toEqual(['confirmed', 'draft']);
  });

  it("Willow Brook's head sees their own draft, and Kingsmead's are not theirs to see", async () => {
    const other = await env.as('otherHead');
    const res = await other.get<AssessmentList>(`/api/schools/${env.world.willow}/self-assessments`);
    expect(res.body.assessments.map((a) => [a.framework, a.status])).toEqual([['principles', 'draft']]);
  });
});
