/**
 * Referrals' part of a pupil's records (subject access, transfer, retention): a referral in the
 * restricted record is never loaded unless it is asked for, and is child-protection content
 * suggested withheld; destruction takes exactly this pupil's referrals of one class, steps first,
 * and the audit trail still verifies.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { ReferralDetail } from '@tandem/core';
import { referrals, referralSteps } from '@tandem/core/schema';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness';
import { sealAuditTrail } from '../audit/audit.sealer';
import { verifyAuditChain } from '../audit/audit.service';
import { referralRecords } from './referrals.records';

let env: TestEnv;
let smhl: TestClient;
let pupilId: string;
let restrictedId: string;
let openId: string;

const db = () => env.deps.database.db;
const school = () => `/api/schools/${env.world.kingsmead}`;
const query = (includeRestricted: boolean) => ({ schoolId: env.world.kingsmead, pupilId, includeRestricted });

/** Other pupils' referrals and all steps not of this pupil's referrals. */
async function othersRows() {
  const [r] = await db()
    .select({ n: sql<number>`count(*)::int` })
    .from(referrals)
    .where(ne(referrals.pupilId, pupilId));
  const [s] = await db()
    .select({ n: sql<number>`count(*)::int` })
    .from(referralSteps)
    .innerJoin(referrals, eq(referrals.id, referralSteps.referralId))
    .where(ne(referrals.pupilId, pupilId));
  return { referrals: r!.n, steps: s!.n };
}

beforeAll(async () => {
  env = await createTestEnv();
  smhl = await env.as('smhl');
  // The demo's referral to social care without asking parents, in the restricted record.
  const [restricted] = await db()
    .select()
    .from(referrals)
    .where(and(eq(referrals.schoolId, env.world.kingsmead), eq(referrals.restricted, true)));
  restrictedId = restricted!.id;
  pupilId = restricted!.pupilId;

  // And one the SMHL makes and sends through the API for the same pupil.
  const started = await smhl.post<{ id: string }>(`${school()}/pupils/${pupilId}/referrals`, {
    service: 'camhs',
    submissionKey: randomUUID(),
  });
  expect(started.status, started.text).toBe(201);
  openId = started.body.id;
  const ref = `${school()}/referrals/${openId}`;
  const d = (await smhl.get<ReferralDetail>(ref)).body;
  const saved = await smhl.put<{ version: number }>(ref, {
    parts: {
      reason: 'Low mood for months. Marker ref-31',
      durationImpact: 'Since March; missing lessons.',
      risk: 'No known risk.',
      tried: 'ELSA for six weeks.',
      gp: 'The Health Centre.',
    },
    consent: 'given',
    consentNote: '',
    serviceId: null,
    version: d.referral.version,
  });
  expect(saved.status, saved.text).toBe(200);
  const sent = await smhl.post(`${ref}/steps`, {
    to: 'sent',
    on: env.clock.now().toISOString().slice(0, 10),
    note: 'Sent by e-mail',
    version: saved.body.version,
  });
  expect(sent.status, sent.text).toBe(200);
});
afterAll(() => env.close());

describe("referrals' part of a pupil's records", () => {
  it('never loads a restricted referral unless the restricted record is asked for', async () => {
    const items = await referralRecords.records(db(), query(false));
    expect(items.length).toBeGreaterThan(0);
    expect(items.some((i) => i.restricted || i.recordClass === 'child-protection')).toBe(false);
    expect(items.map((i) => i.id)).not.toContain(restrictedId);
    expect(JSON.stringify(items)).not.toContain('safety at home');
  });

  it('gives a referral with its parts and each step, in plain words', async () => {
    const items = await referralRecords.records(db(), query(false));
    const referral = items.find((i) => i.id === openId);
    expect(referral).toMatchObject({
      kind: 'referral',
      recordClass: 'wellbeing',
      restricted: false,
      suggested: { decision: 'disclose' },
    });
    expect(referral?.body).toContain('ref-31');
    expect(referral?.body).toContain('Sam Patel');
    const steps = items.filter((i) => i.kind === 'referral-step' && i.title.includes('CAMHS'));
    expect(steps.some((s) => s.body.includes('Sent by e-mail'))).toBe(true);
  });

  it('gives the DSL team the referral to social care as child-protection content, suggested withheld', async () => {
    const items = await referralRecords.records(db(), query(true));
    const restricted = items.filter((i) => i.restricted);
    expect(restricted.map((i) => i.id)).toContain(restrictedId);
    for (const i of restricted) {
      expect(i).toMatchObject({ recordClass: 'child-protection', suggested: { decision: 'withhold' } });
      expect(i.suggested.reason).toContain('social care');
    }
  });

  it('destroys exactly this pupil’s referrals of one class, and the audit trail still verifies', async () => {
    const others = await othersRows();
    const before = await referralRecords.records(db(), query(true));
    const cp = await db().transaction((tx) =>
      referralRecords.destroy(tx, { schoolId: env.world.kingsmead, pupilId, recordClass: 'child-protection' }),
    );
    const cpCounts = Object.fromEntries(cp.map((c) => [c.kind, c.count]));
    expect(cpCounts.referral).toBe(before.filter((i) => i.restricted && i.kind === 'referral').length);
    expect(cpCounts['referral-step']).toBe(before.filter((i) => i.restricted && i.kind === 'referral-step').length);
    const after = await referralRecords.records(db(), query(true));
    expect(after.some((i) => i.restricted)).toBe(false);
    expect(after.map((i) => i.id)).toContain(openId);

    const wellbeing = await db().transaction((tx) =>
      referralRecords.destroy(tx, { schoolId: env.world.kingsmead, pupilId, recordClass: 'wellbeing' }),
    );
    expect(Object.fromEntries(wellbeing.map((c) => [c.kind, c.count]))).toMatchObject({
      referral: after.filter((i) => i.kind === 'referral').length,
      'referral-step': after.filter((i) => i.kind === 'referral-step').length,
    });
    expect(await referralRecords.records(db(), query(true))).toEqual([]);
    expect(await othersRows()).toEqual(others);

    while (await sealAuditTrail(db())) {
      // batch after batch
    }
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true });
  });
});
