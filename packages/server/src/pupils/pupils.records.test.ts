/**
 * The pupil's own part of their records (subject access, transfer, retention): their details, SEND
 * status, contacts, corrections and case team in plain words; destruction takes the corrections and
 * case team of one class and never the pupil or their contacts; the audit trail still verifies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { PupilProfileResponse } from '@tandem/core';
import { caseTeamMembers, contacts, pupilDetailChanges, pupils } from '@tandem/core/schema';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness';
import { sealAuditTrail } from '../audit/audit.sealer';
import { verifyAuditChain } from '../audit/audit.service';
import { pupilDetailRecords } from './pupils.records';

let env: TestEnv;
let pupil: typeof pupils.$inferSelect;
let smhl: TestClient;
const db = () => env.deps.database.db;
const pupilUrl = () => `/api/schools/${env.world.kingsmead}/pupils/${pupil.id}`;
const records = (pupilId = pupil.id) =>
  pupilDetailRecords.records(db(), { schoolId: env.world.kingsmead, pupilId, includeRestricted: true });
const destroy = (recordClass: 'child-protection' | 'sen' | 'wellbeing') =>
  db().transaction((tx) =>
    pupilDetailRecords.destroy(tx, { schoolId: env.world.kingsmead, pupilId: pupil.id, recordClass }),
  );

async function correct(body: Record<string, unknown>) {
  const profile = await smhl.get<PupilProfileResponse>(pupilUrl());
  if (profile.body.view !== 'case') throw new Error('expected case view');
  const res = await smhl.patch(pupilUrl(), { ...body, version: profile.body.pupil.version });
  if (res.status !== 200) throw new Error(`correction failed: ${res.status} ${res.text}`);
}

beforeAll(async () => {
  env = await createTestEnv();
  const [withContact] = await db()
    .select({ p: pupils })
    .from(pupils)
    .innerJoin(contacts, eq(contacts.pupilId, pupils.id))
    .where(and(eq(pupils.schoolId, env.world.kingsmead), eq(pupils.form, '9W')))
    .limit(1);
  pupil = withContact!.p;
  smhl = await env.as('smhl');
  await correct({ form: '9X', reason: 'MIS had the wrong form' });
  await correct({ send: pupil.send === 'support' ? 'ehcp' : 'support', reason: 'The EHCP was issued' });
  const added = await smhl.post(`${pupilUrl()}/case-team`, { userId: env.world.userId('pastoral') });
  expect(added.status).toBeLessThan(300);
});
afterAll(async () => {
  await env.close();
});

describe('gathering the pupil’s own records', () => {
  it('details as held are wellbeing records; special educational needs are SEN records', async () => {
    const items = await records();
    expect(items.every((i) => i.source === 'pupils' && !i.restricted)).toBe(true);
    const details = items.find((i) => i.kind === 'pupil-details')!;
    expect(details.recordClass).toBe('wellbeing');
    expect(details.body).toContain(`Name: ${pupil.givenName} ${pupil.familyName}`);
    expect(details.body).toContain(`Unique pupil number (UPN): ${pupil.upn}`);
    expect(details.body).toContain('Form: 9X');
    expect(details.body).toMatch(/Date of birth: \d{1,2} \w{3} \d{4}/);
    const send = items.find((i) => i.kind === 'pupil-send')!;
    expect(send.recordClass).toBe('sen');
    expect(send.body).toMatch(/^Special educational needs: (SEN support|Education, health and care plan \(EHCP\))$/);
  });

  it('contacts are listed with their parental responsibility, suggested for redaction as another adult’s details', async () => {
    const held = await db().select().from(contacts).where(eq(contacts.pupilId, pupil.id));
    const items = (await records()).filter((i) => i.kind === 'contact');
    expect(items.length).toBe(held.length);
    expect(items[0]!.body).toContain('Parental responsibility: ');
    expect(items.every((i) => i.suggested.decision === 'redact' && i.recordClass === 'wellbeing')).toBe(true);
  });

  it('a correction of SEND is an SEN record, any other a wellbeing record; the case team names staff', async () => {
    const items = await records();
    const corrections = items.filter((i) => i.kind === 'details-correction');
    const form = corrections.find((i) => i.body.includes('form: changed from'))!;
    expect(form.recordClass).toBe('wellbeing');
    expect(form.body).toContain('Why: MIS had the wrong form');
    expect(form.body).toContain('Corrected by: Sam Patel');
    const send = corrections.find((i) => i.body.includes('SEND: changed from'))!;
    expect(send.recordClass).toBe('sen');
    const team = items.find((i) => i.kind === 'case-team-member' && i.body.includes('Who: Tom Fletcher'))!;
    expect(team.body).toContain('added by Sam Patel');
    for (const i of items) expect(i.body).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });
});

describe('destroying the pupil’s own records of one class', () => {
  it('never the pupil or their contacts; SEN corrections, then the rest with the case team', async () => {
    const contactsBefore = await db().select().from(contacts).where(eq(contacts.pupilId, pupil.id));
    expect(await destroy('child-protection')).toEqual([]);

    const sen = await destroy('sen');
    expect(sen).toEqual([{ kind: 'details-correction', count: 1 }]);
    const left = await db().select().from(pupilDetailChanges).where(eq(pupilDetailChanges.pupilId, pupil.id));
    expect(left.map((c) => Object.keys(c.changes))).toEqual([['form']]);

    const team = await db().select().from(caseTeamMembers).where(eq(caseTeamMembers.pupilId, pupil.id));
    const wellbeing = await destroy('wellbeing');
    expect(wellbeing).toEqual([
      { kind: 'details-correction', count: 1 },
      { kind: 'case-team-member', count: team.length },
    ]);
    expect(await db().select().from(pupilDetailChanges).where(eq(pupilDetailChanges.pupilId, pupil.id))).toEqual([]);
    expect(await db().select().from(caseTeamMembers).where(eq(caseTeamMembers.pupilId, pupil.id))).toEqual([]);

    // The admission register keeps the pupil: their row and contacts stay, and so do their details.
    expect((await db().select().from(pupils).where(eq(pupils.id, pupil.id))).length).toBe(1);
    expect(await db().select().from(contacts).where(eq(contacts.pupilId, pupil.id))).toEqual(contactsBefore);
    const kinds = (await records()).map((i) => i.kind);
    expect(kinds).toContain('pupil-details');
    expect(kinds).not.toContain('details-correction');
    expect((await smhl.get(pupilUrl())).status).toBe(200);
  });

  it('afterwards the audit trail still seals and verifies', async () => {
    while (await sealAuditTrail(db())) {
      // batch after batch
    }
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true, unsealed: 0 });
  });
});
