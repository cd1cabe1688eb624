/**
 * For the action plan's tests: a self-assessment and its ratings written straight into the
 * database, so these tests do not depend on the self-assessment's own pages.
 */
import { statementsOf, type Rating } from '@tandem/core';
import { assessmentRatings, assessments } from '@tandem/core/schema';
import type { TestEnv } from '../../test/harness';

export const today = (env: TestEnv) => env.clock.now().toISOString().slice(0, 10);

export function dayFrom(env: TestEnv, days: number): string {
  return new Date(env.clock.now().getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A new confirmed assessment of Kingsmead (county framework), the latest by its start day. */
export async function insertAssessment(
  env: TestEnv,
  o: { periodLabel: string; startedOn?: string; schoolId?: string; by?: string },
): Promise<string> {
  const [row] = await env.deps.database.db
    .insert(assessments)
    .values({
      schoolId: o.schoolId ?? env.world.kingsmead,
      framework: 'county',
      periodLabel: o.periodLabel,
      startedOn: o.startedOn ?? today(env),
      startedBy: o.by ?? env.world.userId('smhl'),
      // Confirmed, so that it never meets the one-draft-per-framework rule.
      status: 'confirmed',
      confirmedAt: env.clock.now(),
      confirmedBy: o.by ?? env.world.userId('smhl'),
      createdAt: env.clock.now(),
    })
    .returning({ id: assessments.id });
  if (!row) throw new Error('assessment not inserted');
  return row.id;
}

export async function rate(env: TestEnv, assessmentId: string, statementKey: string, rating: Rating): Promise<void> {
  await env.deps.database.db.insert(assessmentRatings).values({
    schoolId: env.world.kingsmead,
    assessmentId,
    statementKey,
    rating,
    updatedBy: env.world.userId('smhl'),
    updatedAt: env.clock.now(),
  });
}

/** The first statements of the county framework's first area (at least one exists). */
export function countyStatements() {
  const all = statementsOf('county');
  const first = all[0];
  if (!first) throw new Error('no county statements');
  return { first, sameArea: all.filter((s) => s.areaKey === first.areaKey) };
}
