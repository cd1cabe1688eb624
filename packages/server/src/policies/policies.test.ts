import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { alerts, auditEvents, documents, policies } from '@tandem/core/schema';
import {
  addDaysToDay,
  addMonthsToDay,
  londonToday,
  type MyWork,
  type PolicyDetail,
  type PolicyList,
} from '@tandem/core';
import { createTestEnv, PEOPLE, type Person, type TestClient, type TestEnv } from '../../test/harness';
import { runDueJobs } from '../platform/jobs';

let env: TestEnv;
let smhl: TestClient;
let tutor: TestClient;

const school = (id = env.world.kingsmead) => `/api/schools/${id}/policies`;
const today = () => londonToday(env.clock.now());
const day = (offset: number) => addDaysToDay(today(), offset);

type Err = { error: { code: string; message: string; fields?: { path: string; message: string }[] } };

function body(over: Record<string, unknown> = {}) {
  return {
    kind: 'mental_health',
    title: `Mental health and wellbeing policy ${randomUUID().slice(0, 6)}`,
    ownerUserId: env.world.userId('smhl'),
    readers: 'all_staff',
    link: 'https://www.kingsmead.example/policies/mental-health.pdf',
    approvedOn: day(-10),
    approvedBy: 'Governing body',
    summary: 'First version on Tandem.',
    ...over,
  };
}

function versionBody(revision: number, over: Record<string, unknown> = {}) {
  return {
    revision,
    link: 'https://www.kingsmead.example/policies/next.pdf',
    approvedOn: day(0),
    approvedBy: 'Governing body',
    summary: 'Updated after the yearly review.',
    ...over,
  };
}

async function add(by: TestClient, over: Record<string, unknown> = {}) {
  const res = await by.post<{ id: string }>(school(), body(over));
  expect(res.status, res.text).toBe(201);
  return res.body.id;
}

const detail = (by: TestClient, id: string) => by.get<PolicyDetail>(`${school()}/${id}`);
const myWork = async (by: TestClient) => (await by.get<MyWork>(`/api/schools/${env.world.kingsmead}/my-work`)).body;
const count = async () => (await env.deps.database.db.select().from(policies)).length;

async function insertDocument(schoolId: string): Promise<string> {
  const [row] = await env.deps.database.db
    .insert(documents)
    .values({
      trustId: env.world.trustId,
      schoolId,
      fileName: 'policy.pdf',
      contentType: 'application/pdf',
      size: 8,
      sha256: 'x',
      data: Buffer.from('%PDF-1.4').toString('base64'),
      uploadedBy: env.world.userId('smhl'),
      uploadedAt: env.clock.now(),
    })
    .returning();
  return row!.id;
}

beforeAll(async () => {
  env = await createTestEnv();
  smhl = await env.as('smhl');
  tutor = await env.as('tutor');
});
afterAll(async () => {
  await env.close();
});

describe('who may add and read policies', () => {
  it.each<Person>(['smhl', 'head', 'schoolAdmin', 'dsl'])('%s adds a policy', async (person) => {
    const c = person === 'smhl' ? smhl : await env.as(person);
    const id = await add(c);
    const d = await detail(c, id);
    expect(d.body.policy.version).toBe(1);
    expect(d.body.canManage).toBe(true);
    const [entry] = await env.deps.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, id), eq(auditEvents.action, 'policy.added')));
    expect(entry?.detail).toEqual({ kind: 'mental_health' });
  });

  it.each<Person>(['tutor', 'support', 'deputyDsl', 'parent', 'pupil'])('%s may not add one (403)', async (person) => {
    const before = await count();
    const res = await (await env.as(person)).post(school(), body());
    expect(res.status).toBe(403);
    expect(await count()).toBe(before);
  });

  it('a member of staff reads the register and a policy; parents and pupils may not', async () => {
    const id = await add(smhl);
    const list = await tutor.get<PolicyList>(school());
    expect(list.status).toBe(200);
    expect(list.body.canManage).toBe(false);
    expect(list.body.staff).toEqual([]);
    expect(list.body.policies.some((p) => p.id === id)).toBe(true);
    const d = await detail(tutor, id);
    expect(d.status).toBe(200);
    expect(d.body.notRead).toBeNull();
    for (const person of ['parent', 'pupil'] as const) {
      const c = await env.as(person);
      expect((await c.get(school())).status).toBe(403);
      expect((await detail(c, id)).status).toBe(403);
      expect((await c.post(`${school()}/${id}/read`, { version: 1 })).status).toBe(403);
    }
  });

  it('another school’s staff get 404 for this school’s register and policies', async () => {
    const id = await add(smhl);
    const other = await env.as('otherHead');
    expect((await other.get(school())).status).toBe(404);
    expect((await detail(other, id)).status).toBe(404);
    expect((await other.post(school(), body())).status).toBe(404);
    expect((await other.post(`${school()}/${id}/versions`, versionBody(1))).status).toBe(404);
    // Through their own school, Kingsmead's policy does not exist.
    expect((await other.get(`${school(env.world.willow)}/${id}`)).status).toBe(404);
    const theirs = await other.post<Err>(`${school(env.world.willow)}/${id}/read`, { version: 1 });
    expect(theirs.status).toBe(404);
  });
});

describe('review dates and bad input', () => {
  it('the next review defaults to the kind’s period: three years, safeguarding every year', async () => {
    const approvedOn = day(-5);
    const mh = await add(smhl, { approvedOn });
    expect((await detail(smhl, mh)).body.policy.nextReviewOn).toBe(addMonthsToDay(approvedOn, 36));
    const sg = await add(smhl, { kind: 'safeguarding', approvedOn });
    expect((await detail(smhl, sg)).body.policy.nextReviewOn).toBe(addMonthsToDay(approvedOn, 12));
    const earlier = await add(smhl, { kind: 'safeguarding', approvedOn, nextReviewOn: day(100) });
    expect((await detail(smhl, earlier)).body.policy.nextReviewOn).toBe(day(100));
  });

  it('a later review than the period needs a reason', async () => {
    const approvedOn = day(-5);
    const later = addMonthsToDay(approvedOn, 18);
    const res = await smhl.post<Err>(school(), body({ kind: 'safeguarding', approvedOn, nextReviewOn: later }));
    expect(res.status).toBe(400);
    expect(res.body.error.fields?.[0]?.path).toBe('reviewReason');
    const id = await add(smhl, {
      kind: 'safeguarding',
      approvedOn,
      nextReviewOn: later,
      reviewReason: 'Waiting for the new statutory guidance.',
    });
    expect((await detail(smhl, id)).body.current.reviewReason).toBe('Waiting for the new statutory guidance.');
  });

  it.each<[string, () => Record<string, unknown>, string]>([
    ['no title', () => ({ title: '  ' }), 'title'],
    ['a review before the approval', () => ({ approvedOn: day(-5), nextReviewOn: day(-6) }), 'nextReviewOn'],
    ['an approval in the future', () => ({ approvedOn: day(3) }), 'approvedOn'],
    ['neither file nor link', () => ({ link: '' }), 'link'],
    ['a link that is not https', () => ({ link: 'http://example.org/x' }), 'link'],
    ['chosen roles but none chosen', () => ({ readers: 'roles', readerRoles: [] }), 'readerRoles'],
    ['an unknown document', () => ({ documentId: randomUUID() }), 'documentId'],
    ['an unknown kind', () => ({ kind: 'uniforms' }), 'kind'],
  ])('refuses %s (400) and adds nothing', async (_what, over, field) => {
    const before = await count();
    const res = await smhl.post<Err>(school(), body(over()));
    expect(res.status, res.text).toBe(400);
    expect(res.body.error.fields?.map((f) => f.path)).toContain(field);
    expect(await count()).toBe(before);
  });

  it('refuses an owner who is not staff of this school, and another school’s document', async () => {
    const before = await count();
    for (const person of ['parent', 'pupil', 'otherHead'] as const) {
      const res = await smhl.post<Err>(school(), body({ ownerUserId: env.world.userId(person) }));
      expect(res.status).toBe(400);
      expect(res.body.error.fields?.[0]?.path).toBe('ownerUserId');
    }
    const theirs = await insertDocument(env.world.willow);
    expect((await smhl.post(school(), body({ documentId: theirs }))).status).toBe(400);
    expect(await count()).toBe(before);
  });

  it('keeps the school’s own document with the version and shows it', async () => {
    const documentId = await insertDocument(env.world.kingsmead);
    const id = await add(smhl, { documentId, link: '' });
    const d = await detail(tutor, id);
    expect(d.body.current.document).toMatchObject({ id: documentId, fileName: 'policy.pdf' });
    expect(d.body.current.link).toBeNull();
  });
});

describe('versions and changes', () => {
  it('a new version becomes current, every version is kept, and a stale one is refused (409)', async () => {
    const id = await add(smhl, { approvedOn: day(-400), nextReviewOn: day(20) });
    const v2 = await smhl.post<{ version: number; revision: number }>(`${school()}/${id}/versions`, {
      revision: 1,
      link: 'https://www.kingsmead.example/policies/mental-health-v2.pdf',
      approvedOn: day(-1),
      approvedBy: 'Headteacher',
      summary: 'New section on staff wellbeing.',
    });
    expect(v2.status, v2.text).toBe(201);
    expect(v2.body).toMatchObject({ version: 2, revision: 2 });
    const d = (await detail(smhl, id)).body;
    expect(d.current).toMatchObject({
      version: 2,
      approvedBy: 'Headteacher',
      nextReviewOn: addMonthsToDay(day(-1), 36),
    });
    expect(d.history.map((h) => h.version)).toEqual([2, 1]);
    expect(d.policy.status).toBe('in_date');

    const stale = await smhl.post<Err>(`${school()}/${id}/versions`, versionBody(1));
    expect(stale.status).toBe(409);
    expect((await detail(smhl, id)).body.history).toHaveLength(2);

    const refused = await tutor.post(`${school()}/${id}/versions`, versionBody(2));
    expect(refused.status).toBe(403);
    const bad = await smhl.post<Err>(`${school()}/${id}/versions`, {
      revision: 2,
      link: 'https://x.example/p.pdf',
      approvedOn: day(-1),
      approvedBy: '',
    });
    expect(bad.status).toBe(400);
    expect((await detail(smhl, id)).body.history).toHaveLength(2);
  });

  it('managers change the owner and readers; stale 409, an owner who is not staff 400, staff 403', async () => {
    const id = await add(smhl);
    const d = (await detail(smhl, id)).body.policy;
    const change = {
      revision: d.revision,
      title: d.title,
      ownerUserId: env.world.userId('dsl'),
      readers: 'roles',
      readerRoles: ['teacher'],
    };
    expect((await tutor.put(`${school()}/${id}`, change)).status).toBe(403);
    const bad = await smhl.put<Err>(`${school()}/${id}`, { ...change, ownerUserId: env.world.userId('parent') });
    expect(bad.status).toBe(400);
    const ok = await (await env.as('schoolAdmin')).put<{ revision: number }>(`${school()}/${id}`, change);
    expect(ok.status, ok.text).toBe(200);
    const after = (await detail(smhl, id)).body.policy;
    expect(after.owner.id).toBe(env.world.userId('dsl'));
    expect(after.readerRoles).toEqual(['teacher']);
    expect((await smhl.put(`${school()}/${id}`, change)).status).toBe(409);
    expect((await (await env.as('otherHead')).put(`${school()}/${id}`, change)).status).toBe(404);
  });
});

describe('read confirmations', () => {
  it('staff confirm the current version; counts change; a new version needs a new confirmation', async () => {
    const id = await add(smhl);
    const before = (await detail(smhl, id)).body;
    expect(before.policy.reads?.confirmed).toBe(0);
    const required = before.policy.reads?.required ?? 0;
    expect(required).toBeGreaterThan(5);
    expect(before.notRead?.map((p) => p.id)).toContain(env.world.userId('tutor'));
    expect((await myWork(tutor)).policiesToRead.map((p) => p.policyId)).toContain(id);

    expect((await tutor.post(`${school()}/${id}/read`, { version: 1 })).status).toBe(200);
    expect((await tutor.post(`${school()}/${id}/read`, { version: 1 })).status).toBe(200); // again: no change
    const after = (await detail(smhl, id)).body;
    expect(after.policy.reads).toEqual({ required, confirmed: 1 });
    expect(after.notRead?.map((p) => p.id)).not.toContain(env.world.userId('tutor'));
    expect((await detail(tutor, id)).body.policy).toMatchObject({ requiredOfMe: true, readByMe: true });
    expect((await myWork(tutor)).policiesToRead.map((p) => p.policyId)).not.toContain(id);

    await smhl.post(`${school()}/${id}/versions`, versionBody(1));
    const v2 = (await detail(smhl, id)).body;
    expect(v2.policy.reads).toEqual({ required, confirmed: 0 });
    expect(v2.notRead?.map((p) => p.id)).toContain(env.world.userId('tutor'));
    expect((await myWork(tutor)).policiesToRead).toContainEqual({ policyId: id, title: v2.policy.title, version: 2 });
    expect((await tutor.post(`${school()}/${id}/read`, { version: 1 })).status).toBe(409);
    expect((await tutor.post(`${school()}/${id}/read`, { version: 3 })).status).toBe(400);
    expect((await tutor.post(`${school()}/${id}/read`, { version: 2 })).status).toBe(200);
    expect((await detail(smhl, id)).body.policy.reads).toEqual({ required, confirmed: 1 });
  });

  it('a policy for chosen roles is required only of them; one for nobody has no count', async () => {
    const forTeachers = await add(smhl, { readers: 'roles', readerRoles: ['teacher'] });
    const forNobody = await add(smhl, { readers: 'none' });
    const support = await env.as('support');
    expect((await detail(support, forTeachers)).body.policy.requiredOfMe).toBe(false);
    expect((await myWork(support)).policiesToRead.map((p) => p.policyId)).not.toContain(forTeachers);
    expect((await myWork(tutor)).policiesToRead.map((p) => p.policyId)).toContain(forTeachers);
    const none = (await detail(smhl, forNobody)).body;
    expect(none.policy.reads).toBeNull();
    expect(none.notRead).toEqual([]);
    expect((await myWork(tutor)).policiesToRead.map((p) => p.policyId)).not.toContain(forNobody);
  });
});

describe('reviews due, the register’s filter, the reminder and the records', () => {
  let soon: string;
  let overdue: string;
  beforeAll(async () => {
    soon = await add(smhl, { ownerUserId: env.world.userId('sendco'), approvedOn: day(-300), nextReviewOn: day(20) });
    overdue = await add(smhl, {
      kind: 'anti_bullying',
      ownerUserId: env.world.userId('firstAider'),
      approvedOn: day(-300),
      nextReviewOn: day(-2),
    });
  });

  it('shows reviews due within a month to the owner and the leads, not to others', async () => {
    const sendco = (await myWork(await env.as('sendco'))).policyReviewsDue;
    expect(sendco).toContainEqual({ policyId: soon, title: expect.any(String), nextReviewOn: day(20), overdue: false });
    expect(sendco.map((p) => p.policyId)).not.toContain(overdue);
    for (const lead of [smhl, await env.as('head')]) {
      const due = (await myWork(lead)).policyReviewsDue;
      expect(due.find((p) => p.policyId === overdue)?.overdue).toBe(true);
      expect(due.map((p) => p.policyId)).toContain(soon);
    }
    expect((await myWork(tutor)).policyReviewsDue.map((p) => p.policyId)).not.toContain(soon);
  });

  it('filters the register by status', async () => {
    const all = (await tutor.get<PolicyList>(school())).body;
    expect(all.policies.find((p) => p.id === overdue)?.status).toBe('overdue');
    expect(all.policies.find((p) => p.id === soon)?.status).toBe('due_soon');
    const only = (await tutor.get<PolicyList>(`${school()}?status=overdue`)).body;
    expect(only.policies.every((p) => p.status === 'overdue')).toBe(true);
    expect(only.policies.map((p) => p.id)).toContain(overdue);
    expect(only.counts).toEqual(all.counts);
    expect(only.counts.overdue).toBe(only.policies.length);
    expect((await tutor.get(`${school()}?status=late`)).status).toBe(400);
  });

  it('reminds the owner once per review date, content-free', async () => {
    const email = PEOPLE.firstAider;
    const before = env.smtp.messages.filter((m) => m.to.includes(email)).length;
    await runDueJobs(env.deps);
    const mails = await env.smtp.messagesTo(email, before + 1);
    const sent = mails.slice(before).filter((m) => m.subject.includes('policy review'));
    expect(sent).toHaveLength(1);
    const title = (await detail(smhl, overdue)).body.policy.title;
    expect(`${sent[0]?.subject} ${sent[0]?.text}`).not.toContain(title);
    const rows = await env.deps.database.db
      .select()
      .from(alerts)
      .where(and(eq(alerts.userId, env.world.userId('firstAider')), eq(alerts.kind, 'policy_review_overdue')));
    expect(rows).toHaveLength(1);
    await runDueJobs(env.deps);
    await new Promise((r) => setTimeout(r, 200));
    expect(env.smtp.messages.filter((m) => m.to.includes(email)).length).toBe(before + 1);
    const [stored] = await env.deps.database.db.select().from(policies).where(eq(policies.id, overdue));
    expect(stored?.reviewReminderFor).toBe(day(-2));
    // Nobody is reminded about a policy still in date.
    const [soonRow] = await env.deps.database.db.select().from(policies).where(eq(policies.id, soon));
    expect(soonRow?.reviewReminderFor).toBeNull();
  });

  it('lists each current policy as a record a self-assessment may cite', async () => {
    const source = env.deps.registries.schoolRecords.find((s) => s.kind === 'policy')!;
    const records = await source.list(env.deps.database.db, { schoolId: env.world.kingsmead, today: today() });
    const title = (await detail(smhl, overdue)).body.policy.title;
    const record = records.find((r) => r.id === overdue);
    expect(record?.label).toMatch(new RegExp(`^${title}, version 1 \\(approved \\d{1,2} [A-Z][a-z]+ \\d{4}\\)$`));
    expect(record?.href).toBe(`/schools/${env.world.kingsmead}/whole-school/policies/${overdue}`);
    const theirs = await source.list(env.deps.database.db, { schoolId: env.world.willow, today: today() });
    expect(theirs.map((r) => r.id)).not.toContain(overdue);
  });
});
