import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { auditEvents, documents, resources } from '@tandem/core/schema';
import { STARTER_LIBRARY, type MyWork, type Resource, type ResourceList } from '@tandem/core';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness';

let env: TestEnv;
let smhl: TestClient;
let admin: TestClient;

const lib = (schoolId = env.world.kingsmead) => `/api/schools/${schoolId}/resources`;
const trustLib = () => `/api/trusts/${env.world.trustId}/resources`;

const ENTRY = {
  title: 'Our peer mentoring scheme',
  description: 'How Year 10 mentors are trained and matched with younger pupils.',
  audiences: ['staff', 'pupils'],
  kind: 'guidance',
  areas: ['county.voice', 'principles.student_voice'],
  url: 'https://kingsmead.example/peer-mentoring',
};

async function count(): Promise<number> {
  return (await env.deps.database.db.select({ id: resources.id }).from(resources)).length;
}

async function titles(by: TestClient, query = '', schoolId = env.world.kingsmead) {
  const res = await by.get<ResourceList>(`${lib(schoolId)}${query}`);
  expect(res.status, res.text).toBe(200);
  return res.body.resources;
}

async function addOwn(body: Record<string, unknown> = ENTRY): Promise<string> {
  const res = await smhl.post<{ id: string }>(lib(), body);
  expect(res.status, res.text).toBe(201);
  return res.body.id;
}

async function addShared(by: TestClient, title: string): Promise<string> {
  const res = await by.post<{ id: string }>(trustLib(), { ...ENTRY, title, audiences: ['leaders'] });
  expect(res.status, res.text).toBe(201);
  return res.body.id;
}

beforeAll(async () => {
  env = await createTestEnv();
  smhl = await env.as('smhl');
  admin = await env.as('trustAdmin');
});
afterAll(async () => {
  await env.close();
});

describe('the starter library', () => {
  it('is given to the trust once, when a school is added', async () => {
    for (const [name, urn] of [
      ['Brookside Primary', '900881'],
      ['Hilltop Academy', '900882'],
    ] as const) {
      const res = await admin.post(`/api/trusts/${env.world.trustId}/schools`, { name, urn });
      expect(res.status, res.text).toBe(201);
    }
    const list = (await admin.get<ResourceList>(trustLib())).body.resources;
    for (const s of STARTER_LIBRARY) expect(list.filter((r) => r.title === s.title)).toHaveLength(1);
    expect(list.every((r) => r.scope === 'trust' && r.canEdit)).toBe(true);
  });
});

describe('reading the library', () => {
  it('shows every member of staff the trust’s entries and their school’s own, never another school’s', async () => {
    const own = await addOwn();
    const tutor = await env.as('tutor');
    const seen = await tutor.get<ResourceList>(lib());
    expect(seen.status).toBe(200);
    expect(seen.body.canAdd).toBe(false);
    const mine = seen.body.resources.find((r) => r.id === own);
    expect(mine).toMatchObject({ scope: 'school', canEdit: false, reviewDue: false, url: ENTRY.url });
    expect(seen.body.resources.some((r) => r.title.startsWith('MindEd') && r.scope === 'trust')).toBe(true);

    const mineAsLead = (await titles(smhl)).find((r) => r.id === own);
    expect(mineAsLead?.canEdit).toBe(true);
    expect((await titles(smhl)).find((r) => r.title.startsWith('MindEd'))?.canEdit).toBe(false);

    const other = await env.as('otherTeacher');
    const willow = await titles(other, '', env.world.willow);
    expect(willow.map((r) => r.id)).not.toContain(own);
    expect(willow.some((r) => r.title.startsWith('MindEd'))).toBe(true);
    expect((await other.get(`${lib(env.world.willow)}/${own}`)).status).toBe(404);
    expect((await other.get(lib())).status).toBe(404);
    expect((await other.get(`${lib()}/${own}`)).status).toBe(404);
    expect((await tutor.get(`${lib()}/${own}`)).status).toBe(200);
  });

  it('is for staff: a parent or a pupil is refused', async () => {
    for (const who of ['parent', 'pupil'] as const) {
      const c = await env.as(who);
      expect([403, 404]).toContain((await c.get(lib())).status);
      expect([403, 404]).toContain((await c.post(lib(), ENTRY)).status);
    }
  });

  it('filters by area, audience, kind and words', async () => {
    const tutor = await env.as('tutor');
    const voice = await titles(tutor, '?area=county.voice');
    expect(voice.length).toBeGreaterThan(0);
    expect(voice.every((r) => r.areas.includes('county.voice'))).toBe(true);
    const parents = await titles(tutor, '?audience=parents');
    expect(parents.length).toBeGreaterThan(0);
    expect(parents.every((r) => r.audiences.includes('parents'))).toBe(true);
    const templates = await titles(tutor, '?kind=policy_template&area=county.policies');
    expect(templates.map((r) => r.title)).toContain('Mental health policy template (Charlie Waller Trust)');
    expect(templates.every((r) => r.kind === 'policy_template')).toBe(true);
    expect((await titles(tutor, '?q=boxall')).map((r) => r.title)).toEqual(['The Boxall Profile']);
    expect(await titles(tutor, '?q=nothing-like-this')).toEqual([]);
    const all = await tutor.get<ResourceList>(`${lib()}?q=boxall`);
    expect(all.body.areaCounts['county.ethos']).toBeGreaterThan(0);
    expect((await tutor.get(`${lib()}?area=county.nowhere`)).status).toBe(400);
    expect((await tutor.get(`${lib()}?audience=everyone`)).status).toBe(400);
  });
});

describe('the school’s own entries', () => {
  it('are added, changed, reviewed and withdrawn by the SMHL, with each change audited', async () => {
    const id = await addOwn({ ...ENTRY, title: 'Local bereavement support' });
    const changed = await smhl.put<{ version: number }>(`${lib()}/${id}`, {
      details: { ...ENTRY, title: 'Local bereavement service', documentId: null },
      version: 1,
    });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body.version).toBe(2);
    const stale = await smhl.put(`${lib()}/${id}`, { details: { ...ENTRY, title: 'Lost' }, version: 1 });
    expect(stale.status).toBe(409);
    expect((await smhl.get<{ resource: Resource }>(`${lib()}/${id}`)).body.resource.title).toBe(
      'Local bereavement service',
    );
    expect((await smhl.post(`${lib()}/${id}/reviewed`, {})).status).toBe(200);
    expect((await smhl.post(`${lib()}/${id}/withdrawn`, { version: 1 })).status).toBe(409);
    expect((await smhl.post(`${lib()}/${id}/withdrawn`, { version: 2 })).status).toBe(200);
    expect((await titles(smhl)).map((r) => r.id)).not.toContain(id);
    expect((await smhl.get(`${lib()}/${id}`)).status).toBe(404);
    expect((await smhl.post(`${lib()}/${id}/reviewed`, {})).status).toBe(404);
    const trail = await env.deps.database.db
      .select({ action: auditEvents.action, detail: auditEvents.detail })
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, id));
    expect(trail.map((a) => a.action)).toEqual([
      'resource.added',
      'resource.changed',
      'resource.reviewed',
      'resource.withdrawn',
    ]);
    expect(trail[1]?.detail).toEqual({ version: 2, fields: ['title'] });
  });

  it('are the SMHL’s alone: other staff cannot add, and the SMHL cannot touch the trust’s entries', async () => {
    for (const who of ['tutor', 'head', 'dsl'] as const) {
      expect((await (await env.as(who)).post(lib(), ENTRY)).status).toBe(403);
    }
    const shared = (await titles(smhl)).find((r) => r.scope === 'trust')!;
    const details = { ...ENTRY, title: 'Mine now' };
    expect((await smhl.put(`${lib()}/${shared.id}`, { details, version: shared.version })).status).toBe(403);
    expect((await smhl.post(`${lib()}/${shared.id}/reviewed`, {})).status).toBe(403);
    expect((await smhl.post(`${lib()}/${shared.id}/withdrawn`, { version: shared.version })).status).toBe(403);
    expect((await smhl.put(`${trustLib()}/${shared.id}`, { details, version: shared.version })).status).toBe(404);
    expect((await smhl.get(trustLib())).status).toBe(404);
    const own = await addOwn();
    const otherHead = await env.as('otherHead');
    expect((await otherHead.put(`${lib()}/${own}`, { details, version: 1 })).status).toBe(404);
    expect((await otherHead.post(`${lib()}/${own}/reviewed`, {})).status).toBe(404);
    const [willows] = await env.deps.database.db
      .insert(resources)
      .values({
        trustId: env.world.trustId,
        schoolId: env.world.willow,
        ...ENTRY,
        kind: 'guidance',
        audiences: ['staff'],
        lastReviewedOn: '2026-01-01',
        createdAt: env.clock.now(),
        updatedAt: env.clock.now(),
      })
      .returning();
    const theirs = `${lib()}/${willows!.id}`;
    expect((await smhl.get(theirs)).status).toBe(404);
    expect((await smhl.put(theirs, { details, version: 1 })).status).toBe(404);
    expect((await smhl.post(`${theirs}/reviewed`, {})).status).toBe(404);
    expect((await smhl.post(`${theirs}/withdrawn`, { version: 1 })).status).toBe(404);
    expect((await smhl.put(`${lib(env.world.willow)}/${willows!.id}`, { details, version: 1 })).status).toBe(404);
  });

  it('refuses bad input with the field named, and changes nothing', async () => {
    const before = await count();
    const [willowDoc] = await env.deps.database.db
      .insert(documents)
      .values({
        trustId: env.world.trustId,
        schoolId: env.world.willow,
        fileName: 'willow.pdf',
        contentType: 'application/pdf',
        size: 4,
        sha256: 'x',
        data: 'JVBERg==',
        uploadedBy: env.world.userId('otherHead'),
        uploadedAt: env.clock.now(),
      })
      .returning();
    const cases: [Record<string, unknown>, string][] = [
      [{ ...ENTRY, areas: [] }, 'areas'],
      [{ ...ENTRY, areas: ['county.nowhere'] }, 'areas.0'],
      [{ ...ENTRY, url: 'http://kingsmead.example/x' }, 'url'],
      [{ ...ENTRY, url: 'javascript:alert(1)' }, 'url'],
      [{ ...ENTRY, url: '' }, 'url'],
      [{ ...ENTRY, audiences: [] }, 'audiences'],
      [{ ...ENTRY, title: ' ' }, 'title'],
      [{ ...ENTRY, kind: 'poster' }, 'kind'],
      [{ ...ENTRY, url: '', documentId: randomUUID() }, 'documentId'],
      [{ ...ENTRY, url: '', documentId: willowDoc!.id }, 'documentId'],
    ];
    for (const [body, field] of cases) {
      const res = await smhl.post<{ error: { fields: { path: string }[] } }>(lib(), body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.fields.map((f) => f.path)).toContain(field);
    }
    expect(await count()).toBe(before);
  });

  it('may carry a document of the school instead of a link', async () => {
    const [doc] = await env.deps.database.db
      .insert(documents)
      .values({
        trustId: env.world.trustId,
        schoolId: env.world.kingsmead,
        fileName: 'supervision.pdf',
        contentType: 'application/pdf',
        size: 4,
        sha256: 'x',
        data: 'JVBERg==',
        uploadedBy: env.world.userId('smhl'),
        uploadedAt: env.clock.now(),
      })
      .returning();
    const id = await addOwn({ ...ENTRY, title: 'Staff supervision offer', url: '', documentId: doc!.id });
    const got = await (await env.as('tutor')).get<{ resource: Resource }>(`${lib()}/${id}`);
    expect(got.body.resource.document).toEqual({
      id: doc!.id,
      fileName: 'supervision.pdf',
      contentType: 'application/pdf',
      size: 4,
    });
  });
});

describe('the trust’s shared entries', () => {
  it('are kept by the trust’s curators and read by every school of the trust', async () => {
    const lead = await env.as('trustLead');
    const id = await addShared(lead, 'Trust wellbeing network');
    for (const [who, school] of [
      ['tutor', env.world.kingsmead],
      ['otherTeacher', env.world.willow],
    ] as const) {
      const entry = (await titles(await env.as(who), '', school)).find((r) => r.id === id);
      expect(entry).toMatchObject({ scope: 'trust', canEdit: false });
    }
    const details = { ...ENTRY, title: 'Trust wellbeing network meetings', audiences: ['leaders'] };
    const changed = await admin.put<{ version: number }>(`${trustLib()}/${id}`, { details, version: 1 });
    expect(changed.status, changed.text).toBe(200);
    expect((await lead.put(`${trustLib()}/${id}`, { details, version: 1 })).status).toBe(409);
    expect((await lead.post(trustLib(), { ...ENTRY, url: 'http://x.example' })).status).toBe(400);
    expect((await lead.post(`${trustLib()}/${id}/reviewed`, {})).status).toBe(200);
    expect((await lead.post(`${trustLib()}/${id}/withdrawn`, { version: 2 })).status).toBe(200);
    expect((await titles(smhl)).map((r) => r.id)).not.toContain(id);
    expect((await admin.get(`${trustLib()}/${id}`)).status).toBe(404);
  });

  it('are not for school staff, nor for another school’s entries', async () => {
    const head = await env.as('head');
    expect((await head.get(trustLib())).status).toBe(404);
    expect((await head.post(trustLib(), ENTRY)).status).toBe(404);
    const own = await addOwn();
    expect((await admin.get(`${trustLib()}/${own}`)).status).toBe(404);
    expect((await admin.post(`${trustLib()}/${own}/reviewed`, {})).status).toBe(404);
  });
});

describe('the yearly review', () => {
  it('lists the school’s own entries due on the SMHL’s home page, and the trust’s due first on its page', async () => {
    const own = await addOwn({ ...ENTRY, title: 'An entry that will need a look' });
    const first = (await smhl.get<MyWork>(`/api/schools/${env.world.kingsmead}/my-work`)).body.resourcesToReview;
    expect(first.map((r) => r.resourceId)).not.toContain(own);

    env.clock.advance(366 * 86_400_000);
    const lead = await env.as('smhl');
    const due = (await lead.get<MyWork>(`/api/schools/${env.world.kingsmead}/my-work`)).body.resourcesToReview;
    expect(due.map((r) => r.resourceId)).toContain(own);
    const ownIds = (await titles(lead)).filter((r) => r.scope === 'school').map((r) => r.id);
    expect(due.every((r) => ownIds.includes(r.resourceId))).toBe(true);
    expect((await titles(lead)).find((r) => r.id === own)?.reviewDue).toBe(true);
    const narrowed = (await lead.get<ResourceList>(`${lib()}?q=nothing-like-this`)).body;
    expect(narrowed.dueForReview).toBe(due.length);
    expect((await (await env.as('tutor')).get<ResourceList>(lib())).body.dueForReview).toBe(0);

    const tutorWork = (await (await env.as('tutor')).get<MyWork>(`/api/schools/${env.world.kingsmead}/my-work`)).body;
    expect(tutorWork.resourcesToReview).toEqual([]);

    expect((await lead.post(`${lib()}/${own}/reviewed`, {})).status).toBe(200);
    const after = (await lead.get<MyWork>(`/api/schools/${env.world.kingsmead}/my-work`)).body.resourcesToReview;
    expect(after.map((r) => r.resourceId)).not.toContain(own);

    const curator = await env.as('trustAdmin');
    const fresh = await addShared(curator, 'A shared entry reviewed today');
    const list = (await curator.get<ResourceList>(trustLib())).body.resources;
    const firstFresh = list.findIndex((r) => !r.reviewDue);
    expect(list.findIndex((r) => r.id === fresh)).toBeGreaterThanOrEqual(firstFresh);
    expect(list.slice(0, firstFresh).every((r) => r.reviewDue)).toBe(true);
    expect(list.slice(firstFresh).every((r) => !r.reviewDue)).toBe(true);
    expect(firstFresh).toBeGreaterThan(0);
    const stored = await env.deps.database.db
      .select({ by: resources.lastReviewedBy })
      .from(resources)
      .where(and(inArray(resources.id, [own]), eq(resources.schoolId, env.world.kingsmead)));
    expect(stored[0]?.by).toBe(env.world.userId('smhl'));
  });
});
