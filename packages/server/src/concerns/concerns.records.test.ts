/**
 * The concerns' part of a pupil's records (subject access, transfer, retention): the restricted
 * record only when asked for, each item's class and suggestion, and destruction of exactly this
 * pupil's part (a concern shared with another pupil keeps theirs), with the audit trail intact.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import type { PupilRecordItem } from '@tandem/core';
import {
  alerts,
  concernActions,
  concernAddenda,
  concernFiles,
  concernPupils,
  concerns,
  levelChanges,
  pupils,
} from '@tandem/core/schema';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness';
import { sealAuditTrail } from '../audit/audit.sealer';
import { verifyAuditChain } from '../audit/audit.service';
import { CHILD_PROTECTION_REASON, concernRecords, OTHER_PUPIL_REASON } from './concerns.records';

let env: TestEnv;
let pupilA: string; // in 9W, taught by the demo tutor
let pupilB: string; // in 8K
const db = () => env.deps.database.db;
const base = () => `/api/schools/${env.world.kingsmead}/concerns`;

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  Buffer.from('IHDR', 'latin1'),
  Buffer.from([0, 0, 0, 1, 0, 0, 0, 1]),
]);

async function log(by: TestClient, over: Record<string, unknown> = {}): Promise<string> {
  const res = await by.post<{ id: string }>(base(), {
    submissionKey: randomUUID(),
    pupilIds: [pupilA],
    occurredAt: new Date(env.clock.now().getTime() - 30 * 60_000).toISOString(),
    location: 'Form room 9W',
    account: 'Seemed very low in registration and said she had not slept.',
    pupilWords: 'I just can’t be bothered with anything any more.',
    warningSigns: ['sleep_routine'],
    othersPresent: '',
    riskOfImmediateHarm: false,
    possibleChildProtection: false,
    medicalEmergency: false,
    ...over,
  });
  if (res.status !== 201) throw new Error(`log failed: ${res.status} ${res.text}`);
  return res.body.id;
}

const records = (pupilId: string, includeRestricted: boolean) =>
  concernRecords.records(db(), { schoolId: env.world.kingsmead, pupilId, includeRestricted });
const destroy = (pupilId: string, recordClass: 'child-protection' | 'sen' | 'wellbeing') =>
  db().transaction((tx) => concernRecords.destroy(tx, { schoolId: env.world.kingsmead, pupilId, recordClass }));
const countOf = (out: { kind: string; count: number }[], kind: string) => out.find((o) => o.kind === kind)?.count ?? 0;
const ofConcern = (items: PupilRecordItem[], id: string) =>
  items.filter((i) => i.id === id || i.body.includes(`: ${id}`) || i.title.includes(id));

let alone: string; // about pupil A only, ordinary
let shared: string; // about A and B, ordinary
let cpAlone: string; // about A only, in the restricted record
let cpShared: string; // about A and B, in the restricted record
const refs = new Map<string, string>();

beforeAll(async () => {
  env = await createTestEnv();
  const [a] = await db()
    .select()
    .from(pupils)
    .where(and(eq(pupils.schoolId, env.world.kingsmead), eq(pupils.form, '9W')));
  const [b] = await db()
    .select()
    .from(pupils)
    .where(and(eq(pupils.schoolId, env.world.kingsmead), eq(pupils.form, '8K')));
  pupilA = a!.id;
  pupilB = b!.id;

  const tutor = await env.as('tutor');
  const smhl = await env.as('smhl');
  const dsl = await env.as('dsl');
  alone = await log(tutor, { location: 'The library' });
  expect(
    (
      await smhl.post(`${base()}/${alone}/addenda`, {
        text: 'Spoke to mum: poor sleep.',
        reason: 'Information from home',
      })
    ).status,
  ).toBe(200);
  expect(
    (
      await smhl.post(`${base()}/${alone}/actions`, {
        description: 'Check in at lunch',
        ownerUserId: env.world.userId('pastoral'),
        dueOn: new Date(env.clock.now().getTime() + 2 * 86_400_000).toISOString().slice(0, 10),
      })
    ).status,
  ).toBe(201);
  const file = await tutor.request('POST', `${base()}/${alone}/files?fileName=${encodeURIComponent('note.png')}`, PNG, {
    'content-type': 'image/png',
  });
  expect(file.status).toBe(201);
  shared = await log(tutor, { pupilIds: [pupilA, pupilB], account: 'An argument in the corridor.' });
  cpAlone = await log(tutor, { possibleChildProtection: true, account: 'A bruise she would not explain.' });
  expect(
    (await dsl.post(`${base()}/${cpAlone}/addenda`, { text: 'Spoke to social care.', reason: 'Next step' })).status,
  ).toBe(200);
  cpShared = await log(tutor, { possibleChildProtection: true, pupilIds: [pupilA, pupilB], account: 'Both hurt.' });
  for (const c of await db()
    .select()
    .from(concerns)
    .where(inArray(concerns.id, [alone, shared, cpAlone, cpShared]))) {
    refs.set(c.id, c.reference);
  }
});
afterAll(async () => {
  await env.close();
});

describe('gathering a pupil’s concerns', () => {
  it('without the restricted record, nothing from it is returned', async () => {
    const items = await records(pupilA, false);
    expect(items.every((i) => !i.restricted && i.recordClass === 'wellbeing')).toBe(true);
    const ids = new Set(items.map((i) => i.id));
    expect(ids.has(alone)).toBe(true);
    expect(ids.has(shared)).toBe(true);
    expect(ids.has(cpAlone)).toBe(false);
    expect(ids.has(cpShared)).toBe(false);
    for (const ref of [refs.get(cpAlone)!, refs.get(cpShared)!]) {
      expect(items.some((i) => i.title.includes(ref) || i.body.includes(ref))).toBe(false);
    }
    expect(items.some((i) => i.body.includes('Spoke to social care'))).toBe(false);
  });

  it('each item says what it holds in plain words, with names of staff, and carries its class and suggestion', async () => {
    const items = await records(pupilA, false);
    const concern = items.find((i) => i.id === alone)!;
    expect(concern).toMatchObject({ source: 'concerns', kind: 'concern', recordClass: 'wellbeing', restricted: false });
    expect(concern.suggested.decision).toBe('disclose');
    expect(concern.title).toContain('Ben Wright');
    expect(concern.body).toContain('Where it happened: The library');
    expect(concern.body).toContain('The pupil\'s own words: "I just can’t be bothered');
    expect(concern.body).toContain('Warning signs noticed: Sleep patterns changing');
    expect(concern.body).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(new Date(concern.at).toISOString()).toBe(concern.at);

    const ref = refs.get(alone)!;
    const mine = items.filter((i) => i.title.includes(ref) || i.body.includes(ref));
    expect(mine.map((i) => i.kind).sort()).toEqual(['concern', 'concern-action', 'concern-addendum', 'concern-file']);
    const addendum = mine.find((i) => i.kind === 'concern-addendum')!;
    expect(addendum.body).toContain('What was added: Spoke to mum: poor sleep.');
    expect(addendum.title).toContain('Sam Patel');
    const action = mine.find((i) => i.kind === 'concern-action')!;
    expect(action.body).toContain('Who does it: Tom Fletcher');
    const file = mine.find((i) => i.kind === 'concern-file')!;
    expect(file.body).toContain('File name: note.png');
    expect(file.body).toContain('Kind of file: PNG image');
    expect(file.body).not.toContain(PNG.toString('base64'));

    const two = items.find((i) => i.id === shared)!;
    expect(two.suggested).toEqual({ decision: 'redact', reason: OTHER_PUPIL_REASON });
    expect(two.body).toContain('Also about: one other pupil (not named here)');
  });

  it('with the restricted record, its concerns are the child-protection file, suggested to be withheld', async () => {
    const items = await records(pupilA, true);
    for (const id of [cpAlone, cpShared]) {
      const item = items.find((i) => i.id === id)!;
      expect(item).toMatchObject({
        recordClass: 'child-protection',
        restricted: true,
        suggested: { decision: 'withhold', reason: CHILD_PROTECTION_REASON },
      });
    }
    const addendum = items.find((i) => i.kind === 'concern-addendum' && i.body.includes('Spoke to social care'))!;
    expect(addendum).toMatchObject({ recordClass: 'child-protection', restricted: true });
    expect(addendum.suggested.decision).toBe('withhold');
    expect(ofConcern(items, alone).length).toBeGreaterThan(0);
  });
});

describe('destroying a pupil’s concerns of one class', () => {
  it('SEN records: concerns are never of that class, so nothing goes', async () => {
    expect(await destroy(pupilA, 'sen')).toEqual([]);
    expect((await records(pupilA, true)).length).toBeGreaterThan(0);
  });

  it('wellbeing records: a concern only about the pupil goes with everything on it; a shared one keeps the other pupil', async () => {
    const aloneAlerts = await db().select().from(alerts).where(eq(alerts.concernId, alone));
    expect(aloneAlerts.length).toBeGreaterThan(0);
    const before = await records(pupilA, false);
    const soleBefore = before.filter((i) => i.kind === 'concern' && i.suggested.decision === 'disclose').length;
    const sharedBefore = before.filter((i) => i.kind === 'concern' && i.suggested.decision === 'redact').length;

    const out = await destroy(pupilA, 'wellbeing');
    expect(countOf(out, 'concern')).toBe(soleBefore);
    expect(countOf(out, 'concern-shared-link')).toBe(sharedBefore);
    expect(countOf(out, 'concern-addendum')).toBeGreaterThanOrEqual(1);
    expect(countOf(out, 'concern-action')).toBeGreaterThanOrEqual(1);
    expect(countOf(out, 'concern-file')).toBeGreaterThanOrEqual(1);
    expect(countOf(out, 'concern-alert')).toBeGreaterThanOrEqual(aloneAlerts.length);
    expect(out.every((o) => o.count > 0 && !/[0-9a-f]{8}-/.test(o.kind))).toBe(true);

    expect(await db().select().from(concerns).where(eq(concerns.id, alone))).toEqual([]);
    expect(await db().select().from(concernAddenda).where(eq(concernAddenda.concernId, alone))).toEqual([]);
    expect(await db().select().from(concernActions).where(eq(concernActions.concernId, alone))).toEqual([]);
    expect(await db().select().from(concernFiles).where(eq(concernFiles.concernId, alone))).toEqual([]);
    expect(await db().select().from(alerts).where(eq(alerts.concernId, alone))).toEqual([]);

    // The shared concern is still the other pupil's, and no longer this pupil's.
    const links = await db().select().from(concernPupils).where(eq(concernPupils.concernId, shared));
    expect(links.map((l) => l.pupilId)).toEqual([pupilB]);
    expect((await records(pupilB, false)).some((i) => i.id === shared)).toBe(true);
    const smhl = await env.as('smhl');
    expect((await smhl.get(`${base()}/${shared}`)).status).toBe(200);
    expect((await smhl.get(`${base()}/${alone}`)).status).toBe(404);

    // Nothing of this class is left; the child-protection file is untouched.
    const after = await records(pupilA, true);
    expect(after.filter((i) => i.recordClass === 'wellbeing')).toEqual([]);
    expect(after.map((i) => i.id)).toEqual(expect.arrayContaining([cpAlone, cpShared]));
    expect(await destroy(pupilA, 'wellbeing')).toEqual([]);
  });

  it('the child-protection file: the pupil’s own concerns go, a shared one stays the other pupil’s', async () => {
    const levelsBefore = await db().select().from(levelChanges).where(eq(levelChanges.pupilId, pupilA));
    const out = await destroy(pupilA, 'child-protection');
    expect(countOf(out, 'concern')).toBeGreaterThanOrEqual(1);
    expect(countOf(out, 'concern-shared-link')).toBeGreaterThanOrEqual(1);
    expect(countOf(out, 'concern-addendum')).toBeGreaterThanOrEqual(1);
    expect(await db().select().from(concerns).where(eq(concerns.id, cpAlone))).toEqual([]);
    expect(await db().select().from(alerts).where(eq(alerts.concernId, cpAlone))).toEqual([]);
    const links = await db().select().from(concernPupils).where(eq(concernPupils.concernId, cpShared));
    expect(links.map((l) => l.pupilId)).toEqual([pupilB]);
    expect((await records(pupilB, true)).find((i) => i.id === cpShared)).toMatchObject({ restricted: true });
    expect(await records(pupilA, true)).toEqual([]);
    // Other features' records of the pupil are not this source's to touch.
    expect(await db().select().from(levelChanges).where(eq(levelChanges.pupilId, pupilA))).toEqual(levelsBefore);
    expect((await db().select().from(pupils).where(eq(pupils.id, pupilA))).length).toBe(1);
  });

  it('afterwards the audit trail still seals and verifies', async () => {
    while (await sealAuditTrail(db())) {
      // batch after batch
    }
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true, unsealed: 0 });
  });
});
