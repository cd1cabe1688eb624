/**
 * Records retention in "my work", with the demo's former pupils and the features' real sources.
 * The DSL team is told how many pupils' records of each kind are past review (Megan Rowley's
 * wellbeing records and child-protection file; not Tyler Brooks's, reaching review in six weeks).
 * Once the DSL proposes destroying Megan's file, everyone else with records.retention is asked to
 * confirm it (whose file, who proposed it), never the proposer, and nobody without the permission;
 * the count no longer includes it. Once confirmed, it leaves everyone's list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { DestructionResult, MyWork } from '@tandem/core';
import { pupils } from '@tandem/core/schema';
import { createTestEnv, type Person, type TestEnv } from '../../test/harness';

let env: TestEnv;
let megan: string;
const school = () => `/api/schools/${env.world.kingsmead}`;
const api = () => `${school()}/retention`;

async function workOf(person: Person): Promise<MyWork> {
  const res = await (await env.as(person)).get<MyWork>(`${school()}/my-work`);
  expect(res.status, person).toBe(200);
  return res.body;
}

beforeAll(async () => {
  env = await createTestEnv();
  const [p] = await env.deps.database.db
    .select({ id: pupils.id })
    .from(pupils)
    .where(and(eq(pupils.givenName, 'Megan'), eq(pupils.familyName, 'Rowley')));
  megan = p!.id;
});
afterAll(async () => {
  await env.close();
});

describe('records retention in my work', () => {
  let proposalId: string;

  it('tells the DSL team how many pupils’ records are past review, a count and no names', async () => {
    for (const person of ['dsl', 'deputyDsl'] as const) {
      const work = await workOf(person);
      expect(work.retentionPastReview).toEqual(
        expect.arrayContaining([
          { recordClass: 'child-protection', pupils: 1 },
          { recordClass: 'wellbeing', pupils: expect.any(Number) as number },
        ]),
      );
      expect(JSON.stringify(work.retentionPastReview)).not.toContain('Megan');
      expect(work.destructionsToConfirm).toEqual([]);
    }
    // Those who are not in the DSL team are not given the count.
    for (const person of ['head', 'smhl', 'schoolAdmin', 'tutor'] as const) {
      expect((await workOf(person)).retentionPastReview, person).toEqual([]);
    }
  });

  it('asks everyone else with records.retention to confirm a proposed child-protection file, never the proposer', async () => {
    const res = await (
      await env.as('dsl')
    ).post<DestructionResult>(`${api()}/destructions`, {
      pupilId: megan,
      recordClass: 'child-protection',
      reason: 'Retention period ended; reviewed by the DSL',
      typedName: 'Megan Rowley',
    });
    expect(res.status).toBe(201);
    proposalId = res.body.id;

    const proposer = await workOf('dsl');
    expect(proposer.destructionsToConfirm).toEqual([]);
    // Waiting for a second person: no longer counted as past review for the DSL team.
    expect(proposer.retentionPastReview.some((r) => r.recordClass === 'child-protection')).toBe(false);

    for (const person of ['head', 'deputyDsl', 'smhl', 'schoolAdmin'] as const) {
      const work = await workOf(person);
      expect(work.destructionsToConfirm, person).toEqual([
        {
          destructionId: proposalId,
          pupil: { id: megan, name: 'Megan Rowley' },
          proposedByName: 'Chris Okafor',
          proposedAt: expect.any(String) as string,
        },
      ]);
      expect(work.counts.total).toBeGreaterThanOrEqual(1);
    }
    for (const person of ['tutor', 'pastoral', 'sendco', 'firstAider'] as const) {
      expect((await workOf(person)).destructionsToConfirm, person).toEqual([]);
    }
    // Another school's head: not Kingsmead's my work, and nothing in their own.
    const other = await env.as('otherHead');
    expect((await other.get(`${school()}/my-work`)).status).toBe(404);
    const own = await other.get<MyWork>(`/api/schools/${env.world.willow}/my-work`);
    expect(own.body.destructionsToConfirm).toEqual([]);
  });

  it('leaves everyone’s list once a second person confirms', async () => {
    const head = await env.as('head');
    const res = await head.post(`${api()}/destructions/${proposalId}/confirm`, { typedName: 'Megan Rowley' });
    expect(res.status).toBe(200);
    for (const person of ['head', 'deputyDsl', 'smhl'] as const) {
      expect((await workOf(person)).destructionsToConfirm, person).toEqual([]);
    }
    expect((await workOf('dsl')).retentionPastReview.some((r) => r.recordClass === 'child-protection')).toBe(false);
  });

  it('drops a kind from the count once its records are destroyed', async () => {
    const before = (await workOf('dsl')).retentionPastReview.find((r) => r.recordClass === 'wellbeing')?.pupils ?? 0;
    expect(before).toBeGreaterThan(0);
    const res = await (
      await env.as('head')
    ).post(`${api()}/destructions`, {
      pupilId: megan,
      recordClass: 'wellbeing',
      reason: 'Retention period ended; reviewed by the head',
      typedName: 'Megan Rowley',
    });
    expect(res.status).toBe(201);
    const after = (await workOf('dsl')).retentionPastReview.find((r) => r.recordClass === 'wellbeing')?.pupils ?? 0;
    expect(after).toBe(before - 1);
  });
});
