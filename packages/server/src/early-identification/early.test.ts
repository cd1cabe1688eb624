import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import {
  addDaysToDay,
  londonToday,
  previousTerm,
  termOf,
  type EarlyListResponse,
  type EarlyRatesResponse,
  type EarlyRulesResponse,
  type EarlyRuleView,
} from '@tandem/core';
import {
  attendanceWeeks,
  auditEvents,
  checkins,
  concernPupils,
  concerns,
  earlyReviews,
  earlyRules,
  pupils,
  questionnaires,
  schools,
  users,
} from '@tandem/core/schema';
import { seedDemoEarly } from '../demo/demo-early';
import { createTestEnv, type Person, type TestClient, type TestEnv } from '../../test/harness';

let env: TestEnv;
let smhl: TestClient;

const DAY = 86_400_000;
const base = (id = env.world.kingsmead) => `/api/schools/${id}/early`;
const db = () => env.deps.database.db;
type Err = { error: { code: string; message: string; fields?: { path: string; message: string }[] } };

async function newPupil(over: Partial<typeof pupils.$inferInsert> = {}): Promise<string> {
  const [row] = await db()
    .insert(pupils)
    .values({
      schoolId: env.world.kingsmead,
      upn: `E${randomUUID().replace(/-/g, '').slice(0, 12).toUpperCase()}`,
      givenName: 'Test',
      familyName: `Early ${randomUUID().slice(0, 5)}`,
      dateOfBirth: '2013-05-01',
      yearGroup: 8,
      form: '8A',
      ...over,
    })
    .returning({ id: pupils.id });
  return row!.id;
}

async function concern(pupilId: string, daysAgo: number, restricted = false): Promise<void> {
  const loggedAt = new Date(env.clock.now().getTime() - daysAgo * DAY);
  const [c] = await db()
    .insert(concerns)
    .values({
      schoolId: env.world.kingsmead,
      reference: `T-${randomUUID().slice(0, 8)}`,
      loggedBy: env.world.userId('tutor'),
      loggedAt,
      submissionKey: randomUUID(),
      occurredAt: loggedAt,
      location: 'Classroom',
      account: 'Seemed withdrawn.',
      warningSigns: [],
      riskOfImmediateHarm: false,
      possibleChildProtection: restricted,
      medicalEmergency: false,
      category: restricted ? 'safeguarding' : 'mental_health',
      route: restricted ? 'dsl' : 'mental_health_lead',
      urgent: false,
      restricted,
      status: 'open',
      parentsStatus: restricted ? 'not_to_be_told' : 'to_be_told',
      updatedAt: loggedAt,
    })
    .returning({ id: concerns.id });
  await db().insert(concernPupils).values({ schoolId: env.world.kingsmead, concernId: c!.id, pupilId });
}

/** 10 full weeks in the term before, then the last 4 weeks at `recent` of 10 sessions each. */
async function attendance(pupilId: string, recent: number): Promise<void> {
  const today = londonToday(env.clock.now());
  const before = previousTerm(termOf(today));
  const monday = (day: string) => addDaysToDay(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));
  const row = (weekStart: string, attended: number) => ({
    schoolId: env.world.kingsmead,
    pupilId,
    weekStart,
    possible: 10,
    attended,
    authorised: 0,
    unauthorised: 10 - attended,
    updatedAt: env.clock.now(),
  });
  const rows = [
    ...Array.from({ length: 10 }, (_, i) => row(monday(addDaysToDay(before.from, 7 * i + 7)), 10)),
    ...Array.from({ length: 4 }, (_, i) => row(monday(addDaysToDay(today, -7 * i)), recent)),
  ];
  await db().insert(attendanceWeeks).values(rows);
}

async function checkinsOf(pupilId: string, moods: { daysAgo: number; mood: number }[]): Promise<void> {
  await db()
    .insert(checkins)
    .values(
      moods.map((m) => ({
        schoolId: env.world.kingsmead,
        pupilId,
        mood: m.mood,
        wantsToTalk: false,
        submissionKey: randomUUID(),
        createdAt: new Date(env.clock.now().getTime() - m.daysAgo * DAY),
      })),
    );
}

async function score(pupilId: string, daysAgo: number, value: number, clinical: boolean): Promise<void> {
  const at = new Date(env.clock.now().getTime() - daysAgo * DAY);
  await db()
    .insert(questionnaires)
    .values({
      schoolId: env.world.kingsmead,
      pupilId,
      measureKey: 'gad7',
      measureVersion: 1,
      timepoint: 'check',
      respondent: 'pupil',
      status: 'complete',
      scores: [
        {
          id: 'total',
          label: 'Total',
          value,
          band: clinical ? 'Moderate' : 'Mild',
          clinical,
          answered: 7,
          of: 7,
          prorated: false,
        },
      ],
      createdBy: env.world.userId('smhl'),
      createdAt: at,
      completedAt: at,
      updatedAt: at,
    });
}

const list = async () => {
  const res = await smhl.get<EarlyListResponse>(`${base()}/pupils`);
  expect(res.status, res.text).toBe(200);
  return res.body;
};
const listed = async (id: string) => (await list()).pupils.find((p) => p.id === id);
const rules = async () => (await smhl.get<EarlyRulesResponse>(`${base()}/rules`)).body.rules;
const rule = async (kind: string) => (await rules()).find((r) => r.kind === kind)!;
const review = (id: string, body: unknown, by = smhl) => by.post<Err>(`${base()}/pupils/${id}/reviews`, body);
const reviewCount = async () => (await db().select().from(earlyReviews)).length;

async function setRule(kind: string, change: Partial<EarlyRuleView>): Promise<void> {
  const r = await rule(kind);
  const res = await smhl.put<EarlyRuleView>(`${base()}/rules`, {
    kind,
    enabled: change.enabled ?? r.enabled,
    params: change.params ?? r.params,
    revision: r.revision,
  });
  expect(res.status, res.text).toBe(200);
}

beforeAll(async () => {
  env = await createTestEnv();
  smhl = await env.as('smhl');
});
afterAll(async () => {
  await env.close();
});

describe('the pupils to review', () => {
  it('lists a pupil with three concerns in six weeks and an attendance drop, with the figures', async () => {
    const id = await newPupil();
    for (const d of [2, 10, 30]) await concern(id, d);
    await concern(id, 60); // outside the six weeks
    await attendance(id, 8);
    const p = await listed(id);
    expect(p?.fired.map((f) => f.kind)).toEqual(['attendance_drop', 'concerns_count']);
    expect(p?.fired[1]?.because).toBe('3 concerns logged in the last 6 weeks.');
    expect(p?.fired[0]?.because).toMatch(
      /^Attendance 80% over the last 4 weeks, down 20 points on 100% in the (Summer|Spring|Autumn) term \d{4}\.$/,
    );
    expect(p?.fired[0]?.figures).toMatchObject({ recentPossible: 40, recentAttended: 32, baselinePossible: 100 });
    expect(p?.yearGroup).toBe(8);
    const [entry] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'early.list_viewed'), eq(auditEvents.actorUserId, env.world.userId('smhl'))));
    expect(entry).toBeDefined();
  });

  it('two concerns do not list a pupil; restricted concerns are never counted', async () => {
    const id = await newPupil();
    await concern(id, 3);
    await concern(id, 4);
    await concern(id, 5, true);
    await concern(id, 6, true);
    expect(await listed(id)).toBeUndefined();
  });

  it('a review takes the pupil off the list; a new rule firing brings them back', async () => {
    const id = await newPupil();
    for (const d of [1, 2, 3]) await concern(id, d);
    expect(await listed(id)).toBeDefined();
    const res = await review(id, {
      outcome: 'no_action',
      reason: 'Known to us; support in place with the form tutor.',
    });
    expect(res.status, res.text).toBe(201);
    const after = await list();
    expect(after.pupils.find((p) => p.id === id)).toBeUndefined();
    const done = after.reviewed.find((p) => p.id === id);
    expect(done?.review).toMatchObject({ outcome: 'no_action', byName: expect.any(String) as string });
    expect(done?.review.fired.map((f) => f.kind)).toEqual(['concerns_count']);
    const [stored] = await db().select().from(earlyReviews).where(eq(earlyReviews.pupilId, id));
    expect(stored?.fired[0]?.because).toBe('3 concerns logged in the last 6 weeks.');
    const [audit] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'early.reviewed'), eq(auditEvents.subjectId, id)));
    expect(audit?.detail).toEqual({ outcome: 'no_action', rules: ['concerns_count'] });

    // Check-ins falling: a rule the review did not cover.
    await checkinsOf(id, [
      ...[1, 3, 5].map((d) => ({ daysAgo: d, mood: 2 })),
      ...[30, 32, 34].map((d) => ({ daysAgo: d, mood: 4 })),
    ]);
    const back = await listed(id);
    expect(back?.fired.map((f) => f.kind)).toEqual(['concerns_count', 'checkins_down']);
    expect(back?.lastReview?.outcome).toBe('no_action');
  });

  it('lists a questionnaire score moving into the clinical range, not one already there', async () => {
    const moved = await newPupil();
    await score(moved, 60, 6, false);
    await score(moved, 5, 12, true);
    const already = await newPupil();
    await score(already, 60, 13, true);
    await score(already, 5, 14, true);
    expect((await listed(moved))?.fired[0]?.because).toBe(
      'GAD-7 score 12 (Moderate) 5 days ago, in the clinical range; 6 (Mild) before.',
    );
    expect(await listed(already)).toBeUndefined();
  });

  it('changing a rule changes the list, with a revision check and an audit entry', async () => {
    const id = await newPupil();
    for (const d of [1, 2, 3]) await concern(id, d);
    expect(await listed(id)).toBeDefined();
    await setRule('concerns_count', { params: { count: 4, weeks: 6 } });
    expect(await listed(id)).toBeUndefined();
    const changed = await rule('concerns_count');
    expect(changed.description).toBe('4 concerns or more logged in the last 6 weeks.');
    expect(changed.revision).toBe(1);
    // A change against the revision before is refused.
    const stale = await smhl.put<Err>(`${base()}/rules`, {
      kind: 'concerns_count',
      enabled: true,
      params: { count: 3, weeks: 6 },
      revision: 0,
    });
    expect(stale.status).toBe(409);
    await setRule('concerns_count', { params: { count: 3, weeks: 6 } });
    expect(await listed(id)).toBeDefined();
    await setRule('concerns_count', { enabled: false });
    expect(await listed(id)).toBeUndefined();
    await setRule('concerns_count', { enabled: true });
    const entries = await db().select().from(auditEvents).where(eq(auditEvents.action, 'early.rule_changed'));
    expect(entries.length).toBeGreaterThanOrEqual(4);
  });

  it('refuses bad settings and bad reviews with clear messages, and changes nothing', async () => {
    const rowsBefore = (await db().select().from(earlyRules)).length;
    const r = await rule('attendance_drop');
    const bad = await smhl.put<Err>(`${base()}/rules`, {
      kind: 'attendance_drop',
      enabled: true,
      params: { points: 0, weeks: 13 },
      revision: r.revision,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual([
      { path: 'params.points', message: 'Enter a whole number of percentage points from 1 to 50' },
      { path: 'params.weeks', message: 'Enter a whole number of weeks from 1 to 12' },
    ]);
    const odd = await smhl.put<Err>(`${base()}/rules`, {
      kind: 'checkins_down',
      enabled: true,
      params: { weeks: 4, drop: 0.7 },
      revision: 0,
    });
    expect(odd.status).toBe(400);
    expect((await db().select().from(earlyRules)).length).toBe(rowsBefore);
    expect((await rule('attendance_drop')).params).toEqual({ points: 10, weeks: 4 });

    const id = await newPupil();
    const before = await reviewCount();
    expect((await review(id, { outcome: 'no_action', reason: '   ' })).status).toBe(400);
    expect((await review(id, { outcome: 'ignored', reason: 'x' })).status).toBe(400);
    expect((await review(id, { reason: 'x' })).status).toBe(400);
    expect((await review(randomUUID(), { outcome: 'no_action', reason: 'x' })).status).toBe(404);
    expect(await reviewCount()).toBe(before);
  });
});

describe('rates by group', () => {
  it('counts each rule by group against the whole school, and flags a group singled out', async () => {
    for (let i = 0; i < 6; i += 1) {
      const id = await newPupil({ lookedAfter: true });
      for (const d of [1, 2, 3]) await concern(id, d);
    }
    const res = await smhl.get<EarlyRatesResponse>(`${base()}/rates`);
    expect(res.status, res.text).toBe(200);
    const concernsRule = res.body.rules.find((r) => r.kind === 'concerns_count')!;
    const all = concernsRule.groups.find((g) => g.group === 'all')!;
    const lac = concernsRule.groups.find((g) => g.group === 'looked_after')!;
    expect(lac.count).toBeGreaterThanOrEqual(6);
    expect(lac.pupils).toBeGreaterThanOrEqual(6);
    expect(lac.rate).toBeCloseTo(lac.count / lac.pupils);
    expect(lac.ratio).toBeCloseTo(lac.rate! / all.rate!);
    expect(lac.flagged).toBe(true);
    expect(all.flagged).toBe(false);
    const [entry] = await db().select().from(auditEvents).where(eq(auditEvents.action, 'early.rates_viewed'));
    expect(entry).toBeDefined();
  });
});

describe('who may see the pupils to review', () => {
  it.each<Person>(['head', 'dsl', 'tutor', 'parent', 'pupil'])(
    '%s is refused (403) and changes nothing',
    async (person) => {
      const c = await env.as(person);
      const id = await newPupil();
      for (const path of ['pupils', 'rules', 'rates']) expect((await c.get(`${base()}/${path}`)).status).toBe(403);
      expect((await review(id, { outcome: 'no_action', reason: 'x' }, c)).status).toBe(403);
      const put = await c.put(`${base()}/rules`, { kind: 'concerns_count', enabled: false, params: {}, revision: 0 });
      expect(put.status).toBe(403);
    },
  );

  it.each<Person>(['otherHead', 'otherTeacher'])('%s of another school gets 404', async (person) => {
    const c = await env.as(person);
    const id = await newPupil();
    for (const path of ['pupils', 'rules', 'rates']) expect((await c.get(`${base()}/${path}`)).status).toBe(404);
    expect((await review(id, { outcome: 'no_action', reason: 'x' }, c)).status).toBe(404);
    // Through their own school, a Kingsmead pupil does not exist.
    const theirs = await c.post(`${base(env.world.willow)}/pupils/${id}/reviews`, {
      outcome: 'no_action',
      reason: 'x',
    });
    expect([403, 404]).toContain(theirs.status);
  });

  it('someone signed out gets 401', async () => {
    const c = env.client();
    for (const path of ['pupils', 'rules', 'rates']) expect((await c.get(`${base()}/${path}`)).status).toBe(401);
  });

  it('the SMHL of Kingsmead gets 404 for another school’s pupil', async () => {
    const [other] = await db()
      .select({ id: pupils.id })
      .from(pupils)
      .where(eq(pupils.schoolId, env.world.willow))
      .limit(1);
    expect((await review(other!.id, { outcome: 'no_action', reason: 'x' })).status).toBe(404);
  });
});

describe('the demo', () => {
  it('lists pupils with concerns and a questionnaire score, and one reviewed', async () => {
    const schoolRows = await db().select({ id: schools.id, name: schools.name }).from(schools);
    const schoolIds = new Map(schoolRows.map((s) => [s.name.startsWith('Kingsmead') ? 'kingsmead' : s.name, s.id]));
    const userIds = new Map(
      (await db().select({ id: users.id, email: users.email }).from(users)).map((u) => [u.email, u.id]),
    );
    await db().transaction((tx) => seedDemoEarly(tx, { schoolIds, userIds, now: env.clock.now() }));
    const after = await list();
    expect(after.pupils.some((p) => p.fired.some((f) => f.kind === 'score_clinical'))).toBe(true);
    expect(after.pupils.filter((p) => p.fired.some((f) => f.kind === 'concerns_count')).length).toBeGreaterThanOrEqual(
      1,
    );
    expect(after.reviewed.some((p) => p.review.reason.startsWith('Spoke with the form tutor'))).toBe(true);
  });
});
