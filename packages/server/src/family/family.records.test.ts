/**
 * The family portal's part of a pupil's records (subject access, transfer, retention): a check-in
 * whose words opened the urgent route is never loaded outside the restricted record, a parent's
 * "no access" flag is suggested withheld, and destruction takes exactly this pupil's records of
 * one class while the audit trail still verifies.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, ne, sql } from 'drizzle-orm';
import { checkins, contacts, familyConfirmations, familyMessages, familyNoAccess, pupils } from '@tandem/core/schema';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness';
import { sealAuditTrail } from '../audit/audit.sealer';
import { verifyAuditChain } from '../audit/audit.service';
import { familyRecords } from './family.records';

let env: TestEnv;
let smhl: TestClient;
let olivia: string;
let riskCheckinId: string;
let plainCheckinId: string;
let messageId: string;

const db = () => env.deps.database.db;
const fam = () => `/api/family/schools/${env.world.kingsmead}`;
const staff = () => `/api/schools/${env.world.kingsmead}/family`;
const query = (includeRestricted: boolean) => ({ schoolId: env.world.kingsmead, pupilId: olivia, includeRestricted });

/** Rows of other pupils, table by table: destruction must leave them as they were. */
async function othersRows() {
  const count = async (
    t: typeof checkins | typeof familyMessages | typeof familyConfirmations | typeof familyNoAccess,
  ) =>
    (
      await db()
        .select({ n: sql<number>`count(*)::int` })
        .from(t)
        .where(ne(t.pupilId, olivia))
    )[0]!.n;
  return {
    checkins: await count(checkins),
    messages: await count(familyMessages),
    confirmations: await count(familyConfirmations),
    noAccess: await count(familyNoAccess),
  };
}

beforeAll(async () => {
  env = await createTestEnv();
  smhl = await env.as('smhl');
  const [p] = await db()
    .select()
    .from(pupils)
    .where(and(eq(pupils.givenName, 'Olivia'), eq(pupils.familyName, 'Clarke')));
  olivia = p!.id;
  const pupil = await env.as('pupil');
  const plain = await pupil.post<{ id: string }>(`${fam()}/checkins`, {
    mood: 4,
    note: 'Good day in art',
    submissionKey: randomUUID(),
  });
  expect(plain.status, plain.text).toBe(200);
  plainCheckinId = plain.body.id;
  const risk = await pupil.post<{ id: string }>(`${fam()}/checkins`, {
    mood: 1,
    note: 'I just want to end it all. Marker rec-77',
    submissionKey: randomUUID(),
  });
  expect(risk.status, risk.text).toBe(200);
  riskCheckinId = risk.body.id;

  const parent = await env.as('parent');
  const sent = await parent.post<{ id: string }>(
    `/api/family/schools/${env.world.kingsmead}/children/${olivia}/messages`,
    {
      text: 'Olivia has not been sleeping well this week.',
      submissionKey: randomUUID(),
    },
  );
  expect(sent.status, sent.text).toBe(200);
  messageId = sent.body.id;

  const [daniel] = await db()
    .select()
    .from(contacts)
    .where(and(eq(contacts.pupilId, olivia), eq(contacts.name, 'Daniel Clarke')));
  const set = await smhl.post(`${staff()}/contacts/${daniel!.id}/no-access`, {
    reasonKind: 'court_order',
    reason: 'Order of 1 Dec',
  });
  expect(set.status, set.text).toBe(200);
  const lift = await smhl.post(`${staff()}/contacts/${daniel!.id}/no-access/lift`, { reason: 'Order discharged' });
  expect(lift.status, lift.text).toBe(200);
});
afterAll(() => env.close());

describe("the family portal's part of a pupil's records", () => {
  it('never loads a check-in in the restricted record unless it is asked for', async () => {
    const items = await familyRecords.records(db(), query(false));
    expect(items.some((i) => i.restricted)).toBe(false);
    expect(items.map((i) => i.id)).not.toContain(riskCheckinId);
    expect(JSON.stringify(items)).not.toContain('rec-77');
    expect(items.find((i) => i.id === plainCheckinId)).toMatchObject({
      kind: 'check-in',
      recordClass: 'wellbeing',
      restricted: false,
      suggested: { decision: 'disclose' },
    });
    expect(items.find((i) => i.id === plainCheckinId)?.body).toContain('Good day in art');
  });

  it('gives the DSL team the risk check-in as child-protection content, suggested withheld', async () => {
    const items = await familyRecords.records(db(), query(true));
    const risk = items.find((i) => i.id === riskCheckinId);
    expect(risk).toMatchObject({
      recordClass: 'child-protection',
      restricted: true,
      suggested: { decision: 'withhold' },
    });
    expect(risk?.body).toContain('rec-77');
  });

  it("gives the parent's message in their words and the no-access flag suggested withheld with its reason", async () => {
    const items = await familyRecords.records(db(), query(false));
    const message = items.find((i) => i.id === messageId);
    expect(message).toMatchObject({ kind: 'message', recordClass: 'wellbeing' });
    expect(message?.body).toContain('not been sleeping well');
    expect(message?.title).toContain('Emma Clarke');
    const flag = items.find((i) => i.kind === 'no-access');
    expect(flag).toMatchObject({
      recordClass: 'wellbeing',
      restricted: false,
      suggested: { decision: 'withhold', reason: "A decision to restrict a parent's access (e.g. a court order)" },
    });
    expect(flag?.body).toContain('Order discharged');
    for (const i of items) {
      expect(() => new Date(i.at).toISOString()).not.toThrow();
      expect(i.body).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    }
  });

  it('destroys exactly this pupil’s records of one class, and the audit trail still verifies', async () => {
    const others = await othersRows();
    const cp = await db().transaction((tx) =>
      familyRecords.destroy(tx, { schoolId: env.world.kingsmead, pupilId: olivia, recordClass: 'child-protection' }),
    );
    expect(cp).toEqual([{ kind: 'check-in', count: 1 }]);
    const left = await familyRecords.records(db(), query(true));
    expect(left.some((i) => i.restricted)).toBe(false);
    expect(left.map((i) => i.id)).toContain(plainCheckinId);

    const wellbeing = await db().transaction((tx) =>
      familyRecords.destroy(tx, { schoolId: env.world.kingsmead, pupilId: olivia, recordClass: 'wellbeing' }),
    );
    const counts = Object.fromEntries(wellbeing.map((w) => [w.kind, w.count]));
    expect(counts.message).toBeGreaterThanOrEqual(1);
    expect(counts['check-in']).toBeGreaterThanOrEqual(1);
    expect(counts['no-access']).toBe(1);
    expect(await familyRecords.records(db(), query(true))).toEqual([]);
    expect(await othersRows()).toEqual(others);
    expect(
      await familyRecords.destroy(db(), { schoolId: env.world.kingsmead, pupilId: olivia, recordClass: 'sen' }),
    ).toEqual([]);

    while (await sealAuditTrail(db())) {
      // batch after batch
    }
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true });
  });
});
