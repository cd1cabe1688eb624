/**
 * The plans' and meetings' part of a pupil's records (subject access, transfer, retention): every
 * version's content, agreements, sharing, reads and reviews, meetings and their next steps, in plain
 * words; and destruction of exactly this pupil's records of one class, with the audit trail intact.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { PLAN_KINDS, type PupilRecordItem } from '@tandem/core';
import {
  concernPupils,
  meetingActions,
  meetings,
  planAgreements,
  planReads,
  planReviews,
  plans,
  planShares,
  planVersions,
  pupils,
} from '@tandem/core/schema';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness';
import { sealAuditTrail } from '../audit/audit.sealer';
import { verifyAuditChain } from '../audit/audit.service';
import { PLAN_RECORD_CLASSES, planRecords } from './plans.records';

let env: TestEnv;
let pupilA: string; // in 9W, taught by the demo tutor
let pupilB: string; // in 8K
let smhl: TestClient;
let planId: string;
let meetingId: string;
let looseMeetingId: string;
let otherPlanId: string;
const db = () => env.deps.database.db;
const school = () => `/api/schools/${env.world.kingsmead}`;
const day = (offset: number) => new Date(env.clock.now().getTime() + offset * 86_400_000).toISOString().slice(0, 10);

const records = (pupilId: string) =>
  planRecords.records(db(), { schoolId: env.world.kingsmead, pupilId, includeRestricted: false });
const destroy = (pupilId: string, recordClass: 'child-protection' | 'sen' | 'wellbeing') =>
  db().transaction((tx) => planRecords.destroy(tx, { schoolId: env.world.kingsmead, pupilId, recordClass }));
const countOf = (out: { kind: string; count: number }[], kind: string) => out.find((o) => o.kind === kind)?.count ?? 0;

function careBody() {
  return {
    kind: 'care',
    content: {
      sections: {
        condition: 'Panic attacks before tests.',
        requirements: 'Sit near the door in exams.',
        emergency: 'Take to the medical room and call the first contact.',
        schoolProvides: 'Weekly check-in with the key person.',
        homeDoes: 'Mum keeps a sleep diary.',
      },
      adjustments: { exitCard: 'Red card, no questions asked.' },
      contacts: [{ name: 'Parent One', relationship: 'Mother', phone: '07700 900123' }],
    },
    reviewDue: day(42),
    agreementsNeeded: ['parent'],
    shareWithTeaching: true,
    sharedWith: [env.world.userId('pastoral')],
    submissionKey: randomUUID(),
  };
}

async function ok<T>(p: Promise<{ status: number; body: T; text: string }>, status = 201): Promise<T> {
  const res = await p;
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status} ${res.text}`);
  return res.body;
}

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
  smhl = await env.as('smhl');

  planId = (await ok(smhl.post<{ id: string }>(`${school()}/pupils/${pupilA}/plans`, careBody()))).id;
  otherPlanId = (await ok(smhl.post<{ id: string }>(`${school()}/pupils/${pupilB}/plans`, careBody()))).id;
  await ok(
    smhl.post(`${school()}/plans/${planId}/agreements`, {
      version: 1,
      party: 'parent',
      name: 'Parent One',
      relationship: 'Mother',
      how: 'phone',
      agreedOn: day(0),
    }),
  );
  await ok(
    smhl.post(`${school()}/plans/${planId}/reviews`, {
      version: 1,
      reviewedOn: day(0),
      whatWasDone: 'Weekly check-ins happened.',
      whatChanged: 'Fewer panic attacks.',
      nextReviewOn: day(30),
    }),
  );
  await ok((await env.as('tutor')).post(`${school()}/plans/${planId}/read`, { version: 1 }), 200);
  const meeting = {
    kind: 'parent',
    heldAt: new Date(env.clock.now().getTime() - 3_600_000).toISOString(),
    place: 'Pastoral office',
    attendees: [
      { kind: 'staff', userId: env.world.userId('smhl'), name: 'Sam Patel', role: 'Mental Health Lead' },
      { kind: 'parent', name: 'Parent One', role: 'Mother' },
    ],
    aims: 'Agree support for exams.',
    notes: 'Talked through the plan.',
    complete: true,
    nextSteps: [{ description: 'Book a GP appointment', ownerName: 'Parent One (mother)', dueOn: day(7) }],
  };
  meetingId = (
    await ok(
      smhl.post<{ id: string }>(`${school()}/pupils/${pupilA}/meetings`, {
        ...meeting,
        planId,
        submissionKey: randomUUID(),
      }),
    )
  ).id;
  looseMeetingId = (
    await ok(
      smhl.post<{ id: string }>(`${school()}/pupils/${pupilA}/meetings`, {
        ...meeting,
        kind: 'mh_review',
        complete: false,
        nextSteps: [{ description: 'Ask CAMHS for advice', ownerUserId: env.world.userId('sendco'), dueOn: day(5) }],
        submissionKey: randomUUID(),
      }),
    )
  ).id;
});
afterAll(async () => {
  await env.close();
});

describe('gathering a pupil’s plans and meetings', () => {
  it('today’s kinds of plan are all wellbeing records', () => {
    for (const kind of PLAN_KINDS) expect(PLAN_RECORD_CLASSES[kind]).toBe('wellbeing');
  });

  it('every version, agreement, review, sharing and read, in plain words with staff names', async () => {
    const items = await records(pupilA);
    expect(items.every((i) => i.source === 'plans' && !i.restricted && i.recordClass === 'wellbeing')).toBe(true);
    expect(items.every((i) => i.suggested.decision === 'disclose')).toBe(true);
    const of = (kind: string) => items.filter((i) => i.kind === kind);
    const plan = of('plan').find((i) => i.id === planId)!;
    expect(plan.title).toBe('Individual Care Plan, led by Sam Patel');
    expect(plan.body).toContain('Given to: Tom Fletcher, by Sam Patel');
    expect(plan.body).toContain('Read and confirmed: Ben Wright, version 1');
    expect(plan.body).toContain('Given to everyone who teaches the pupil: Yes');

    const version = of('plan-version').find((i) => i.id === `${planId}-v1`)!;
    expect(version.body).toContain("The pupil's condition: Panic attacks before tests.");
    expect(version.body).toContain('What home does: Mum keeps a sleep diary.');
    expect(version.body).toContain('Reasonable adjustment, exit card: Red card, no questions asked.');
    expect(version.body).toContain('Contact: Parent One (Mother), phone 07700 900123');
    expect(version.body).toContain('Written by: Sam Patel');

    expect(of('plan-agreement').find((i) => i.body.includes('Who agreed: Parent One (Mother)'))?.body).toContain(
      'How: By phone',
    );
    expect(of('plan-review')[0]?.body).toContain('What changed: Fewer panic attacks.');

    const held = of('meeting').find((i) => i.id === meetingId)!;
    expect(held.body).toContain('Where: Pastoral office');
    expect(held.body).toContain('Attended: Parent One (Mother), parent or carer');
    expect(held.body).toContain('About the plan: Individual Care Plan');
    expect(of('meeting').find((i) => i.id === looseMeetingId)?.body).toContain('Held: not yet (planned)');
    const steps = of('next-step').map((i) => i.body);
    expect(steps.some((b) => b.includes('Who does it: Parent One (mother)'))).toBe(true);
    expect(steps.some((b) => b.includes('Who does it: Mark Hughes'))).toBe(true);

    for (const i of items) {
      expect(new Date(i.at).toISOString()).toBe(i.at);
      expect(i.body).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    }
    // Another pupil's plan is not among them.
    expect(items.some((i: PupilRecordItem) => i.id === otherPlanId)).toBe(false);
  });
});

describe('destroying a pupil’s plans and meetings of one class', () => {
  it('child-protection and SEN records: none of today’s plans or meetings are of them, so nothing goes', async () => {
    const before = (await records(pupilA)).length;
    expect(await destroy(pupilA, 'child-protection')).toEqual([]);
    expect(await destroy(pupilA, 'sen')).toEqual([]);
    expect((await records(pupilA)).length).toBe(before);
  });

  it('wellbeing records: every plan and meeting of the pupil goes, with all that hangs on them; no one else’s', async () => {
    const mine = (await db().select({ id: plans.id }).from(plans).where(eq(plans.pupilId, pupilA))).map((p) => p.id);
    const myMeetings = (await db().select({ id: meetings.id }).from(meetings).where(eq(meetings.pupilId, pupilA))).map(
      (m) => m.id,
    );
    const versionsBefore = await db().select().from(planVersions).where(inArray(planVersions.planId, mine));
    const concernsBefore = await db().select().from(concernPupils).where(eq(concernPupils.pupilId, pupilA));

    const out = await destroy(pupilA, 'wellbeing');
    expect(countOf(out, 'plan')).toBe(mine.length);
    expect(countOf(out, 'plan-version')).toBe(versionsBefore.length);
    expect(countOf(out, 'meeting')).toBe(myMeetings.length);
    expect(countOf(out, 'next-step')).toBeGreaterThanOrEqual(2);
    for (const kind of ['plan-agreement', 'plan-review', 'plan-read', 'plan-share']) {
      expect(countOf(out, kind)).toBeGreaterThanOrEqual(1);
    }

    expect(await records(pupilA)).toEqual([]);
    expect(await db().select().from(plans).where(eq(plans.pupilId, pupilA))).toEqual([]);
    expect(await db().select().from(meetings).where(eq(meetings.pupilId, pupilA))).toEqual([]);
    for (const t of [planVersions, planAgreements, planReviews, planReads, planShares]) {
      expect(await db().select().from(t).where(inArray(t.planId, mine))).toEqual([]);
    }
    expect(await db().select().from(meetingActions).where(inArray(meetingActions.meetingId, myMeetings))).toEqual([]);
    expect((await smhl.get(`${school()}/plans/${planId}`)).status).toBe(404);

    // The other pupil's plan and this pupil's other records are untouched.
    expect((await records(pupilB)).some((i) => i.id === otherPlanId)).toBe(true);
    expect((await smhl.get(`${school()}/plans/${otherPlanId}`)).status).toBe(200);
    expect(await db().select().from(concernPupils).where(eq(concernPupils.pupilId, pupilA))).toEqual(concernsBefore);
    expect(await destroy(pupilA, 'wellbeing')).toEqual([]);
  });

  it('afterwards the audit trail still seals and verifies', async () => {
    while (await sealAuditTrail(db())) {
      // batch after batch
    }
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true, unsealed: 0 });
  });
});
