import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { alerts, auditEvents, meetings, plans, pupils } from '@tandem/core/schema';
import type { PlanDetailResponse, PupilProfileResponse, SharedPlan } from '@tandem/core';
import { createTestEnv, type Person, type TestClient, type TestEnv } from '../../test/harness';
import { runDueJobs } from '../platform/jobs';

let env: TestEnv;
let taught: { id: string; givenName: string; familyName: string }; // in 9W, taught by the demo tutor
let other: { id: string; givenName: string; familyName: string }; // in 8K, not taught by the tutor; on the SENDCO's demo caseload
let smhl: TestClient;

const school = () => `/api/schools/${env.world.kingsmead}`;
const DAY = 86_400_000;
const day = (offsetDays: number) => new Date(env.clock.now().getTime() + offsetDays * DAY).toISOString().slice(0, 10);

const CONDITION = 'Olivia-like anxiety: panic attacks before tests, diagnosed by the GP in September.';
const HOME = 'Mum will check in each evening and keep a sleep diary.';

function careBody(over: Record<string, unknown> = {}) {
  return {
    kind: 'care',
    content: {
      sections: {
        condition: CONDITION,
        requirements: 'Sit near the door in exams; may leave for five minutes with the exit card.',
        emergency: 'Take to the medical room, stay calm, call the first contact.',
        schoolProvides: 'Weekly check-in with the key person.',
        homeDoes: HOME,
      },
      adjustments: { exitCard: 'Red card, shown to the teacher, no questions asked.', keyPerson: 'Mr Fletcher' },
      contacts: [{ name: 'Parent One', relationship: 'Mother', phone: '07700 900123' }],
    },
    reviewDue: day(42),
    agreementsNeeded: ['pupil', 'parent'],
    submissionKey: randomUUID(),
    ...over,
  };
}

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

async function create(by: TestClient, pupilId: string, body: Record<string, unknown>) {
  const res = await by.post<{ id: string; version: number; status: string }>(`${school()}/pupils/${pupilId}/plans`, {
    submissionKey: randomUUID(),
    ...body,
  });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.text}`);
  return res.body;
}

async function readPlan(by: TestClient, planId: string) {
  return by.get<PlanDetailResponse & { error?: { message: string } }>(`${school()}/plans/${planId}`);
}

async function caseView(planId: string) {
  const res = await readPlan(smhl, planId);
  if (res.body.view !== 'case') throw new Error(`expected case view, got ${res.status} ${res.text}`);
  return res.body;
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
    .orderBy(pupils.familyName)
    .limit(1);
  taught = a!;
  other = b!;
  smhl = await env.as('smhl');
});
afterAll(async () => {
  await env.close();
});

describe('who may read a plan given to staff', () => {
  let planId: string;
  const people: Person[] = ['tutor', 'support', 'firstAider', 'intervention', 'head', 'otherHead', 'otherTeacher'];
  const clients = new Map<Person, TestClient>();

  beforeAll(async () => {
    for (const p of people) clients.set(p, await env.as(p));
    ({ id: planId } = await create(smhl, taught.id, riskBody({ sharedWith: [env.world.userId('support')] })));
  });

  it('staff who teach the pupil see the staff sections, never what home does', async () => {
    const res = await readPlan(clients.get('tutor')!, planId);
    expect(res.status).toBe(200);
    expect(res.body.view).toBe('staff');
    expect(res.text).toContain('Let them leave lessons two minutes early');
    expect(res.text).not.toContain('Parents text the pastoral office');
  });

  it('named staff who do not teach the pupil see it too, on their summary of the pupil', async () => {
    const support = clients.get('support')!;
    expect((await readPlan(support, planId)).status).toBe(200);
    const profile = await support.get<PupilProfileResponse>(`${school()}/pupils/${taught.id}`);
    expect(profile.body.view).toBe('basic');
    const shared = (profile.body as { sharedPlans: SharedPlan[] }).sharedPlans;
    expect(shared.map((s) => s.id)).toContain(planId);
    expect(shared.find((s) => s.id === planId)?.confirmedAt).toBeNull();
  });

  it('other staff of the school are told it does not exist, and their summary shows nothing', async () => {
    for (const p of ['firstAider', 'intervention'] as const) {
      const c = clients.get(p)!;
      expect((await readPlan(c, planId)).status).toBe(404);
      expect((await c.get(`${school()}/plans/${planId}/plan.pdf`)).status).toBe(404);
      const profile = await c.get<{ sharedPlans?: SharedPlan[] }>(`${school()}/pupils/${taught.id}`);
      expect(profile.body.sharedPlans ?? []).toEqual([]);
    }
  });

  it('another school sees nothing, by either school’s address', async () => {
    for (const p of ['otherHead', 'otherTeacher'] as const) {
      const c = clients.get(p)!;
      expect((await readPlan(c, planId)).status).toBe(404);
      expect((await c.get(`/api/schools/${env.world.willow}/plans/${planId}`)).status).toBe(404);
      expect((await c.get(`${school()}/pupils/${taught.id}/plans`)).status).toBe(404);
    }
  });

  it('parents and pupils do not read plans through the staff pages', async () => {
    for (const p of ['parent', 'pupil'] as const) {
      const c = await env.as(p);
      const res = await readPlan(c, planId);
      expect([403, 404]).toContain(res.status);
      expect(res.text).not.toContain('leave the site');
      expect((await c.get(`${school()}/pupils/${taught.id}/plans`)).status).toBe(403);
    }
  });

  it('case roles read the whole plan; staff may not write plans', async () => {
    const head = clients.get('head')!;
    const res = await readPlan(head, planId);
    expect(res.body.view).toBe('case');
    expect(res.text).toContain('Parents text the pastoral office');
    const tutor = clients.get('tutor')!;
    expect((await tutor.post(`${school()}/pupils/${taught.id}/plans`, riskBody())).status).toBe(403);
    const revise = { version: 1, content: riskBody().content, reviewDue: day(28), reason: 'x' };
    expect((await tutor.put(`${school()}/plans/${planId}`, revise)).status).toBe(403);
  });

  it('staff confirm they have read it; the lead sees who has not; a new version needs reading again', async () => {
    const tutor = clients.get('tutor')!;
    expect((await tutor.post(`${school()}/plans/${planId}/read`, { version: 1 })).status).toBe(200);
    let plan = await caseView(planId);
    const byName = (n: string) => plan.readers.find((r) => r.id === env.world.userId(n as Person));
    expect(byName('tutor')?.confirmedAt).not.toBeNull();
    expect(byName('tutor')?.why).toBe('teaches');
    expect(byName('support')?.confirmedAt).toBeNull();
    expect(byName('support')?.why).toBe('named');
    expect(plan.readers.some((r) => r.id === env.world.userId('firstAider'))).toBe(false);

    const revised = await smhl.put(`${school()}/plans/${planId}`, {
      version: 1,
      content: riskBody().content,
      reviewDue: day(28),
      reason: 'Added the new trigger after Tuesday',
    });
    expect(revised.status).toBe(200);
    plan = await caseView(planId);
    expect(byName('tutor')?.confirmedAt).toBeNull();
    const stale = await tutor.post<{ error: { message: string } }>(`${school()}/plans/${planId}/read`, { version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toContain('version 2');
    const summary = await tutor.get<{ sharedPlans: SharedPlan[] }>(`${school()}/pupils/${taught.id}`);
    expect(summary.body.sharedPlans.find((s) => s.id === planId)).toMatchObject({ version: 2, confirmedAt: null });
  });

  it('staff print the current staff view; not earlier versions', async () => {
    const tutor = clients.get('tutor')!;
    const pdf = await tutor.get(`${school()}/plans/${planId}/plan.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.text.startsWith('%PDF')).toBe(true);
    expect((await tutor.get(`${school()}/plans/${planId}/plan.pdf?version=1`)).status).toBe(404);
    const audited = await env.deps.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, planId), eq(auditEvents.action, 'plan.exported')));
    expect(audited.some((a) => a.actorUserId === env.world.userId('tutor'))).toBe(true);
  });

  it('a plan not given to teaching staff is not seen by the tutor, and an ended plan by no one but the case team', async () => {
    const tutor = clients.get('tutor')!;
    const crisis = await create(smhl, taught.id, {
      kind: 'crisis',
      content: {
        sections: {
          background: 'Attended A&E at the weekend.',
          emergency: 'Call 999, then the DSL.',
          staffMust: 'Keep within sight at break.',
        },
      },
      reviewDue: day(14),
    });
    expect((await readPlan(tutor, crisis.id)).status).toBe(404);
    const ended = await smhl.post(`${school()}/plans/${planId}/end`, { version: 2, reason: 'Risk has passed' });
    expect(ended.status).toBe(200);
    expect((await readPlan(tutor, planId)).status).toBe(404);
    expect((await caseView(planId)).plan.status).toBe('ended');
    const edit = await smhl.put(`${school()}/plans/${planId}`, {
      version: 2,
      content: riskBody().content,
      reviewDue: day(5),
      reason: 'x',
    });
    expect(edit.status).toBe(409);
  });

  it('a Signs of Safety record stays with the case team', async () => {
    const res = await smhl.post<{ error: { fields: { path: string }[] } }>(`${school()}/pupils/${taught.id}/plans`, {
      kind: 'signs_of_safety',
      content: { sections: { worries: 'a', workingWell: 'b', needsToHappen: 'c' }, safetyScale: 4 },
      reviewDue: day(14),
      shareWithTeaching: true,
      submissionKey: randomUUID(),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0]?.path).toBe('sharedWith');
  });
});

describe('sending a new plan or meeting twice (a double click, a retry)', () => {
  const auditCount = async (action: 'plan.created' | 'meeting.recorded') => {
    const [row] = await env.deps.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(eq(auditEvents.action, action));
    return row?.n ?? 0;
  };
  const plansOf = async (pupilId: string) => {
    const [row] = await env.deps.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(plans)
      .where(eq(plans.pupilId, pupilId));
    return row?.n ?? 0;
  };
  const meetingsOf = async (pupilId: string) => {
    const [row] = await env.deps.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(meetings)
      .where(eq(meetings.pupilId, pupilId));
    return row?.n ?? 0;
  };
  const meetingBody = (submissionKey: string) => ({
    kind: 'mh_review',
    heldAt: new Date(env.clock.now().getTime() + 3 * DAY).toISOString(),
    place: 'Student Services',
    submissionKey,
  });

  it('the same plan sent twice, even at once, makes one plan and one audit entry; a new key makes another', async () => {
    const [plansBefore, auditBefore] = [await plansOf(other.id), await auditCount('plan.created')];
    const body = careBody();
    const url = `${school()}/pupils/${other.id}/plans`;
    const [a, b] = await Promise.all([smhl.post<{ id: string }>(url, body), smhl.post<{ id: string }>(url, body)]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.id).toBe(b.body.id);
    const retry = await smhl.post<{ id: string; version: number; status: string }>(url, {
      ...body,
      reviewDue: day(50),
    });
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ id: a.body.id, version: 1 });
    // The first plan is returned unchanged: the retry's different review date is not written.
    expect((await caseView(a.body.id)).plan.reviewDue).toBe(body.reviewDue);
    expect(await plansOf(other.id)).toBe(plansBefore + 1);
    expect(await auditCount('plan.created')).toBe(auditBefore + 1);

    const another = await smhl.post<{ id: string }>(url, careBody());
    expect(another.status).toBe(201);
    expect(another.body.id).not.toBe(a.body.id);
    expect(await plansOf(other.id)).toBe(plansBefore + 2);
  });

  it('a key is one person’s: the same key from someone else is their own plan', async () => {
    const body = careBody();
    const url = `${school()}/pupils/${other.id}/plans`;
    const mine = await smhl.post<{ id: string }>(url, body);
    const theirs = await (await env.as('dsl')).post<{ id: string }>(url, body);
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.body.id).not.toBe(mine.body.id);
  });

  it('the same meeting sent twice records one meeting and one audit entry; a new key records another', async () => {
    const [before, auditBefore] = [await meetingsOf(other.id), await auditCount('meeting.recorded')];
    const url = `${school()}/pupils/${other.id}/meetings`;
    const key = randomUUID();
    const [a, b] = await Promise.all([
      smhl.post<{ id: string }>(url, meetingBody(key)),
      smhl.post<{ id: string }>(url, meetingBody(key)),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.id).toBe(b.body.id);
    expect(await meetingsOf(other.id)).toBe(before + 1);
    expect(await auditCount('meeting.recorded')).toBe(auditBefore + 1);

    expect((await smhl.post(url, meetingBody(randomUUID()))).status).toBe(201);
    expect(await meetingsOf(other.id)).toBe(before + 2);
  });

  it('the same agreement or review sent twice is recorded once, and audited once', async () => {
    const { id } = await create(smhl, other.id, careBody());
    const audits = async () => {
      const [row] = await env.deps.database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(auditEvents)
        .where(eq(auditEvents.subjectId, id));
      return row?.n ?? 0;
    };
    const before = await audits();
    const agreement = {
      version: 1,
      party: 'parent',
      name: 'Parent One',
      relationship: 'Mother',
      how: 'phone',
      agreedOn: day(0),
    };
    const url = `${school()}/plans/${id}`;
    const [a, b] = await Promise.all([
      smhl.post<{ id: string }>(`${url}/agreements`, agreement),
      smhl.post<{ id: string }>(`${url}/agreements`, agreement),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).toBe(b.body.id);
    const review = {
      version: 1,
      reviewedOn: day(0),
      whatWasDone: 'Weekly check-ins happened.',
      whatChanged: 'Fewer panic attacks.',
      nextReviewOn: day(30),
    };
    const first = await smhl.post<{ id: string }>(`${url}/reviews`, review);
    const again = await smhl.post<{ id: string }>(`${url}/reviews`, review);
    expect(again.body.id).toBe(first.body.id);
    expect(await audits()).toBe(before + 2);
    // A different review, or the other parent's agreement, is recorded.
    const other2 = await smhl.post<{ id: string }>(`${url}/reviews`, { ...review, whatChanged: 'Sleeping better.' });
    expect(other2.body.id).not.toBe(first.body.id);
    const dad = await smhl.post<{ id: string }>(`${url}/agreements`, { ...agreement, name: 'Parent Two' });
    expect(dad.body.id).not.toBe(a.body.id);
    expect((await caseView(id)).agreements.length).toBe(2);
  });

  it('a new plan or meeting without a key is refused', async () => {
    const { submissionKey: _plan, ...plan } = careBody();
    expect((await smhl.post(`${school()}/pupils/${other.id}/plans`, plan)).status).toBe(400);
    const { submissionKey: _meeting, ...meeting } = meetingBody(randomUUID());
    expect((await smhl.post(`${school()}/pupils/${other.id}/meetings`, meeting)).status).toBe(400);
  });
});

describe('changing who is given a plan', () => {
  it('only staff of the school can be given it, and only a case role can lead it; the tutor gains and loses access', async () => {
    const { id } = await create(smhl, taught.id, riskBody({ shareWithTeaching: false }));
    const tutor = await env.as('tutor');
    expect((await readPlan(tutor, id)).status).toBe(404);
    const sharing = (over: Record<string, unknown>) =>
      smhl.put<{ error?: { fields: { path: string }[] } }>(`${school()}/plans/${id}/sharing`, {
        version: 1,
        leadUserId: env.world.userId('smhl'),
        shareWithTeaching: false,
        sharedWith: [],
        parentShareable: false,
        ...over,
      });
    for (const [over, field] of [
      [{ sharedWith: [env.world.userId('otherTeacher')] }, 'sharedWith'],
      [{ sharedWith: [env.world.userId('parent')] }, 'sharedWith'],
      [{ leadUserId: env.world.userId('tutor') }, 'leadUserId'],
      [{ leadUserId: env.world.userId('otherHead') }, 'leadUserId'],
    ] as const) {
      const res = await sharing(over);
      expect(res.status).toBe(400);
      expect(res.body.error?.fields[0]?.path).toBe(field);
    }
    expect((await readPlan(tutor, id)).status).toBe(404);

    expect(
      (await sharing({ sharedWith: [env.world.userId('tutor')], leadUserId: env.world.userId('pastoral') })).status,
    ).toBe(200);
    expect((await readPlan(tutor, id)).status).toBe(200);
    const plan = await caseView(id);
    expect(plan.plan.lead.name).toBe('Tom Fletcher');
    expect(plan.plan.sharedWith.map((s) => s.id)).toEqual([env.world.userId('tutor')]);
    expect(
      (
        await tutor.put(`${school()}/plans/${id}/sharing`, {
          version: 1,
          leadUserId: env.world.userId('tutor'),
          sharedWith: [],
        })
      ).status,
    ).toBe(403);

    expect((await sharing({ sharedWith: [] })).status).toBe(200);
    expect((await readPlan(tutor, id)).status).toBe(404);
    const audited = await env.deps.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, id), eq(auditEvents.action, 'plan.sharing_changed')));
    expect(audited).toHaveLength(2);
  });
});

describe('agreement', () => {
  it('a plan is agreed only once every needed party has agreed to this version', async () => {
    const { id } = await create(smhl, other.id, careBody({ parentShareable: true }));
    const agree = () =>
      smhl.post<{ status: string; error?: { message: string } }>(`${school()}/plans/${id}/agree`, { version: 1 });
    let res = await agree();
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toMatch(/the pupil, a parent or carer/);

    const record = (party: string, name: string, over: Record<string, unknown> = {}) =>
      smhl.post(`${school()}/plans/${id}/agreements`, {
        version: 1,
        party,
        name,
        relationship: party === 'parent' ? 'Mother' : '',
        how: 'in_person',
        agreedOn: day(0),
        ...over,
      });
    expect((await record('pupil', 'The pupil', { agreedOn: day(3) })).status).toBe(400);
    expect((await record('pupil', 'The pupil')).status).toBe(201);
    res = await agree();
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toContain('a parent or carer');
    expect(res.body.error?.message).not.toContain('the pupil');
    expect((await record('parent', 'Parent One')).status).toBe(201);

    // Only the plan's lead or the Senior Mental Health Lead says it is agreed: another case role
    // who may open the plan (the DSL, whole school) is refused.
    const dsl = await env.as('dsl');
    expect((await dsl.post(`${school()}/plans/${id}/agree`, { version: 1 })).status).toBe(403);
    res = await agree();
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('agreed');

    let plan = await caseView(id);
    expect(plan.plan.missingAgreements).toEqual([]);
    // Parents would see only the parent-facing parts of the agreed version.
    expect(plan.parentView?.version).toBe(1);
    expect(plan.parentView?.sections.map((s) => s.key)).toEqual(['emergency', 'schoolProvides', 'homeDoes']);
    expect(JSON.stringify(plan.parentView)).not.toContain(CONDITION);
    expect(JSON.stringify(plan.parentView)).not.toContain('exit card');

    // A change makes a new version that needs agreeing again; parents keep seeing the agreed one.
    const changed = await smhl.put(`${school()}/plans/${id}`, {
      version: 1,
      content: { ...careBody().content, sections: { ...careBody().content.sections, homeDoes: 'New home plan' } },
      reviewDue: day(42),
      agreementsNeeded: ['pupil', 'parent'],
      reason: 'Home part changed after the parent meeting',
    });
    expect(changed.status).toBe(200);
    plan = await caseView(id);
    expect(plan.plan.status).toBe('awaiting_agreement');
    expect(plan.plan.missingAgreements).toEqual(['pupil', 'parent']);
    expect(plan.parentView?.version).toBe(1);
    expect(JSON.stringify(plan.parentView)).toContain(HOME);
    expect(plan.agreements.filter((a) => a.version === 1)).toHaveLength(2);
    // An agreement to the old version is refused: it must be to the version in force.
    expect((await record('pupil', 'The pupil')).status).toBe(409);
  });

  it('a crisis plan always needs a parent’s agreement', async () => {
    const { id } = await create(smhl, other.id, {
      kind: 'crisis',
      content: {
        sections: { background: 'Hospital attendance.', emergency: 'Call 999.', staffMust: 'Stay with them.' },
      },
      reviewDue: day(7),
      agreementsNeeded: [],
    });
    const res = await smhl.post<{ error: { message: string } }>(`${school()}/plans/${id}/agree`, { version: 1 });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('a parent or carer');
    expect((await caseView(id)).plan.agreementsNeeded).toEqual(['parent']);
  });

  it('nothing parent-facing while the plan is not marked shareable', async () => {
    const { id } = await create(smhl, other.id, careBody({ agreementsNeeded: [] }));
    expect((await smhl.post(`${school()}/plans/${id}/agree`, { version: 1 })).status).toBe(200);
    expect((await caseView(id)).parentView).toBeNull();
  });
});

describe('versions and two people editing at once', () => {
  it('the second save is refused with who saved first, and nothing is overwritten', async () => {
    const { id } = await create(smhl, other.id, careBody());
    const sendco = await env.as('sendco');
    const edit = (by: TestClient, text: string) =>
      by.put<{ version: number; error?: { message: string } }>(`${school()}/plans/${id}`, {
        version: 1,
        content: { ...careBody().content, sections: { ...careBody().content.sections, schoolProvides: text } },
        reviewDue: day(30),
        reason: `Edit: ${text}`,
      });
    const [first, second] = [await edit(smhl, 'Daily check-in'), await edit(sendco, 'Weekly ELSA session')];
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    expect(second.status).toBe(409);
    expect(second.body.error?.message).toContain('Sam Patel');
    expect(second.body.error?.message).toContain('version 2');

    const plan = await caseView(id);
    expect(plan.content.sections.schoolProvides).toBe('Daily check-in');
    expect(plan.versions.map((v) => [v.version, v.reason])).toEqual([
      [2, 'Edit: Daily check-in'],
      [1, null],
    ]);
    const v1 = await smhl.get<{ content: { sections: { schoolProvides: string } } }>(
      `${school()}/plans/${id}/versions/1`,
    );
    expect(v1.body.content.sections.schoolProvides).toBe('Weekly check-in with the key person.');
  });

  it('two saves at the same moment: exactly one wins', async () => {
    const { id } = await create(smhl, other.id, careBody());
    const sendco = await env.as('sendco');
    const body = (text: string) => ({
      version: 1,
      content: { ...careBody().content, sections: { ...careBody().content.sections, medication: text } },
      reviewDue: day(30),
      reason: 'At once',
    });
    const results = await Promise.all([
      smhl.put(`${school()}/plans/${id}`, body('A')),
      sendco.put(`${school()}/plans/${id}`, body('B')),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await caseView(id)).versions).toHaveLength(2);
  });

  it('bad content is refused with the field named, and changes nothing', async () => {
    const { id } = await create(smhl, other.id, careBody());
    const res = await smhl.put<{ error: { fields: { path: string; message: string }[] } }>(`${school()}/plans/${id}`, {
      version: 1,
      content: { sections: { condition: '  ', emergency: 'x', schoolProvides: 'y', risks: 'not a care plan part' } },
      reviewDue: day(30),
      reason: 'Try',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f) => f.path).sort()).toEqual([
      'content.sections.condition',
      'content.sections.risks',
    ]);
    expect((await caseView(id)).plan.version).toBe(1);
    const missing = await smhl.post<{ error: { fields: { path: string }[] } }>(
      `${school()}/pupils/${other.id}/plans`,
      careBody({ content: { sections: { condition: 'x' } } }),
    );
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields.map((f) => f.path)).toContain('content.sections.emergency');
    const badPhone = await smhl.post(`${school()}/pupils/${other.id}/plans`, {
      ...careBody(),
      content: { ...careBody().content, contacts: [{ name: 'X', phone: 'call me' }] },
    });
    expect(badPhone.status).toBe(400);
  });

  it('reading a plan and an earlier version is audited', async () => {
    const { id } = await create(smhl, other.id, careBody());
    await caseView(id);
    await smhl.get(`${school()}/plans/${id}/versions/1`);
    const rows = await env.deps.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, id));
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['plan.created', 'plan.viewed', 'plan.version_viewed']),
    );
    expect(JSON.stringify(rows.map((r) => r.detail))).not.toContain(CONDITION);
  });
});

describe('reviews', () => {
  it('overdue reviews show on the lead’s list and remind the lead once, by e-mail without pupil detail', async () => {
    const { id } = await create(smhl, other.id, careBody({ reviewDue: day(1) }));
    const due = await smhl.get<{ reviews: { planId: string; overdue: boolean }[] }>(`${school()}/plans/reviews-due`);
    expect(due.body.reviews.find((r) => r.planId === id)?.overdue).toBe(false);

    env.clock.advance(2 * DAY);
    smhl = await env.as('smhl'); // the earlier session has timed out
    const later = await smhl.get<{
      reviews: { planId: string; overdue: boolean; pupilName: string }[];
      overdue: number;
    }>(`${school()}/plans/reviews-due`);
    expect(later.body.reviews.find((r) => r.planId === id)).toMatchObject({ overdue: true });
    expect(later.body.overdue).toBeGreaterThan(0);
    expect((await (await env.as('tutor')).get(`${school()}/plans/reviews-due`)).status).toBe(403);

    const before = env.smtp.messages.length;
    await runDueJobs(env.deps);
    const mails = env.smtp.messages.slice(before);
    // (The clock moving on may also bring other reminders; this one is about reviews.)
    const toLead = mails.filter(
      (m) => m.to.includes('sam.patel@kingsmead.example') && m.subject.includes('plan review'),
    );
    expect(toLead).toHaveLength(1);
    const text = `${toLead[0]?.subject} ${toLead[0]?.text}`;
    expect(text).toContain('review is overdue');
    expect(text).not.toContain(other.familyName);
    expect(text).not.toContain(other.givenName);
    expect(text).not.toContain('Care Plan');
    const [stored] = await env.deps.database.db.select().from(plans).where(eq(plans.id, id));
    expect(stored?.reviewReminderFor).toBe(stored?.reviewDue);
    const alertRows = await env.deps.database.db
      .select()
      .from(alerts)
      .where(and(eq(alerts.userId, env.world.userId('smhl')), eq(alerts.kind, 'plan_reviews_overdue')));
    expect(alertRows.length).toBeGreaterThan(0);

    // Once per due date: running again sends nothing more.
    const again = env.smtp.messages.length;
    await runDueJobs(env.deps);
    expect(env.smtp.messages.slice(again).filter((m) => m.subject.includes('review'))).toHaveLength(0);

    // Reviewing sets the next date, and the plan is no longer overdue.
    const bad = await smhl.post(`${school()}/plans/${id}/reviews`, {
      version: 1,
      reviewedOn: day(0),
      whatWasDone: 'Weekly check-ins happened.',
      whatChanged: 'Fewer panic attacks.',
      nextReviewOn: day(-1),
    });
    expect(bad.status).toBe(400);
    const ok = await smhl.post(`${school()}/plans/${id}/reviews`, {
      version: 1,
      reviewedOn: day(0),
      whatWasDone: 'Weekly check-ins happened.',
      whatChanged: 'Fewer panic attacks.',
      nextReviewOn: day(42),
    });
    expect(ok.status).toBe(201);
    const plan = await caseView(id);
    expect(plan.plan).toMatchObject({ reviewDue: day(42), reviewOverdue: false });
    expect(plan.reviews[0]).toMatchObject({ whatChanged: 'Fewer panic attacks.', recordedByName: 'Sam Patel' });
  });

  it('Signs of Safety: rated at each review, shown over time', async () => {
    const { id } = await create(smhl, other.id, {
      kind: 'signs_of_safety',
      content: {
        sections: { worries: 'Not eating at school.', workingWell: 'Close to her nan.', needsToHappen: 'GP visit.' },
        safetyScale: 3,
      },
      reviewDue: day(14),
    });
    const review = (scale: number | null) =>
      smhl.post(`${school()}/plans/${id}/reviews`, {
        version: 1,
        reviewedOn: day(0),
        whatWasDone: 'Met with family.',
        whatChanged: 'Eating lunch most days.',
        nextReviewOn: day(14),
        safetyScale: scale,
      });
    expect((await review(null)).status).toBe(400);
    expect((await review(11)).status).toBe(400);
    expect((await review(6)).status).toBe(201);
    expect((await caseView(id)).ratings.map((r) => r.value)).toEqual([3, 6]);
  });
});

describe('meetings', () => {
  const meeting = (over: Record<string, unknown> = {}) => ({
    kind: 'parent',
    heldAt: new Date(env.clock.now().getTime() - 60 * 60_000).toISOString(),
    place: 'Pastoral office',
    attendees: [
      { kind: 'staff', userId: env.world.userId('smhl'), name: 'Sam Patel', role: 'Mental Health Lead' },
      { kind: 'parent', name: 'Parent One', role: 'Mother' },
    ],
    aims: 'Agree support for exams.',
    notes: 'Talked through the plan.',
    ...over,
  });
  /** A new meeting's body: its own submission key, which an edit does not take. */
  const posted = (over: Record<string, unknown> = {}) => ({ ...meeting(over), submissionKey: randomUUID() });
  const count = async () => {
    const [row] = await env.deps.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(meetings)
      .where(eq(meetings.pupilId, other.id));
    return row?.n;
  };

  it('a parent meeting cannot be recorded as held without an agreed next step', async () => {
    const before = await count();
    const res = await smhl.post<{ error: { fields: { path: string }[] } }>(
      `${school()}/pupils/${other.id}/meetings`,
      posted({ complete: true }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0]?.path).toBe('nextSteps');
    expect(await count()).toBe(before);

    const ok = await smhl.post<{ id: string; status: string }>(
      `${school()}/pupils/${other.id}/meetings`,
      posted({
        complete: true,
        nextSteps: [
          { description: 'Book a GP appointment', ownerName: 'Parent One (mother)', dueOn: day(7) },
          { description: 'Share the exam access plan', ownerUserId: env.world.userId('sendco'), dueOn: day(5) },
        ],
      }),
    );
    expect(ok.status).toBe(201);
    expect(ok.body.status).toBe('completed');
    const detail = await smhl.get<{ nextSteps: { id: string; ownerName: string }[] }>(
      `${school()}/meetings/${ok.body.id}`,
    );
    expect(detail.body.nextSteps.map((s) => s.ownerName).sort()).toEqual(['Mark Hughes', 'Parent One (mother)']);
    const listed = await smhl.get<{ meetings: { id: string; nextSteps: number; openNextSteps: number }[] }>(
      `${school()}/pupils/${other.id}/meetings`,
    );
    expect(listed.body.meetings.find((m) => m.id === ok.body.id)).toMatchObject({ nextSteps: 2, openNextSteps: 2 });

    // Recorded as held, it is not edited again; next steps are marked done.
    const step = detail.body.nextSteps[0]!;
    expect(
      (await smhl.post(`${school()}/meetings/${ok.body.id}/next-steps/${step.id}/complete`, { note: 'Done' })).status,
    ).toBe(200);
    expect((await smhl.put(`${school()}/meetings/${ok.body.id}`, { ...meeting(), version: 1 })).status).toBe(409);

    // Meetings and their next steps are in the pupil's chronology.
    const chron = await smhl.get<{ entries: { kind: string; title: string }[] }>(
      `${school()}/pupils/${other.id}/chronology`,
    );
    const kinds = chron.body.entries.map((e) => e.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'meeting_held',
        'next_step_agreed',
        'next_step_completed',
        'plan_written',
        'plan_agreed',
      ]),
    );
  });

  it('a planned meeting is completed later; a stale edit is refused', async () => {
    const planned = await smhl.post<{ id: string; version: number; status: string }>(
      `${school()}/pupils/${other.id}/meetings`,
      posted({ kind: 'mh_review', heldAt: new Date(env.clock.now().getTime() + 7 * DAY).toISOString() }),
    );
    expect(planned.body.status).toBe('planned');
    const url = `${school()}/meetings/${planned.body.id}`;
    const past = new Date(env.clock.now().getTime() - 60_000).toISOString();
    // Not before it happens.
    expect(
      (
        await smhl.put(url, {
          ...meeting({ kind: 'mh_review' }),
          heldAt: new Date(env.clock.now().getTime() + DAY).toISOString(),
          version: 1,
          complete: true,
        })
      ).status,
    ).toBe(400);
    expect(
      (await smhl.put(url, { ...meeting({ kind: 'parent' }), heldAt: past, version: 1, complete: true })).status,
    ).toBe(400);
    const done = await smhl.put<{ version: number; status: string }>(url, {
      ...meeting({ kind: 'parent' }),
      heldAt: past,
      version: 1,
      complete: true,
      nextSteps: [{ description: 'Meet again after half term', ownerUserId: env.world.userId('smhl'), dueOn: day(30) }],
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ version: 2, status: 'completed' });
    expect((await smhl.put(url, { ...meeting(), version: 1 })).status).toBe(409);
  });

  it('only case roles of the school read meetings', async () => {
    const created = await smhl.post<{ id: string }>(
      `${school()}/pupils/${other.id}/meetings`,
      posted({ kind: 'mh_review' }),
    );
    const url = `${school()}/meetings/${created.body.id}`;
    expect((await (await env.as('tutor')).get(url)).status).toBe(403);
    expect((await (await env.as('otherHead')).get(url)).status).toBe(404);
    expect((await (await env.as('head')).get(url)).status).toBe(200);
    const otherSchoolPupil = await env.deps.database.db
      .select({ id: pupils.id })
      .from(pupils)
      .where(eq(pupils.schoolId, env.world.willow))
      .limit(1);
    expect(
      (await smhl.post(`${school()}/pupils/${otherSchoolPupil[0]!.id}/meetings`, posted({ kind: 'mh_review' }))).status,
    ).toBe(404);
  });
});

describe('the case team’s own pages, for everyone else', () => {
  it('meetings, the reviews due and earlier versions: 403 inside the school, 404 from another', async () => {
    const { id: planId } = await create(smhl, taught.id, riskBody());
    const meeting = await smhl.post<{ id: string }>(`${school()}/pupils/${taught.id}/meetings`, {
      kind: 'mh_review',
      heldAt: new Date(env.clock.now().getTime() + DAY).toISOString(),
      place: 'Student Services',
      submissionKey: randomUUID(),
    });
    expect(meeting.status).toBe(201);
    const urls = [
      `${school()}/meetings/${meeting.body.id}`,
      `${school()}/pupils/${taught.id}/meetings`,
      `${school()}/pupils/${taught.id}/plans`,
      `${school()}/plans/reviews-due`,
      `${school()}/plans/${planId}/versions/1`,
    ];
    const expected: [Person, number][] = [
      ['tutor', 403],
      ['support', 403],
      ['parent', 403],
      ['pupil', 403],
      ['otherHead', 404],
      ['otherTeacher', 404],
    ];
    for (const [person, status] of expected) {
      const c = await env.as(person);
      for (const url of urls) {
        const res = await c.get(url);
        expect(res.status, `${person} ${url}`).toBe(status);
        expect(res.text).not.toContain('Student Services');
      }
      const write = await c.post(`${school()}/pupils/${taught.id}/meetings`, {
        kind: 'mh_review',
        heldAt: new Date().toISOString(),
        place: 'Anywhere',
        submissionKey: randomUUID(),
      });
      expect(write.status, `${person} records a meeting`).toBe(status);
    }
  });
});
