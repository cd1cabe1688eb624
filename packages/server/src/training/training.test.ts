/**
 * The staff training record, as stories per role: a tutor records their own training and the
 * Mental Health Lead confirms it; nobody else sees it; the lead adds and corrects records; bad
 * input is refused with nothing stored; another school, parents and pupils are kept out.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { auditEvents, trainingRecords } from '@tandem/core/schema';
import { addDaysTo, londonToday, type MyTraining, type TrainingRecord } from '@tandem/core';
import { createTestEnv, type Person, type TestClient, type TestEnv } from '../../test/harness';

let env: TestEnv;
let smhl: TestClient;
let tutor: TestClient;
let support: TestClient;

const school = () => `/api/schools/${env.world.kingsmead}`;
const today = () => londonToday(env.clock.now());
type Saved = { id: string; version: number };
type Refusal = { error: { code: string; fields?: { path: string; message: string }[] } };

function body(over: Record<string, unknown> = {}) {
  return { course: 'prevent', completedOn: addDaysTo(today(), -10), provider: 'Home Office e-learning', ...over };
}

async function count(): Promise<number> {
  const [row] = await env.deps.database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(trainingRecords)
    .where(eq(trainingRecords.schoolId, env.world.kingsmead));
  return row?.n ?? 0;
}

async function add(by: TestClient, over: Record<string, unknown> = {}): Promise<Saved> {
  const res = await by.post<Saved>(`${school()}/training`, body(over));
  expect(res.status, res.text).toBe(201);
  return res.body;
}

async function auditOf(id: string) {
  return env.deps.database.db
    .select({ action: auditEvents.action, detail: auditEvents.detail })
    .from(auditEvents)
    .where(and(eq(auditEvents.subjectType, 'training_record'), eq(auditEvents.subjectId, id)));
}

beforeAll(async () => {
  env = await createTestEnv();
  [smhl, tutor, support] = await Promise.all([env.as('smhl'), env.as('tutor'), env.as('support')]);
});
afterAll(async () => {
  await env.close();
});

describe('a member of staff records their own training and the lead confirms it', () => {
  let own: Saved;
  beforeAll(async () => {
    own = await add(tutor, { course: 'mental_health_awareness', notes: 'Online, in PPA time.' });
  });

  it('waits for confirmation, with the course’s usual renewal period', async () => {
    const res = await tutor.get<TrainingRecord>(`${school()}/training/${own.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'awaiting_confirmation',
      renewalMonths: 36,
      courseName: 'Mental health awareness',
      canEdit: false,
      canConfirm: false,
      confirmedByName: null,
    });
    const mine = await tutor.get<MyTraining>(`${school()}/my-training`);
    expect(mine.body.records.map((r) => r.id)).toContain(own.id);
    expect(mine.body.canManage).toBe(false);
    expect(mine.body.required.map((r) => r.course)).toContain('safeguarding_level_1');
    expect(await auditOf(own.id)).toEqual([
      {
        action: 'training.recorded',
        detail: { userId: env.world.userId('tutor'), course: 'mental_health_awareness', confirmed: false },
      },
    ]);
  });

  it('is not seen by another member of staff (404), who may not confirm or correct it (403)', async () => {
    expect((await support.get(`${school()}/training/${own.id}`)).status).toBe(404);
    expect((await support.post(`${school()}/training/${own.id}/confirm`, { version: 1 })).status).toBe(403);
    expect((await tutor.post(`${school()}/training/${own.id}/confirm`, { version: 1 })).status).toBe(403);
    expect((await support.put(`${school()}/training/${own.id}`, { details: body(), version: 1 })).status).toBe(403);
    expect((await support.get(`${school()}/training`)).status).toBe(403);
    expect((await support.get(`${school()}/training.csv`)).status).toBe(403);
  });

  it('may not be added for someone else by a member of staff (403)', async () => {
    const before = await count();
    const res = await support.post(`${school()}/training`, body({ userId: env.world.userId('tutor') }));
    expect(res.status).toBe(403);
    expect(await count()).toBe(before);
  });

  it('is confirmed by the lead, once', async () => {
    const seen = await smhl.get<TrainingRecord>(`${school()}/training/${own.id}`);
    expect(seen.body).toMatchObject({ canEdit: true, canConfirm: true, staffName: expect.any(String) as string });
    const res = await smhl.post<Saved>(`${school()}/training/${own.id}/confirm`, { version: own.version });
    expect(res.status, res.text).toBe(200);
    const after = await tutor.get<TrainingRecord>(`${school()}/training/${own.id}`);
    expect(after.body.status).toBe('confirmed');
    expect(after.body.confirmedByName).not.toBeNull();
    const again = await smhl.post(`${school()}/training/${own.id}/confirm`, { version: own.version });
    expect(again.status).toBe(409);
    expect((await auditOf(own.id)).map((a) => a.action)).toContain('training.confirmed');
  });
});

describe('the lead records and corrects training', () => {
  it('adds for a member of staff, confirmed at once, and one record for a double-submitted form', async () => {
    const submissionKey = randomUUID();
    const first = await add(smhl, { userId: env.world.userId('support'), submissionKey, renewalMonths: 12 });
    const again = await add(smhl, { userId: env.world.userId('support'), submissionKey, renewalMonths: 12 });
    expect(again.id).toBe(first.id);
    const r = (await support.get<TrainingRecord>(`${school()}/training/${first.id}`)).body;
    expect(r).toMatchObject({ status: 'confirmed', renewalMonths: 12, expiresOn: expect.any(String) as string });
  });

  it.each<[Person]>([['head'], ['schoolAdmin']])('%s may add for others too', async (who) => {
    const c = await env.as(who);
    const saved = await add(c, { userId: env.world.userId('firstAider'), course: 'mental_health_first_aid' });
    expect((await c.get<TrainingRecord>(`${school()}/training/${saved.id}`)).body.renewalMonths).toBe(36);
  });

  it('refuses someone not on the staff, with nothing stored', async () => {
    const before = await count();
    for (const userId of [env.world.userId('parent'), env.world.userId('otherTeacher'), randomUUID()]) {
      const res = await smhl.post<Refusal>(`${school()}/training`, body({ userId }));
      expect(res.status).toBe(400);
      expect(res.body.error.fields?.map((f) => f.path)).toEqual(['userId']);
    }
    expect(await count()).toBe(before);
  });

  it('refuses a date in the future or not a real date, an "other" course without a name, a bad renewal', async () => {
    const before = await count();
    const refused = async (over: Record<string, unknown>, path: string) => {
      const res = await tutor.post<Refusal>(`${school()}/training`, body(over));
      expect(res.status, JSON.stringify(over)).toBe(400);
      expect(res.body.error.fields?.map((f) => f.path)).toContain(path);
    };
    await refused({ completedOn: addDaysTo(today(), 1) }, 'completedOn');
    await refused({ completedOn: '2026-02-30' }, 'completedOn');
    await refused({ course: 'other' }, 'otherName');
    await refused({ renewalMonths: 0 }, 'renewalMonths');
    await refused({ provider: '  ' }, 'provider');
    await refused({ certificateDocumentId: randomUUID() }, 'certificateDocumentId');
    expect(await count()).toBe(before);
  });

  it('corrects a record with the version it started from; a stale version is refused (409)', async () => {
    const saved = await add(smhl, {
      userId: env.world.userId('tutor'),
      course: 'other',
      otherName: 'Attachment aware',
    });
    const change = (version: number, provider: string) =>
      smhl.put<Saved>(`${school()}/training/${saved.id}`, {
        details: body({ course: 'other', otherName: 'Attachment aware', provider, renewalMonths: 24 }),
        version,
      });
    const ok = await change(saved.version, 'Virtual School');
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.version).toBe(saved.version + 1);
    expect((await change(saved.version, 'Someone else')).status).toBe(409);
    const r = (await tutor.get<TrainingRecord>(`${school()}/training/${saved.id}`)).body;
    expect(r).toMatchObject({ provider: 'Virtual School', renewalMonths: 24, courseName: 'Attachment aware' });
    const changed = (await auditOf(saved.id)).find((a) => a.action === 'training.changed');
    expect(changed?.detail).toEqual({ fields: ['provider', 'renewalMonths'] });
  });

  it('keeps a certificate uploaded to the school’s documents', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const up = await tutor.request<{ id: string }>('POST', `${school()}/documents?fileName=certificate.png`, png, {
      'content-type': 'image/png',
    });
    expect(up.status, up.text).toBe(201);
    const saved = await add(tutor, { certificateDocumentId: up.body.id });
    const r = (await tutor.get<TrainingRecord>(`${school()}/training/${saved.id}`)).body;
    expect(r.certificate).toMatchObject({ id: up.body.id, fileName: 'certificate.png' });
  });
});

describe('outside the school, and families', () => {
  let recordId: string;
  beforeAll(async () => {
    recordId = (await add(tutor)).id;
  });

  it('another school’s staff find nothing (404), even through their own school', async () => {
    const other = await env.as('otherHead');
    expect((await other.get(`${school()}/training`)).status).toBe(404);
    expect((await other.get(`${school()}/my-training`)).status).toBe(404);
    expect((await other.get(`${school()}/training/${recordId}`)).status).toBe(404);
    expect((await other.post(`${school()}/training/${recordId}/confirm`, { version: 1 })).status).toBe(404);
    const willow = `/api/schools/${env.world.willow}`;
    expect((await other.get(`${willow}/training/${recordId}`)).status).toBe(404);
    expect((await other.post(`${willow}/training/${recordId}/confirm`, { version: 1 })).status).toBe(404);
    const res = await other.post<Refusal>(`${willow}/training`, body({ userId: env.world.userId('tutor') }));
    expect(res.status).toBe(400);
  });

  it.each<[Person]>([['parent'], ['pupil']])('a %s is refused every page (403)', async (who) => {
    const c = await env.as(who);
    expect((await c.get(`${school()}/my-training`)).status).toBe(403);
    expect((await c.get(`${school()}/training`)).status).toBe(403);
    expect((await c.get(`${school()}/training/${recordId}`)).status).toBe(403);
    expect((await c.post(`${school()}/training`, body())).status).toBe(403);
  });

  it('the trust administrator, with no role in the school, finds nothing (404)', async () => {
    const c = await env.as('trustAdmin');
    expect((await c.get(`${school()}/training`)).status).toBe(404);
    expect((await c.get(`${school()}/training/${recordId}`)).status).toBe(404);
  });
});
