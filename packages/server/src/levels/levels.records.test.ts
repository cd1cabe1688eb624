/**
 * The levels' part of a pupil's records (subject access, transfer, retention): each change with its
 * reason and evidence, each time it was shared, in plain words; destruction of the wellbeing records
 * takes them and the level carried on the pupil's row, and the audit trail still verifies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { levelChanges, levelShares, pupils } from '@tandem/core/schema';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness';
import { sealAuditTrail } from '../audit/audit.sealer';
import { verifyAuditChain } from '../audit/audit.service';
import { levelRecords } from './levels.records';

let env: TestEnv;
let pupilA: typeof pupils.$inferSelect;
let pupilB: typeof pupils.$inferSelect;
let smhl: TestClient;
const db = () => env.deps.database.db;
const records = (pupilId: string) =>
  levelRecords.records(db(), { schoolId: env.world.kingsmead, pupilId, includeRestricted: false });
const destroy = (pupilId: string, recordClass: 'child-protection' | 'sen' | 'wellbeing') =>
  db().transaction((tx) => levelRecords.destroy(tx, { schoolId: env.world.kingsmead, pupilId, recordClass }));

beforeAll(async () => {
  env = await createTestEnv();
  const rows = await db()
    .select()
    .from(pupils)
    .where(and(eq(pupils.schoolId, env.world.kingsmead), eq(pupils.form, '9W')))
    .limit(2);
  [pupilA, pupilB] = [rows[0]!, rows[1]!];
  smhl = await env.as('smhl');
  for (const p of [pupilA, pupilB]) {
    const res = await smhl.post(`/api/schools/${env.world.kingsmead}/pupils/${p.id}/level`, {
      level: p.currentLevel === 'MH3' ? 'MH2' : 'MH3',
      reason: 'Reviewed at the pastoral meeting.',
      evidence: [{ kind: 'observation', description: 'Seen by the pastoral team at break.' }],
      expectedCurrentLevel: p.currentLevel,
    });
    expect(res.status, res.text).toBe(200);
  }
});
afterAll(async () => {
  await env.close();
});

describe('a pupil’s levels as records', () => {
  it('each change with its reason, evidence and who made it, in plain words; all wellbeing', async () => {
    const items = await records(pupilA.id);
    expect(items.every((i) => i.source === 'levels' && i.recordClass === 'wellbeing' && !i.restricted)).toBe(true);
    const change = items.filter((i) => i.kind === 'level-change').at(-1)!;
    expect(change.title).toContain('Sam Patel');
    expect(change.body).toContain('Why: Reviewed at the pastoral meeting.');
    expect(change.body).toContain('Evidence: Staff observation: Seen by the pastoral team at break.');
    expect(change.body).toMatch(/Level after: MH[23] \(.+\)/);
    expect(change.suggested.decision).toBe('disclose');
  });

  it('destroying the wellbeing records takes every change and share of this pupil only, and the level held', async () => {
    expect(await destroy(pupilA.id, 'sen')).toEqual([]);
    expect(await destroy(pupilA.id, 'child-protection')).toEqual([]);
    const changes = await db().select().from(levelChanges).where(eq(levelChanges.pupilId, pupilA.id));
    const shares = await db().select().from(levelShares).where(eq(levelShares.pupilId, pupilA.id));
    const theirs = await records(pupilB.id);

    const out = await destroy(pupilA.id, 'wellbeing');
    expect(out).toEqual([
      { kind: 'level-change', count: changes.length },
      ...(shares.length > 0 ? [{ kind: 'level-share', count: shares.length }] : []),
    ]);
    expect(await records(pupilA.id)).toEqual([]);
    const [row] = await db().select().from(pupils).where(eq(pupils.id, pupilA.id));
    expect(row).toMatchObject({ currentLevel: null, levelChangedAt: null });
    expect(await records(pupilB.id)).toEqual(theirs);
  });

  it('afterwards the audit trail still seals and verifies', async () => {
    while (await sealAuditTrail(db())) {
      // batch after batch
    }
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true, unsealed: 0 });
  });
});
