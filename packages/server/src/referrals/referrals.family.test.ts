/**
 * Sharing a referral with the child's parents: the lead shares a sent referral and the parent sees
 * where it stands; a restricted referral or a draft is refused; a teacher or another school cannot.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { REFERRAL_PARENT_STATE_LABELS, type ReferralDetail } from '@tandem/core';
import { auditEvents, familyNews, pupils, referrals, users } from '@tandem/core/schema';
import { createTestEnv, PEOPLE, type TestClient, type TestEnv } from '../../test/harness';
import { loadAssignments } from '../http/context';
import { findFamilyReader } from '../platform/family-access';
import type { FamilyReader } from '../platform/registries';
import { referralFamilyView } from './referrals.family';

let env: TestEnv;
let smhl: TestClient;
let dsl: TestClient;
let oliviaId: string;
const db = () => env.deps.database.db;
const school = () => `/api/schools/${env.world.kingsmead}`;
const ref = (id: string) => `${school()}/referrals/${id}`;
const today = () => env.clock.now().toISOString().slice(0, 10);

const COMPLETE = {
  reason: 'Low mood for months.',
  durationImpact: 'Since March; missing lessons.',
  risk: 'No known risk; safety plan in place.',
  tried: 'ELSA for six weeks; little change.',
  pupilView: 'Would like help.',
  familyContext: 'Lives with mum.',
  medicalEvidence: 'Consultant letter of 1 November.',
  gp: 'The Health Centre.',
};

async function detail(by: TestClient, id: string) {
  return by.get<ReferralDetail>(ref(id));
}

/** A referral for Olivia, written in full by `by`, optionally sent. */
async function referral(
  by: TestClient,
  o: { service?: string; consent?: string; consentNote?: string; send?: boolean } = {},
): Promise<string> {
  const started = await by.post<{ id: string }>(`${school()}/pupils/${oliviaId}/referrals`, {
    service: o.service ?? 'camhs',
    submissionKey: randomUUID(),
  });
  expect(started.status, started.text).toBe(201);
  const id = started.body.id;
  const saved = await by.put(ref(id), {
    parts: COMPLETE,
    consent: o.consent ?? 'given',
    consentNote: o.consentNote ?? '',
    serviceId: null,
    version: (await detail(by, id)).body.referral.version,
  });
  expect(saved.status, saved.text).toBe(200);
  if (o.send !== false) {
    const sent = await by.post(`${ref(id)}/steps`, {
      to: 'sent',
      on: today(),
      note: '',
      version: (await detail(by, id)).body.referral.version,
    });
    expect(sent.status, sent.text).toBe(200);
  }
  return id;
}

async function share(by: TestClient, id: string, version?: number) {
  return by.post<ReferralDetail & { error?: { code: string; message: string } }>(`${ref(id)}/share-with-parents`, {
    version: version ?? (await detail(smhl, id)).body.referral.version,
  });
}

/** Emma's reader for Olivia, built as the family routes build it. */
async function emmaReader(): Promise<FamilyReader> {
  const [u] = await db().select().from(users).where(eq(users.email, PEOPLE.parent));
  const actor = {
    userId: u!.id,
    email: u!.email,
    displayName: u!.displayName,
    assignments: await loadAssignments(db(), u!.id),
  };
  const reader = await findFamilyReader(db(), { actor, schoolId: env.world.kingsmead, now: env.clock.now() }, oliviaId);
  if (!reader) throw new Error('Emma is not linked to Olivia');
  return reader;
}

beforeAll(async () => {
  env = await createTestEnv();
  const [olivia] = await db()
    .select({ id: pupils.id })
    .from(pupils)
    .innerJoin(users, eq(users.id, pupils.userId))
    .where(eq(users.email, PEOPLE.pupil));
  oliviaId = olivia!.id;
  smhl = await env.as('smhl');
  dsl = await env.as('dsl');
});
afterAll(async () => {
  await env.close();
});

describe('sharing a referral with parents', () => {
  let id: string;

  it('lets the SMHL share a sent referral: recorded, audited, and the family told', async () => {
    id = await referral(smhl);
    const before = (await detail(smhl, id)).body.referral;
    expect(before.sharedWithParentsAt).toBeNull();
    const news = (await db().select().from(familyNews).where(eq(familyNews.pupilId, oliviaId))).length;

    const res = await share(smhl, id, before.version);
    expect(res.status, res.text).toBe(200);
    expect(res.body.referral.sharedWithParentsAt).toBe(env.clock.now().toISOString());
    expect(res.body.referral.version).toBe(before.version + 1);

    const [row] = await db().select().from(referrals).where(eq(referrals.id, id));
    expect(row?.sharedWithParentsBy).toBe(env.world.userId('smhl'));
    const [audit] = await db()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'referral.shared_with_parents'))
      .orderBy(desc(auditEvents.seq))
      .limit(1);
    expect(audit?.subjectType).toBe('referral');
    expect(audit?.subjectId).toBe(id);
    expect(audit?.actorUserId).toBe(env.world.userId('smhl'));
    expect((await db().select().from(familyNews).where(eq(familyNews.pupilId, oliviaId))).length).toBe(news + 1);
  });

  it('tells the family again when a shared referral moves on', async () => {
    const news = (await db().select().from(familyNews).where(eq(familyNews.pupilId, oliviaId))).length;
    const version = (await detail(smhl, id)).body.referral.version;
    const res = await smhl.post(`${ref(id)}/steps`, { to: 'acknowledged', on: today(), note: '', version });
    expect(res.status, res.text).toBe(200);
    expect((await db().select().from(familyNews).where(eq(familyNews.pupilId, oliviaId))).length).toBe(news + 1);
    const { referrals: shown } = await referralFamilyView.forParent!(db(), await emmaReader());
    expect(shown?.find((r) => r.id === id)?.stateLabel).toBe('Received, waiting to hear');
  });

  it('changes nothing when shared again', async () => {
    const before = (await detail(smhl, id)).body.referral;
    const res = await share(smhl, id, before.version);
    expect(res.status).toBe(200);
    expect(res.body.referral.version).toBe(before.version);
    expect(res.body.referral.sharedWithParentsAt).toBe(before.sharedWithParentsAt);
  });

  it('refuses a stale version', async () => {
    const other = await referral(smhl);
    const v = (await detail(smhl, other)).body.referral.version;
    const res = await share(smhl, other, v - 1);
    expect(res.status).toBe(409);
  });

  it('shows the parent where it stands in plain words, with support while they wait', async () => {
    const { referrals: shown } = await referralFamilyView.forParent!(db(), await emmaReader());
    const mine = shown?.find((r) => r.id === id);
    expect(mine).toMatchObject({
      serviceLabel: 'CAMHS / CYPMHS',
      stateLabel: REFERRAL_PARENT_STATE_LABELS.acknowledged,
      sentOn: today(),
      waitedDays: 0,
      firstAppointmentOn: null,
    });
    for (const w of mine?.whileYouWait ?? []) {
      expect(w.name).not.toBe('');
      expect(w.how).not.toBe('');
    }
    // Nothing of what the referral says.
    expect(JSON.stringify(shown)).not.toContain(COMPLETE.reason);
  });

  it('refuses a draft with a clear message, and never shows one', async () => {
    const draft = await referral(smhl, { send: false });
    const res = await share(smhl, draft);
    expect(res.status).toBe(409);
    expect(res.body.error?.message).toBe('Send the referral before you share it with parents.');
    const { referrals: shown } = await referralFamilyView.forParent!(db(), await emmaReader());
    expect(shown?.some((r) => r.id === draft)).toBe(false);
  });

  it('refuses a restricted referral, even for the DSL, and never shows one to parents', async () => {
    const restricted = await referral(dsl, {
      service: 'social_care',
      consent: 'not_sought',
      consentNote: 'Asking could put the child at risk.',
    });
    expect((await detail(dsl, restricted)).body.referral.restricted).toBe(true);
    const version = (await detail(dsl, restricted)).body.referral.version;
    const res = await share(dsl, restricted, version);
    expect(res.status).toBe(409);
    expect(res.body.error?.message).toContain('cannot be shared with parents');
    const [row] = await db().select().from(referrals).where(eq(referrals.id, restricted));
    expect(row?.sharedWithParentsAt).toBeNull();
    // The SMHL cannot see it at all.
    expect((await share(smhl, restricted, version)).status).toBe(404);

    // Even if the column were set, the parent's view leaves a restricted referral out.
    await db()
      .update(referrals)
      .set({ sharedWithParentsAt: env.clock.now() })
      .where(and(eq(referrals.id, restricted)));
    const { referrals: shown } = await referralFamilyView.forParent!(db(), await emmaReader());
    expect(shown?.some((r) => r.id === restricted)).toBe(false);
  });

  it('is not for a teacher, nor for another school', async () => {
    const version = (await detail(smhl, id)).body.referral.version;
    const tutor = await env.as('tutor');
    expect([403, 404]).toContain((await share(tutor, id, version)).status);
    const otherHead = await env.as('otherHead');
    expect((await share(otherHead, id, version)).status).toBe(404);
    const otherSchool = await otherHead.post(`/api/schools/${env.world.willow}/referrals/${id}/share-with-parents`, {
      version,
    });
    expect(otherSchool.status).toBe(404);
  });
});
