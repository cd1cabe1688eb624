/**
 * Subject access requests, as stories: the SMHL records Emma-style requests from a parent on
 * record, checks identity, reviews everything held (a fake feature's items beside the real ones)
 * and decides each; the DSL team decides the safeguarding record's items, which the head never sees
 * or counts; the bundle is downloaded only once everything is decided. Every role outside the
 * named ones is refused (403 in the school, 404 from another school), and each refusal changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { auditEvents, contacts, pupils, subjectAccessDecisions, subjectAccessRequests } from '@tandem/core/schema';
import {
  addDaysToDay,
  londonToday,
  RESTRICTED_REVIEW_NOTE,
  subjectAccessDeadline,
  type MyWork,
  type PupilRecordItem,
  type SubjectAccessExport,
  type SubjectAccessListResponse,
  type SubjectAccessRequestView,
  type SubjectAccessReviewResponse,
} from '@tandem/core';
import type { PupilRecordSource } from '../platform/registries';
import { createTestEnv, type Person, type TestClient, type TestEnv } from '../../test/harness';
import { pageTexts } from '../../test/pdf-text';

let env: TestEnv;
let smhl: TestClient;
let dsl: TestClient;
let head: TestClient;
let pupilId: string;
let contactId: string;
let requestId: string;

const SECRET = 'Disclosure to the DSL about home: text only the DSL team may read';
const OTHER_PUPIL = 'Argued with Jamie Brown at lunch; Jamie was upset too';
let fakeItems: PupilRecordItem[] = [];

const api = (school = () => env.world.kingsmead) => `/api/schools/${school()}/subject-access`;
const today = () => londonToday(env.clock.now());
const day = (n: number) => addDaysToDay(today(), n);
const db = () => env.deps.database.db;
type Err = { error: { code: string; message: string; fields?: { path: string; message: string }[] } };

const requestCount = async () => (await db().select().from(subjectAccessRequests)).length;
const auditCount = async (action: string) =>
  (await db().select().from(auditEvents).where(eq(auditEvents.action, action))).length;

function item(over: Partial<PupilRecordItem> & { id: string }): PupilRecordItem {
  return {
    source: 'sar-test',
    kind: 'note',
    at: `${day(-30)}T10:00:00.000Z`,
    title: 'A note',
    body: 'Something held',
    recordClass: 'wellbeing',
    restricted: false,
    suggested: { decision: 'disclose', reason: 'Held about the pupil' },
    ...over,
  };
}

const fakeSource: PupilRecordSource = {
  name: 'sar-test',
  records: async (_db, q) =>
    q.pupilId === pupilId ? fakeItems.filter((i) => q.includeRestricted || !i.restricted) : [],
  destroy: async () => [],
};

beforeAll(async () => {
  env = await createTestEnv();
  const deps = env.deps as { registries: typeof env.deps.registries };
  deps.registries = { ...deps.registries, pupilRecords: [...deps.registries.pupilRecords, fakeSource] };
  smhl = await env.as('smhl');
  dsl = await env.as('dsl');
  head = await env.as('head');
  const [c] = await db()
    .select({ c: contacts, p: pupils })
    .from(contacts)
    .innerJoin(pupils, eq(pupils.id, contacts.pupilId))
    .where(and(eq(contacts.schoolId, env.world.kingsmead), isNull(pupils.currentLevel), isNull(pupils.userId)))
    .limit(1);
  pupilId = c!.p.id;
  contactId = c!.c.id;
  fakeItems = [
    item({ id: 'a', title: 'Talked to the school nurse', body: 'Felt anxious before tests' }),
    item({
      id: 'b',
      title: 'Note naming another pupil',
      body: OTHER_PUPIL,
      suggested: { decision: 'redact', reason: 'Names another pupil' },
    }),
    item({
      id: 'c',
      source: 'sar-test',
      kind: 'concern',
      title: 'Safeguarding concern',
      body: SECRET,
      recordClass: 'child-protection',
      restricted: true,
      suggested: { decision: 'withhold', reason: 'Could put the child at risk' },
    }),
  ];
});

afterAll(async () => {
  await env.close();
});

describe('who may use the register', () => {
  const allowed: Person[] = ['head', 'schoolAdmin', 'smhl', 'dsl', 'deputyDsl'];
  const refused: Person[] = ['tutor', 'sendco', 'pastoral', 'support', 'parent', 'pupil'];
  it.each(allowed)('%s sees the register', async (person) => {
    const res = await (await env.as(person)).get(api());
    expect(res.status).toBe(200);
  });
  it.each(refused)('%s is refused', async (person) => {
    const res = await (await env.as(person)).get(api());
    expect(res.status).toBe(403);
  });
  it("another school's head gets 404, as if the school's register did not exist", async () => {
    const other = await env.as('otherHead');
    expect((await other.get(api())).status).toBe(404);
    const [row] = await db().select().from(subjectAccessRequests).limit(1);
    expect((await other.get(`${api()}/${row!.id}`)).status).toBe(404);
    expect((await other.get(`/api/schools/${env.world.willow}/subject-access/${row!.id}`)).status).toBe(404);
  });
  it('a teacher cannot record a request, and nothing changes', async () => {
    const before = await requestCount();
    const res = await (
      await env.as('tutor')
    ).post(api(), {
      pupilId,
      requesterKind: 'pupil',
      receivedHow: 'letter',
      receivedOn: today(),
    });
    expect(res.status).toBe(403);
    expect(await requestCount()).toBe(before);
  });
});

describe('recording a request', () => {
  it('refuses an unknown pupil with a clear message, changing nothing', async () => {
    const before = await requestCount();
    const res = await smhl.post<Err>(api(), {
      pupilId: '00000000-0000-4000-8000-000000000000',
      requesterKind: 'pupil',
      receivedHow: 'letter',
      receivedOn: today(),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/could not find that pupil/);
    expect(await requestCount()).toBe(before);
  });

  it('refuses someone acting for the pupil without their relationship', async () => {
    const res = await smhl.post<Err>(api(), {
      pupilId,
      requesterKind: 'representative',
      requesterName: 'A solicitor',
      receivedHow: 'letter',
      receivedOn: today(),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields?.[0]?.path).toBe('requesterRelationship');
  });

  it('records a parent on record, with the deadline one calendar month on', async () => {
    const contactsRes = await smhl.get<{ contacts: { id: string }[] }>(
      `/api/schools/${env.world.kingsmead}/pupils/${pupilId}/subject-access-contacts`,
    );
    expect(contactsRes.body.contacts.map((c) => c.id)).toContain(contactId);
    const receivedOn = day(-3);
    const res = await smhl.post<{ id: string }>(api(), {
      pupilId,
      requesterKind: 'parent',
      requesterContactId: contactId,
      receivedHow: 'email',
      receivedOn,
    });
    expect(res.status).toBe(201);
    requestId = res.body.id;
    const view = await smhl.get<SubjectAccessRequestView>(`${api()}/${requestId}`);
    expect(view.body.deadline).toBe(subjectAccessDeadline(receivedOn));
    expect(view.body.status).toBe('received');
    expect(view.body.requesterName.length).toBeGreaterThan(0);
    const list = await head.get<SubjectAccessListResponse>(api());
    const row = list.body.open.find((r) => r.id === requestId);
    expect(row?.daysLeft).toBe(
      Math.round((Date.parse(subjectAccessDeadline(receivedOn)) - Date.parse(today())) / 86_400_000),
    );
    expect(await auditCount('subject_access.recorded')).toBeGreaterThan(0);
  });
});

describe('the review', () => {
  it('cannot start until identity is checked', async () => {
    const res = await smhl.get<Err>(`${api()}/${requestId}/review`);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/identity/);
    const decide = await smhl.put(`${api()}/${requestId}/decisions`, {
      source: 'sar-test',
      kind: 'note',
      id: 'a',
      decision: 'disclose',
      reason: 'Held about the pupil',
    });
    expect(decide.status).toBe(409);
  });

  it('records the identity check', async () => {
    const res = await smhl.post(`${api()}/${requestId}/identity`, {
      how: 'Passport seen at the office',
      byName: 'Jo Bennett',
      checkedOn: today(),
    });
    expect(res.status).toBe(200);
    const view = await smhl.get<SubjectAccessRequestView>(`${api()}/${requestId}`);
    expect(view.body.status).toBe('identity_checked');
    expect(view.body.identity?.byName).toBe('Jo Bennett');
  });

  it('shows the SMHL and the head everything but the safeguarding record, never its text or count', async () => {
    for (const client of [smhl, head]) {
      const res = await client.get<SubjectAccessReviewResponse>(`${api()}/${requestId}/review`);
      expect(res.status).toBe(200);
      expect(res.text).not.toContain(SECRET);
      expect(res.body.items.some((i) => i.restricted)).toBe(false);
      expect(res.body.restrictedNote).toBe(RESTRICTED_REVIEW_NOTE);
      expect(res.body.items.find((i) => i.id === 'b')?.suggested.decision).toBe('redact');
      expect(res.body.progress.total).toBe(res.body.items.length);
    }
  });

  it('shows the DSL the safeguarding record too', async () => {
    const res = await dsl.get<SubjectAccessReviewResponse>(`${api()}/${requestId}/review`);
    expect(res.body.items.find((i) => i.id === 'c')?.body).toBe(SECRET);
    expect(res.body.restrictedNote).toBeNull();
    expect(res.body.request.status).toBe('in_review');
  });

  it('refuses a decision without a reason, and a redaction without its text, changing nothing', async () => {
    const url = `${api()}/${requestId}/decisions`;
    const noReason = await smhl.put<Err>(url, {
      source: 'sar-test',
      kind: 'note',
      id: 'a',
      decision: 'disclose',
      reason: ' ',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields?.[0]?.message).toMatch(/reason/);
    const noText = await smhl.put<Err>(url, {
      source: 'sar-test',
      kind: 'note',
      id: 'b',
      decision: 'redact',
      category: 'third_party',
      reason: 'Names another pupil',
    });
    expect(noText.status).toBe(400);
    const noCategory = await smhl.put<Err>(url, {
      source: 'sar-test',
      kind: 'note',
      id: 'b',
      decision: 'withhold',
      reason: 'Names another pupil',
    });
    expect(noCategory.status).toBe(400);
    expect(
      (await db().select().from(subjectAccessDecisions).where(eq(subjectAccessDecisions.requestId, requestId))).length,
    ).toBe(0);
  });

  it('the head can neither decide nor learn of a safeguarding item (404, as if not held)', async () => {
    const res = await head.put(`${api()}/${requestId}/decisions`, {
      source: 'sar-test',
      kind: 'concern',
      id: 'c',
      decision: 'disclose',
      reason: 'Trying',
    });
    expect(res.status).toBe(404);
  });

  it('the SMHL decides every item they see; the bundle waits for the DSL team', async () => {
    const review = await smhl.get<SubjectAccessReviewResponse>(`${api()}/${requestId}/review`);
    for (const i of review.body.items) {
      const body =
        i.id === 'b'
          ? {
              decision: 'redact',
              category: 'third_party',
              reason: 'Names another pupil',
              redactedText: 'Argued with [redacted] at lunch',
            }
          : { decision: 'disclose', reason: 'Held about the pupil, nothing exempt' };
      const res = await smhl.put(`${api()}/${requestId}/decisions`, {
        source: i.source,
        kind: i.kind,
        id: i.id,
        ...body,
      });
      expect(res.status).toBe(200);
    }
    const after = await smhl.get<SubjectAccessReviewResponse>(`${api()}/${requestId}/review`);
    expect(after.body.progress.decided).toBe(after.body.progress.total);
    expect(after.body.complete).toBe(false);
    const json = await smhl.get<Err>(`${api()}/${requestId}/bundle.json`);
    expect(json.status).toBe(409);
    expect((await smhl.get(`${api()}/${requestId}/bundle.pdf`)).status).toBe(409);
  });

  it('once the DSL withholds the safeguarding item, the JSON holds what was decided and counts the withheld by category only', async () => {
    const review = await dsl.get<SubjectAccessReviewResponse>(`${api()}/${requestId}/review`);
    const restricted = review.body.items.filter((i) => i.restricted);
    expect(restricted.map((i) => i.id)).toContain('c');
    for (const i of restricted) {
      const res = await dsl.put(`${api()}/${requestId}/decisions`, {
        source: i.source,
        kind: i.kind,
        id: i.id,
        decision: 'withhold',
        category: 'risk_of_harm',
        reason: 'Disclosure could put the child at risk',
      });
      expect(res.status).toBe(200);
    }
    const json = await smhl.get<SubjectAccessExport>(`${api()}/${requestId}/bundle.json`);
    expect(json.status).toBe(200);
    expect(json.text).not.toContain(SECRET);
    expect(json.text).not.toContain('Jamie');
    expect(json.text).not.toContain('Disclosure could put the child at risk');
    expect(json.body.items.find((i) => i.title === 'Note naming another pupil')).toMatchObject({
      redacted: true,
      text: 'Argued with [redacted] at lunch',
    });
    expect(json.body.items.find((i) => i.title === 'Talked to the school nurse')?.text).toBe(
      'Felt anxious before tests',
    );
    expect(json.body.withheld).toEqual({
      count: restricted.length,
      byCategory: [{ category: 'risk_of_harm', count: restricted.length }],
    });
    const pdf = await head.get(`${api()}/${requestId}/bundle.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const printed = pageTexts(pdf.raw).join(' ');
    expect(printed).toContain('Felt anxious before tests');
    expect(printed).toContain('Argued with [redacted] at lunch');
    expect(printed).not.toContain('Jamie');
    expect(printed).not.toContain(SECRET);
    expect(await auditCount('subject_access.exported')).toBe(2);
    const audits = await db().select().from(auditEvents).where(eq(auditEvents.action, 'subject_access.item_decided'));
    expect(JSON.stringify(audits.map((a) => a.detail))).not.toContain('Jamie');
  });

  it('the decisions on safeguarding items are in the DSL team’s audit trail only', async () => {
    const trail = async (who: TestClient) =>
      (
        await who.get<{ entries: { action: string; detail: Record<string, unknown> | null }[] }>(
          `/api/schools/${env.world.kingsmead}/audit?action=subject_access.item_decided`,
        )
      ).body.entries;
    expect((await trail(dsl)).some((e) => e.detail?.restricted === true)).toBe(true);
    const seenByHead = await trail(head);
    expect(seenByHead.length).toBeGreaterThan(0);
    expect(seenByHead.some((e) => e.detail?.restricted === true)).toBe(false);
  });

  it('a bundle disclosing the safeguarding record is downloaded by the DSL team only', async () => {
    await dsl.put(`${api()}/${requestId}/decisions`, {
      source: 'sar-test',
      kind: 'concern',
      id: 'c',
      decision: 'disclose',
      reason: 'Reviewed with the local authority: safe to share',
    });
    const refused = await head.get<Err>(`${api()}/${requestId}/bundle.json`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/DSL team/);
    const review = await head.get<SubjectAccessReviewResponse>(`${api()}/${requestId}/review`);
    expect(review.body.exportNeedsDsl).toBe(true);
    const ok = await dsl.get<SubjectAccessExport>(`${api()}/${requestId}/bundle.json`);
    expect(ok.body.items.some((i) => i.text === SECRET)).toBe(true);
  });

  it('keeps a decision when its item is no longer held, shown as gone', async () => {
    const before = fakeItems;
    fakeItems = fakeItems.filter((i) => i.id !== 'a');
    try {
      const review = await smhl.get<SubjectAccessReviewResponse>(`${api()}/${requestId}/review`);
      const gone = review.body.items.find((i) => i.id === 'a');
      expect(gone?.gone).toBe(true);
      expect(gone?.decision?.decision).toBe('disclose');
      expect(review.body.progress.total).toBe(review.body.items.filter((i) => !i.gone).length);
    } finally {
      fakeItems = before;
    }
  });
});

describe('extensions', () => {
  it('refuses a deadline more than three months after receipt, changing nothing', async () => {
    const view = await smhl.get<SubjectAccessRequestView>(`${api()}/${requestId}`);
    const res = await smhl.post<Err>(`${api()}/${requestId}/extend`, {
      extendTo: addDaysToDay(view.body.latestExtension, 1),
      reason: 'Many records across several years',
      requesterToldOn: today(),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/three months/);
    const [row] = await db().select().from(subjectAccessRequests).where(eq(subjectAccessRequests.id, requestId));
    expect(row?.extendedTo).toBeNull();
  });

  it('extends with a reason, the requester told within the first month', async () => {
    const view = await smhl.get<SubjectAccessRequestView>(`${api()}/${requestId}`);
    const res = await smhl.post(`${api()}/${requestId}/extend`, {
      extendTo: view.body.latestExtension,
      reason: 'Many records across several years',
      requesterToldOn: today(),
    });
    expect(res.status).toBe(200);
    const after = await smhl.get<SubjectAccessRequestView>(`${api()}/${requestId}`);
    expect(after.body.status).toBe('extended');
    expect(after.body.dueOn).toBe(view.body.latestExtension);
    expect(await auditCount('subject_access.extended')).toBe(1);
  });
});

describe('near the deadline', () => {
  it('is on the home page of those who manage requests, not of a teacher', async () => {
    const near = await smhl.post<{ id: string }>(api(), {
      pupilId,
      requesterKind: 'pupil',
      receivedHow: 'portal',
      receivedOn: addDaysToDay(today(), -29),
    });
    expect(near.status).toBe(201);
    const work = await dsl.get<MyWork>(`/api/schools/${env.world.kingsmead}/my-work`);
    expect(work.body.subjectAccessDue.some((x) => x.requestId === near.body.id)).toBe(true);
    const tutor = await (await env.as('tutor')).get<MyWork>(`/api/schools/${env.world.kingsmead}/my-work`);
    expect(tutor.body.subjectAccessDue).toEqual([]);
    const list = await smhl.get<SubjectAccessListResponse>(api());
    expect(list.body.open.find((r) => r.id === near.body.id)?.nearDeadline).toBe(true);
  });
});

describe('sent and closed', () => {
  it('records the response as sent, then closes it; a closed request is not changed', async () => {
    expect((await smhl.post(`${api()}/${requestId}/sent`, { sentOn: today() })).status).toBe(200);
    expect((await smhl.post(`${api()}/${requestId}/close`, { reason: 'Answered' })).status).toBe(200);
    const res = await smhl.post<Err>(`${api()}/${requestId}/identity`, { how: 'x', byName: 'y', checkedOn: today() });
    expect(res.status).toBe(409);
    const list = await smhl.get<SubjectAccessListResponse>(api());
    expect(list.body.finished.find((r) => r.id === requestId)?.status).toBe('closed');
  });
});

describe('the demo', () => {
  it('has an open request about Olivia Clarke with some decisions made, and one near its deadline', async () => {
    const [olivia] = await db()
      .select()
      .from(pupils)
      .where(and(eq(pupils.givenName, 'Olivia'), eq(pupils.familyName, 'Clarke')));
    const list = await smhl.get<SubjectAccessListResponse>(api());
    const hers = list.body.open.find((r) => r.pupil.id === olivia!.id && r.requesterName === 'Emma Clarke');
    expect(hers?.status).toBe('in_review');
    const review = await smhl.get<SubjectAccessReviewResponse>(`${api()}/${hers!.id}/review`);
    expect(review.body.progress.decided).toBeGreaterThan(0);
    expect(review.body.progress.decided).toBeLessThan(review.body.progress.total);
    expect(list.body.open.some((r) => r.requesterName === 'Harper & Lowe Solicitors' && r.nearDeadline)).toBe(true);
  });
});
