/**
 * "My work": what needs each member of staff today, in one answer, with the need-to-know of each
 * feature's own pages. Stories for a tutor given a plan, the Mental Health Lead, the DSL, staff not
 * given the plan, a parent and a pupil, and another school.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { pupils } from '@tandem/core/schema';
import type { MyWork } from '@tandem/core';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness';

let env: TestEnv;
let taught: { id: string }; // in 9W, taught by the demo tutor
let other: { id: string }; // in 8K, not taught by the tutor
let smhl: TestClient;
let tutor: TestClient;

const school = () => `/api/schools/${env.world.kingsmead}`;
const DAY = 86_400_000;
const day = (offsetDays: number) => new Date(env.clock.now().getTime() + offsetDays * DAY).toISOString().slice(0, 10);

function riskBody(over: Record<string, unknown> = {}) {
  return {
    kind: 'risk',
    content: {
      sections: {
        risks: 'May leave the site without telling anyone when overwhelmed.',
        triggers: 'Loud corridors at lesson change.',
        staffMust: 'Let them leave lessons two minutes early; tell the pastoral office if they are missing.',
        homeDoes: 'Parents text the pastoral office if mornings were hard.',
      },
    },
    reviewDue: day(28),
    shareWithTeaching: true,
    submissionKey: randomUUID(),
    ...over,
  };
}

function concernBody(over: Record<string, unknown> = {}) {
  return {
    submissionKey: randomUUID(),
    pupilIds: [taught.id],
    occurredAt: new Date(env.clock.now().getTime() - 10 * 60_000).toISOString(),
    location: 'Form room 9W',
    account: 'Seemed very low in registration and said she had not slept.',
    warningSigns: [],
    othersPresent: '',
    riskOfImmediateHarm: false,
    possibleChildProtection: false,
    medicalEmergency: false,
    ...over,
  };
}

async function myWork(c: TestClient): Promise<MyWork> {
  const res = await c.get<MyWork>(`${school()}/my-work`);
  if (res.status !== 200) throw new Error(`my-work: ${res.status} ${res.text}`);
  return res.body;
}

async function createPlan(by: TestClient, pupilId: string, body: Record<string, unknown>) {
  const res = await by.post<{ id: string }>(`${school()}/pupils/${pupilId}/plans`, body);
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.text}`);
  return res.body.id;
}

async function log(by: TestClient, body: Record<string, unknown>) {
  const res = await by.post<{ id: string; reference: string }>(`${school()}/concerns`, body);
  if (res.status !== 201) throw new Error(`log failed: ${res.status} ${res.text}`);
  return res.body;
}

/** Time passes; sessions idle out, so the people of these stories sign in again. */
async function later(ms: number) {
  env.clock.advance(ms);
  smhl = await env.as('smhl');
  tutor = await env.as('tutor');
}

beforeAll(async () => {
  env = await createTestEnv();
  const db = env.deps.database.db;
  const [a] = await db
    .select()
    .from(pupils)
    .where(and(eq(pupils.schoolId, env.world.kingsmead), eq(pupils.form, '9W')))
    .orderBy(pupils.familyName)
    .limit(1);
  const [b] = await db
    .select()
    .from(pupils)
    .where(and(eq(pupils.schoolId, env.world.kingsmead), eq(pupils.form, '8K')))
    .limit(1);
  taught = a!;
  other = b!;
  smhl = await env.as('smhl');
  tutor = await env.as('tutor');
});
afterAll(async () => {
  await env.close();
});

describe('a tutor given a plan', () => {
  let planId: string;
  beforeAll(async () => {
    planId = await createPlan(smhl, taught.id, riskBody());
  });

  it('sees it to read and confirm, in the header count, until they confirm', async () => {
    const before = await myWork(tutor);
    const item = before.toRead.find((p) => p.planId === planId);
    expect(item).toMatchObject({ kind: 'risk', version: 1, pupil: { id: taught.id }, leadName: 'Sam Patel' });
    expect(before.counts.toRead).toBe(before.toRead.length);
    expect(before.counts.toRead).toBeGreaterThanOrEqual(1);
    // Staff sections are read on the plan itself: the list carries none of the plan's content.
    expect(JSON.stringify(before)).not.toContain('leave lessons two minutes early');

    expect((await tutor.post(`${school()}/plans/${planId}/read`, { version: 1 })).status).toBe(200);
    const after = await myWork(tutor);
    expect(after.toRead.some((p) => p.planId === planId)).toBe(false);
    expect(after.counts.toRead).toBe(before.counts.toRead - 1);
  });

  it('a new version brings it back to read again', async () => {
    const revised = await smhl.put(`${school()}/plans/${planId}`, {
      version: 1,
      content: riskBody().content,
      reviewDue: day(28),
      reason: 'Added the new trigger after Tuesday',
    });
    expect(revised.status).toBe(200);
    const again = await myWork(tutor);
    expect(again.toRead.find((p) => p.planId === planId)).toMatchObject({ version: 2 });
  });

  it('an ended plan is no longer there to read', async () => {
    const ended = await createPlan(smhl, taught.id, riskBody());
    expect((await myWork(tutor)).toRead.some((p) => p.planId === ended)).toBe(true);
    expect((await smhl.post(`${school()}/plans/${ended}/end`, { version: 1, reason: 'No longer needed' })).status).toBe(
      200,
    );
    expect((await myWork(tutor)).toRead.some((p) => p.planId === ended)).toBe(false);
  });
});

describe('staff not given a plan', () => {
  it('do not see it: neither a teacher of another pupil nor staff who do not teach the pupil', async () => {
    const namedToSupport = await createPlan(
      smhl,
      other.id,
      riskBody({ shareWithTeaching: false, sharedWith: [env.world.userId('support')] }),
    );
    const toTaught = await createPlan(smhl, taught.id, riskBody());
    const tutorWork = await myWork(tutor);
    expect(tutorWork.toRead.some((p) => p.planId === namedToSupport)).toBe(false);
    const support = await myWork(await env.as('support'));
    expect(support.toRead.some((p) => p.planId === namedToSupport)).toBe(true);
    const firstAider = await myWork(await env.as('firstAider'));
    expect(firstAider.toRead.some((p) => p.planId === toTaught || p.planId === namedToSupport)).toBe(false);
    expect(firstAider.awaitingTriage).toEqual([]);
    // Case roles read plans in full and confirm nothing: the lead is not asked to read their own.
    expect((await myWork(smhl)).toRead.some((p) => p.planId === toTaught)).toBe(false);
  });
});

describe('the Mental Health Lead', () => {
  it('sees concerns awaiting triage with how long each has waited, urgent first, never the DSL’s', async () => {
    const plain = await log(tutor, concernBody());
    await later(40 * 60_000);
    const medical = await log(tutor, concernBody({ medicalEmergency: true }));
    const restricted = await log(tutor, concernBody({ possibleChildProtection: true }));
    await later(5 * 60_000);
    const work = await myWork(smhl);
    const ids = work.awaitingTriage.map((c) => c.concernId);
    expect(ids).toContain(plain.id);
    expect(ids.indexOf(medical.id)).toBeLessThan(ids.indexOf(plain.id));
    expect(ids).not.toContain(restricted.id);
    expect(work.awaitingTriage.find((c) => c.concernId === plain.id)).toMatchObject({
      reference: plain.reference,
      urgent: false,
      pupils: [{ id: taught.id }],
    });
    // The clock of the test moves on with real time too, by a moment.
    const waited = work.awaitingTriage.find((c) => c.concernId === plain.id)?.waitingMinutes ?? 0;
    expect(waited).toBeGreaterThanOrEqual(45);
    expect(waited).toBeLessThan(50);

    expect((await smhl.post(`${school()}/concerns/${plain.id}/acknowledge`)).status).toBe(200);
    expect((await myWork(smhl)).awaitingTriage.some((c) => c.concernId === plain.id)).toBe(false);
  });

  it('sees actions and next steps they own, due and overdue, and reviews due of plans they lead', async () => {
    const c = await log(tutor, concernBody());
    const action = await smhl.post<{ id: string }>(`${school()}/concerns/${c.id}/actions`, {
      description: 'Check in with pupil at lunch',
      ownerUserId: env.world.userId('smhl'),
      dueOn: day(1),
    });
    expect(action.status).toBe(201);
    const meeting = await smhl.post<{ id: string }>(`${school()}/pupils/${other.id}/meetings`, {
      kind: 'mh_review',
      heldAt: new Date(env.clock.now().getTime() - 60 * 60_000).toISOString(),
      place: 'Pastoral office',
      attendees: [{ kind: 'staff', userId: env.world.userId('smhl'), name: 'Sam Patel', role: 'Mental Health Lead' }],
      nextSteps: [{ description: 'Phone the school nurse', ownerUserId: env.world.userId('smhl'), dueOn: day(2) }],
      complete: true,
      submissionKey: randomUUID(),
    });
    expect(meeting.status).toBe(201);
    const soon = await createPlan(smhl, other.id, riskBody({ reviewDue: day(3) }));
    const farOff = await createPlan(smhl, other.id, riskBody({ reviewDue: day(60) }));

    let work = await myWork(smhl);
    expect(work.concernActions.find((a) => a.actionId === action.body.id)).toMatchObject({
      concernId: c.id,
      overdue: false,
    });
    expect(work.nextSteps.find((s) => s.meetingId === meeting.body.id)).toMatchObject({
      description: 'Phone the school nurse',
      overdue: false,
      pupil: { id: other.id },
    });
    expect(work.reviewsDue.find((r) => r.planId === soon)).toMatchObject({ overdue: false });
    expect(work.reviewsDue.some((r) => r.planId === farOff)).toBe(false);

    await later(4 * DAY);
    work = await myWork(smhl);
    expect(work.concernActions.find((a) => a.actionId === action.body.id)?.overdue).toBe(true);
    expect(work.nextSteps.find((s) => s.meetingId === meeting.body.id)?.overdue).toBe(true);
    expect(work.reviewsDue.find((r) => r.planId === soon)?.overdue).toBe(true);
    // Someone else's work is not theirs: the tutor sees none of it.
    const tutorWork = await myWork(tutor);
    expect(tutorWork.concernActions).toEqual([]);
    expect(tutorWork.nextSteps).toEqual([]);
    expect(tutorWork.reviewsDue).toEqual([]);
  });

  it('sees the 24 hours a pupil was given to tell their parents, and when they have passed', async () => {
    const c = await log(tutor, concernBody({ pupilWillTellParents: true }));
    let work = await myWork(smhl);
    expect(work.parentsDeadlines.find((d) => d.concernId === c.id)).toMatchObject({ passed: false });
    await later(25 * 3_600_000);
    work = await myWork(smhl);
    expect(work.parentsDeadlines.find((d) => d.concernId === c.id)).toMatchObject({ passed: true });
    expect((await myWork(tutor)).parentsDeadlines).toEqual([]);
  });
});

describe('the DSL', () => {
  it('sees unacknowledged urgent concerns first, the restricted record included; the head does not', async () => {
    // Moved into the restricted record before anyone acknowledged it: the DSL's, not urgent.
    const moved = await log(tutor, concernBody());
    let dsl = await env.as('dsl');
    expect(
      (await dsl.post(`${school()}/concerns/${moved.id}/restrict`, { reason: 'Mentioned things at home' })).status,
    ).toBe(200);
    await later(10 * 60_000);
    const urgent = await log(tutor, concernBody({ riskOfImmediateHarm: true }));
    dsl = await env.as('dsl');
    const work = await myWork(dsl);
    const ids = work.awaitingTriage.map((c) => c.concernId);
    expect(work.awaitingTriage.find((c) => c.concernId === moved.id)).toMatchObject({
      urgent: false,
      restricted: true,
    });
    expect(work.awaitingTriage.find((c) => c.concernId === urgent.id)).toMatchObject({
      urgent: true,
      restricted: true,
      route: 'dsl',
    });
    // Every urgent one comes before the one that is not, though it was logged later.
    const firstCalm = work.awaitingTriage.findIndex((c) => !c.urgent);
    expect(ids.indexOf(urgent.id)).toBeLessThan(firstCalm);
    expect(work.awaitingTriage.slice(firstCalm).every((c) => !c.urgent)).toBe(true);
    // The Mental Health Lead's own queue is theirs, not the DSL's.
    const plain = await log(tutor, concernBody());
    expect((await myWork(dsl)).awaitingTriage.some((c) => c.concernId === plain.id)).toBe(false);

    const head = await myWork(await env.as('head'));
    expect(head.awaitingTriage.some((c) => c.concernId === urgent.id)).toBe(false);
    expect(JSON.stringify(head)).not.toContain(urgent.reference);
    expect(JSON.stringify(await myWork(smhl))).not.toContain(urgent.reference);
  });
});

describe('who may ask', () => {
  it('a parent and a pupil are refused, as for every staff-only page', async () => {
    for (const p of ['parent', 'pupil'] as const) {
      const c = await env.as(p);
      expect((await c.get(`${school()}/my-work`)).status).toBe(403);
    }
  });

  it('another school is told the school does not exist; signed out is 401', async () => {
    for (const p of ['otherHead', 'otherTeacher'] as const) {
      expect((await (await env.as(p)).get(`${school()}/my-work`)).status).toBe(404);
    }
    expect((await env.client().get(`${school()}/my-work`)).status).toBe(401);
  });
});

describe('the confirmation after logging a concern', () => {
  it('has its own address: the logger gets the same answer again; nobody else, not even the DSL', async () => {
    const logged = await tutor.post<{ id: string; reference: string; findDslNow: boolean; route: string }>(
      `${school()}/concerns`,
      concernBody({ riskOfImmediateHarm: true }),
    );
    expect(logged.status).toBe(201);
    const again = await tutor.get<typeof logged.body & { alreadyReceived: boolean }>(
      `${school()}/concerns/${logged.body.id}/sent`,
    );
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      id: logged.body.id,
      reference: logged.body.reference,
      route: 'dsl',
      findDslNow: true,
      alreadyReceived: false,
    });
    expect(again.text).not.toContain('Seemed very low');
    for (const p of ['dsl', 'smhl', 'support'] as const) {
      expect((await (await env.as(p)).get(`${school()}/concerns/${logged.body.id}/sent`)).status).toBe(404);
    }
    const otherSchool = await env.as('otherTeacher');
    expect((await otherSchool.get(`${school()}/concerns/${logged.body.id}/sent`)).status).toBe(404);
    expect((await otherSchool.get(`/api/schools/${env.world.willow}/concerns/${logged.body.id}/sent`)).status).toBe(
      404,
    );
  });
});
