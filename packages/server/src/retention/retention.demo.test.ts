/**
 * The demo's retention, with the features' real record sources: Megan Rowley (born 2000, left in
 * 2016) has wellbeing records past review and a child-protection file the DSL team sees; Tyler
 * Brooks's reach review within 90 days. The head destroys Megan's wellbeing records: her concern and
 * level changes go, her child-protection file stays, nobody else's records are touched, and the
 * audit trail still verifies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import type { DestructionRegisterResponse, DestructionResult, RetentionOverviewResponse } from '@tandem/core';
import { concernPupils, concerns, levelChanges, pupils } from '@tandem/core/schema';
import { createTestEnv, type TestEnv } from '../../test/harness';
import { sealAuditTrail } from '../audit/audit.sealer';
import { verifyAuditChain } from '../audit/audit.service';

let env: TestEnv;
let megan: string;
let tyler: string;
const api = () => `/api/schools/${env.world.kingsmead}/retention`;
const db = () => env.deps.database.db;

async function pupilNamed(givenName: string, familyName: string) {
  const [p] = await db()
    .select()
    .from(pupils)
    .where(and(eq(pupils.givenName, givenName), eq(pupils.familyName, familyName)));
  return p!.id;
}
const concernsOf = async (pupilId: string) =>
  db()
    .select({ restricted: concerns.restricted })
    .from(concernPupils)
    .innerJoin(concerns, eq(concerns.id, concernPupils.concernId))
    .where(eq(concernPupils.pupilId, pupilId));

beforeAll(async () => {
  env = await createTestEnv();
  megan = await pupilNamed('Megan', 'Rowley');
  tyler = await pupilNamed('Tyler', 'Brooks');
});
afterAll(async () => {
  await env.close();
});

describe('the demo’s former pupils', () => {
  it('lists Megan’s records past review and Tyler’s reaching it; the child-protection file for the DSL team only', async () => {
    const head = await env.as('head');
    const forHead = (await head.get<RetentionOverviewResponse>(api())).body;
    expect(forHead.rows.find((r) => r.pupilId === megan && r.recordClass === 'wellbeing')).toMatchObject({
      due: true,
      leftOn: '2016-07-22',
    });
    expect(forHead.rows.find((r) => r.pupilId === tyler)).toMatchObject({ recordClass: 'wellbeing', due: false });
    expect(forHead.rows.some((r) => r.recordClass === 'child-protection')).toBe(false);
    // Liam Foster's wellbeing records were destroyed last year: in the register, not listed again.
    const liam = await pupilNamed('Liam', 'Foster');
    expect(forHead.rows.some((r) => r.pupilId === liam)).toBe(false);
    const register = (await head.get<DestructionRegisterResponse>(`${api()}/destructions`)).body;
    expect(register.entries.find((e) => e.pupilName === 'Liam Foster')).toMatchObject({
      recordClass: 'wellbeing',
      proposedBy: 'Dr Helen Carter',
    });
    const dsl = await env.as('dsl');
    const forDsl = (await dsl.get<RetentionOverviewResponse>(api())).body;
    expect(
      forDsl.rows.find((r) => r.pupilId === megan && r.recordClass === 'child-protection')?.counts.length,
    ).toBeGreaterThan(0);
  });

  it('destroys Megan’s wellbeing records through the features, leaving her child-protection file and everyone else', async () => {
    const others = await db()
      .select({ id: levelChanges.id })
      .from(levelChanges)
      .where(eq(levelChanges.schoolId, env.world.kingsmead));
    const head = await env.as('head');
    const res = await head.post<DestructionResult>(`${api()}/destructions`, {
      pupilId: megan,
      recordClass: 'wellbeing',
      reason: 'Retention period ended; reviewed by the head',
      typedName: 'Megan Rowley',
    });
    expect(res.status).toBe(201);
    expect(res.body.counts.length).toBeGreaterThan(0);
    expect(await db().select().from(levelChanges).where(eq(levelChanges.pupilId, megan))).toHaveLength(0);
    expect((await concernsOf(megan)).map((c) => c.restricted)).toEqual([true]);
    const left = await db()
      .select({ id: levelChanges.id })
      .from(levelChanges)
      .where(
        and(
          eq(levelChanges.schoolId, env.world.kingsmead),
          inArray(
            levelChanges.id,
            others.map((o) => o.id),
          ),
        ),
      );
    expect(left).toHaveLength(others.length - 2);
    expect(await db().select().from(levelChanges).where(eq(levelChanges.pupilId, tyler))).toHaveLength(1);
    while (await sealAuditTrail(db())) {
      // seal everything written so far
    }
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true, unsealed: 0 });
  });
});
