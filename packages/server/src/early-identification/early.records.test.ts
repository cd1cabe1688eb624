/**
 * Early identification's part of a pupil's records: the lead's reviews in plain words (wellbeing
 * records), destroyed for that pupil only, with the audit trail still verifying.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { earlyReviews } from '@tandem/core/schema';
import { createTestEnv, type TestEnv } from '../../test/harness';
import { sealAuditTrail } from '../audit/audit.sealer';
import { verifyAuditChain } from '../audit/audit.service';
import { earlyRecords } from './early.records';

let env: TestEnv;
let reviewed: typeof earlyReviews.$inferSelect; // the demo's reviewed pupil
const db = () => env.deps.database.db;
const records = (pupilId: string) =>
  earlyRecords.records(db(), { schoolId: env.world.kingsmead, pupilId, includeRestricted: false });

beforeAll(async () => {
  env = await createTestEnv();
  const [r] = await db().select().from(earlyReviews).where(eq(earlyReviews.schoolId, env.world.kingsmead)).limit(1);
  reviewed = r!;
});
afterAll(async () => {
  await env.close();
});

describe('early identification reviews as records', () => {
  it('say why the pupil was listed, what was decided and by whom', async () => {
    const [item] = await records(reviewed.pupilId);
    expect(item).toMatchObject({
      source: 'early-identification',
      kind: 'early-review',
      id: reviewed.id,
      at: reviewed.reviewedAt.toISOString(),
      recordClass: 'wellbeing',
      restricted: false,
      suggested: { decision: 'disclose' },
    });
    expect(item!.body).toContain('Why the pupil was listed: Several concerns: 3 concerns logged in the last 6 weeks.');
    expect(item!.body).toContain('What was decided: Reviewed: no action');
    expect(item!.body).toContain('Reviewed by: Sam Patel');
  });

  it('are destroyed with the wellbeing records, for this pupil only; the audit trail still verifies', async () => {
    const all = await db().select().from(earlyReviews);
    const theirs = all.filter((r) => r.pupilId === reviewed.pupilId);
    const tx = (recordClass: 'sen' | 'wellbeing') =>
      db().transaction((t) =>
        earlyRecords.destroy(t, { schoolId: env.world.kingsmead, pupilId: reviewed.pupilId, recordClass }),
      );
    expect(await tx('sen')).toEqual([]);
    expect(await tx('wellbeing')).toEqual([{ kind: 'early-review', count: theirs.length }]);
    expect(await records(reviewed.pupilId)).toEqual([]);
    expect((await db().select().from(earlyReviews)).length).toBe(all.length - theirs.length);
    while (await sealAuditTrail(db())) {
      // batch after batch
    }
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true, unsealed: 0 });
  });
});
