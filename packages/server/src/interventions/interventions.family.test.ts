import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull, ne } from 'drizzle-orm';
import {
  alerts,
  auditEvents,
  concerns,
  contacts,
  familyNews,
  interventionPlaces,
  pupils,
  questionnaires,
  roleAssignments,
  users,
} from '@tandem/core/schema';
import type {
  FamilyCompleteQuestionnaireResponse,
  InterventionDetail,
  ParentChildParts,
  PupilHomeParts,
  Questionnaire,
} from '@tandem/core';
import { createTestEnv, type Person, type TestClient, type TestEnv } from '../../test/harness';
import { loadAssignments } from '../http/context';
import { familyReaderFor } from '../platform/family-access';
import { inSchool, type SchoolWork } from '../platform/gate';
import type { FamilyReader } from '../platform/registries';
import { interventionFamilyView } from './interventions.family';

let env: TestEnv;
let smhl: TestClient;
let emma: TestClient;
let olivia: TestClient;
let oliviaId: string;

const school = () => `/api/schools/${env.world.kingsmead}`;
const family = (id: string, schoolId = env.world.kingsmead) => `/api/family/schools/${schoolId}/questionnaires/${id}`;
const today = () => env.clock.now().toISOString().slice(0, 10);

/** Work in Kingsmead as a family member of Olivia, as the family routes do before calling a registry. */
async function asFamily<T>(person: Person, work: (w: SchoolWork, reader: FamilyReader) => Promise<T>): Promise<T> {
  const userId = env.world.userId(person);
  const [u] = await env.deps.database.db.select().from(users).where(eq(users.id, userId));
  const actor = {
    userId,
    email: u!.email,
    displayName: u!.displayName,
    assignments: await loadAssignments(env.deps.database.db, userId),
  };
  return inSchool(
    env.deps,
    { actor, schoolId: env.world.kingsmead, ip: null },
    ['portal.parent', 'portal.pupil'],
    async (w) => work(w, await familyReaderFor(w, oliviaId)),
  );
}

const parentView = () =>
  asFamily<Partial<ParentChildParts>>('parent', (w, reader) => interventionFamilyView.forParent!(w.tx, reader));
const pupilView = () =>
  asFamily<Partial<PupilHomeParts>>('pupil', (w, reader) => interventionFamilyView.forPupil!(w.tx, reader));

/** A signed-in parent account (Emma's password) with the parent role in a school, linked to a pupil there. */
async function anotherParent(email: string, schoolId: string): Promise<TestClient> {
  const db = env.deps.database.db;
  const [emmaRow] = await db
    .select()
    .from(users)
    .where(eq(users.id, env.world.userId('parent')));
  const [user] = await db
    .insert(users)
    .values({ email, displayName: 'Another Parent', passwordHash: emmaRow!.passwordHash })
    .returning();
  await db.insert(roleAssignments).values({ userId: user!.id, trustId: env.world.trustId, schoolId, role: 'parent' });
  const [child] = await db
    .select({ id: pupils.id })
    .from(pupils)
    .where(and(eq(pupils.schoolId, schoolId), isNull(pupils.leftOn), ne(pupils.id, oliviaId)))
    .limit(1);
  await db.insert(contacts).values({ schoolId, pupilId: child!.id, name: 'Another Parent', userId: user!.id });
  const c = env.client();
  await c.signIn(email);
  return c;
}

/** The school's own questionnaire, answered by `respondent`: two questions, the second a risk item. */
async function ownMeasure(name: string, respondent: 'parent' | 'pupil'): Promise<string> {
  const res = await smhl.post<{ key: string }>(`${school()}/measures`, {
    name,
    instructions: 'Think about the last two weeks.',
    respondents: [respondent],
    scale: [
      { value: 0, label: 'Not at all' },
      { value: 1, label: 'Sometimes' },
      { value: 2, label: 'Often' },
    ],
    items: [
      { id: 'q1', text: 'Has your child seemed worried?' },
      { id: 'q2', text: 'Has your child talked about hurting themselves?', riskAt: 1, unscored: true },
    ],
    scores: [
      {
        label: 'Worry',
        items: ['q1'],
        higherIsBetter: false,
        bands: [
          { from: 0, to: 1, label: 'Low', clinical: false },
          { from: 2, to: 2, label: 'High', clinical: true },
        ],
        clinicalThreshold: 2,
      },
    ],
  });
  expect(res.status, res.text).toBe(201);
  return res.body.key;
}

async function ask(measureKey: string, respondent: 'parent' | 'pupil'): Promise<string> {
  const res = await smhl.post<{ id: string }>(`${school()}/pupils/${oliviaId}/questionnaires`, {
    measureKey,
    respondent,
  });
  expect(res.status, res.text).toBe(201);
  return res.body.id;
}

async function answerAll(by: TestClient, id: string, answers: Record<string, number>) {
  for (const [item, value] of Object.entries(answers)) {
    const res = await by.put(`${family(id)}/answers/${item}`, { value });
    expect(res.status, res.text).toBe(200);
  }
}

async function newsFor(pupilId: string) {
  return env.deps.database.db.select().from(familyNews).where(eq(familyNews.pupilId, pupilId));
}

beforeAll(async () => {
  env = await createTestEnv();
  smhl = await env.as('smhl');
  emma = await env.as('parent');
  olivia = await env.as('pupil');
  const [row] = await env.deps.database.db
    .select({ id: pupils.id })
    .from(pupils)
    .where(eq(pupils.userId, env.world.userId('pupil')));
  oliviaId = row!.id;
});
afterAll(async () => {
  await env.close();
});

describe('a parent answers a questionnaire asked of them', () => {
  let id: string;
  beforeAll(async () => {
    const newsBefore = (await newsFor(oliviaId)).length;
    id = await ask(await ownMeasure('How is home?', 'parent'), 'parent');
    // Something new for the parents: the family feature's job e-mails them, content-free.
    expect((await newsFor(oliviaId)).length).toBe(newsBefore + 1);
  });

  it('is listed for the parent, not for the pupil', async () => {
    const parts = await parentView();
    expect(parts.questionnaires).toContainEqual({ id, title: 'How is home?', dueOn: null, started: false });
    expect((await pupilView()).questionnaires?.map((q) => q.id)).not.toContain(id);
  });

  it('opens, keeps each answer and finishes with the same bodies as the staff path, audited', async () => {
    const seen = await emma.get<Questionnaire>(family(id));
    expect(seen.status, seen.text).toBe(200);
    expect(seen.body).toMatchObject({ id, respondent: 'parent', status: 'due', urgentMessage: null, onDuty: [] });
    expect((await emma.put(`${family(id)}/answers/q1`, { value: 7 })).status).toBe(400);
    await answerAll(emma, id, { q1: 2, q2: 0 });
    expect((await parentView()).questionnaires).toContainEqual({
      id,
      title: 'How is home?',
      dueOn: null,
      started: true,
    });
    const done = await emma.post<FamilyCompleteQuestionnaireResponse>(`${family(id)}/complete`, {});
    expect(done.status, done.text).toBe(200);
    expect(done.body).toMatchObject({ status: 'complete', helpNow: false, urgentMessage: null, onDuty: [] });
    // Scores are for staff, read with the measure's bands: the parent gets none back; they are kept.
    expect(done.body.scores).toEqual([]);
    const [stored] = await env.deps.database.db.select().from(questionnaires).where(eq(questionnaires.id, id));
    expect(stored?.scores?.[0]?.value).toBe(2);
    const audit = await env.deps.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, id), eq(auditEvents.actorUserId, env.world.userId('parent'))));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['questionnaire.viewed', 'questionnaire.answered', 'questionnaire.completed']),
    );
    // Finished: no longer waiting for them, and no longer open for answers.
    expect((await parentView()).questionnaires?.map((q) => q.id)).not.toContain(id);
    expect((await emma.put(`${family(id)}/answers/q1`, { value: 1 })).status).toBe(409);
  });

  it.each<[Person, number]>([
    ['pupil', 404],
    ['smhl', 404],
    ['tutor', 404],
    ['otherHead', 404],
  ])('%s opening it on the family route gets %i', async (person, status) => {
    const who = await env.as(person);
    expect((await who.get(family(id))).status).toBe(status);
    expect((await who.put(`${family(id)}/answers/q1`, { value: 1 })).status).toBe(status);
    expect((await who.post(`${family(id)}/complete`, {})).status).toBe(status);
  });

  it('is not found for a parent of another child, nor for another school’s parent', async () => {
    const other = await anotherParent('other.parent@family.example', env.world.kingsmead);
    expect((await other.get(family(id))).status).toBe(404);
    expect((await other.put(`${family(id)}/answers/q1`, { value: 1 })).status).toBe(404);
    const elsewhere = await anotherParent('willow.parent@family.example', env.world.willow);
    expect((await elsewhere.get(family(id))).status).toBe(404);
    expect((await elsewhere.get(family(id, env.world.willow))).status).toBe(404);
  });
});

describe('a parent’s risk answer', () => {
  it('opens the urgent route, and tells the page to show Help now', async () => {
    const id = await ask(await ownMeasure('Home worries', 'parent'), 'parent');
    await answerAll(emma, id, { q1: 1, q2: 2 });
    const done = await emma.post<FamilyCompleteQuestionnaireResponse>(`${family(id)}/complete`, {});
    expect(done.status, done.text).toBe(200);
    expect(done.body).toMatchObject({ helpNow: true, riskRaised: false, urgentMessage: null, onDuty: [] });
    const [row] = await env.deps.database.db.select().from(questionnaires).where(eq(questionnaires.id, id));
    const [concern] = await env.deps.database.db.select().from(concerns).where(eq(concerns.id, row!.concernId!));
    expect(concern).toMatchObject({ urgent: true, restricted: true, route: 'dsl' });
    expect(concern!.account).toContain('parent or carer (Emma Clarke)');
  });
});

describe('the pupil answers her own questionnaire', () => {
  it('is listed for her, and she never receives scores', async () => {
    const id = await ask('gad7', 'pupil');
    expect((await pupilView()).questionnaires?.map((q) => q.id)).toContain(id);
    expect((await parentView()).questionnaires?.map((q) => q.id)).not.toContain(id);
    // A questionnaire asked of the pupil is not the parent's to open.
    expect((await emma.get(family(id))).status).toBe(404);
    const seen = await olivia.get<Questionnaire>(family(id));
    expect(seen.status, seen.text).toBe(200);
    expect(seen.body).toMatchObject({ respondent: 'pupil', pupilFirstName: 'Olivia', scores: null });
    await answerAll(olivia, id, { q1: 3, q2: 3, q3: 2, q4: 2, q5: 1, q6: 1, q7: 1 });
    const done = await olivia.post<FamilyCompleteQuestionnaireResponse>(`${family(id)}/complete`, {});
    expect(done.status, done.text).toBe(200);
    expect(done.body).toEqual({
      status: 'complete',
      scores: [],
      riskRaised: false,
      urgentMessage: null,
      onDuty: [],
      helpNow: false,
    });
    const after = await olivia.get<Questionnaire>(family(id));
    expect(after.body.scores).toBeNull();
    // No score result anywhere in the answer (each carries "prorated").
    expect(after.text).not.toContain('"prorated"');
    // The scores are kept, for staff.
    expect((await smhl.get<Questionnaire>(`${school()}/questionnaires/${id}`)).body.scores?.length).toBeGreaterThan(0);
  });

  it('opens an urgent concern for the DSL on a risk answer, and answers helpNow with no safety message', async () => {
    const id = await ask('phqa', 'pupil');
    await answerAll(olivia, id, { q1: 1, q2: 1, q3: 0, q4: 1, q5: 0, q6: 0, q7: 0, q8: 0, q9: 1 });
    const done = await olivia.post<FamilyCompleteQuestionnaireResponse>(`${family(id)}/complete`, {});
    expect(done.status, done.text).toBe(200);
    expect(done.body).toEqual({
      status: 'complete',
      scores: [],
      riskRaised: false,
      urgentMessage: null,
      onDuty: [],
      helpNow: true,
    });
    expect(done.text).not.toContain('DSL');
    const [row] = await env.deps.database.db.select().from(questionnaires).where(eq(questionnaires.id, id));
    expect(row!.concernId).not.toBeNull();
    const [concern] = await env.deps.database.db.select().from(concerns).where(eq(concerns.id, row!.concernId!));
    expect(concern).toMatchObject({
      urgent: true,
      restricted: true,
      route: 'dsl',
      loggedBy: env.world.userId('pupil'),
      fromParent: false,
    });
    const dslAlerts = await env.deps.database.db
      .select()
      .from(alerts)
      .where(and(eq(alerts.userId, env.world.userId('dsl')), eq(alerts.concernId, concern!.id)));
    expect(dslAlerts.map((a) => a.kind)).toContain('urgent_concern_logged');
    const dsl = await env.as('dsl');
    const seen = await dsl.get<{ access: string }>(`${school()}/concerns/${concern!.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.access).toBe('full');
    // Sent twice: the same answer, and one concern.
    const again = await olivia.post<FamilyCompleteQuestionnaireResponse>(`${family(id)}/complete`, {});
    expect(again.body.helpNow).toBe(true);
    const opened = await env.deps.database.db
      .select()
      .from(concerns)
      .where(and(eq(concerns.schoolId, env.world.kingsmead), eq(concerns.submissionKey, id)));
    expect(opened).toHaveLength(1);
    // What she answered to the risk question is not shown back once raised.
    expect((await olivia.get<Questionnaire>(family(id))).body.answers.q9).toBeUndefined();
  });
});

describe('a parent asks for a place', () => {
  let interventionId: string;
  let placeId: string;
  const key = randomUUID();

  const requestPlace = (o: { interventionId: string; submissionKey: string }) =>
    asFamily('parent', (w) =>
      env.deps.registries.familyRequests.requestPlace(w, {
        pupilId: oliviaId,
        reason: 'She has been very worried about tests.',
        ...o,
      }),
    );

  beforeAll(async () => {
    const res = await smhl.post<{ id: string }>(`${school()}/interventions`, {
      name: 'Calm club',
      description: 'A small group that learns ways to feel calm.',
      format: 'group',
      places: 1,
      sessionCount: 6,
      sessionMinutes: 45,
      sessionDay: 'wednesday',
      suitsLevels: ['MH1', 'MH2'],
      measureKey: null,
      staffUserIds: [env.world.userId('intervention')],
    });
    expect(res.status, res.text).toBe(201);
    interventionId = res.body.id;
  });

  it('is offered only what the school runs', async () => {
    const offers = (await parentView()).supportOffers ?? [];
    expect(offers).toContainEqual({
      interventionId,
      name: 'Calm club',
      description: 'A small group that learns ways to feel calm.',
    });
    const paused = await smhl.post<{ id: string }>(`${school()}/interventions`, {
      name: 'Paused club',
      format: 'group',
      places: 4,
      sessionCount: 6,
      sessionMinutes: 45,
      sessionDay: 'monday',
      suitsLevels: ['MH1'],
      measureKey: null,
      staffUserIds: [env.world.userId('intervention')],
      status: 'paused',
    });
    expect(paused.status, paused.text).toBe(201);
    expect(((await parentView()).supportOffers ?? []).map((o) => o.interventionId)).not.toContain(paused.body.id);
    await expect(requestPlace({ interventionId: paused.body.id, submissionKey: randomUUID() })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(requestPlace({ interventionId: randomUUID(), submissionKey: randomUUID() })).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('joins the waiting list as a request from a parent, once', async () => {
    const asked = await requestPlace({ interventionId, submissionKey: key });
    expect(asked.interventionName).toBe('Calm club');
    placeId = asked.placeId;
    const [row] = await env.deps.database.db
      .select()
      .from(interventionPlaces)
      .where(eq(interventionPlaces.id, placeId));
    expect(row).toMatchObject({
      status: 'waiting',
      source: 'parent',
      requestedBy: env.world.userId('parent'),
      pupilId: oliviaId,
    });
    expect((await requestPlace({ interventionId, submissionKey: key })).placeId).toBe(placeId);
    expect((await requestPlace({ interventionId, submissionKey: randomUUID() })).placeId).toBe(placeId);
    const open = await env.deps.database.db
      .select()
      .from(interventionPlaces)
      .where(and(eq(interventionPlaces.interventionId, interventionId), eq(interventionPlaces.pupilId, oliviaId)));
    expect(open).toHaveLength(1);
    const d = (await smhl.get<InterventionDetail>(`${school()}/interventions/${interventionId}`)).body;
    expect(d.waiting.find((w) => w.placeId === placeId)).toMatchObject({ source: 'parent' });
    expect(((await parentView()).supportOffers ?? []).map((o) => o.interventionId)).not.toContain(interventionId);
  });

  it('shows the parent the same position and expected start as the staff list', async () => {
    // Another pupil takes the one place first, so Olivia waits behind them.
    const [other] = await env.deps.database.db
      .select({ id: pupils.id })
      .from(pupils)
      .where(and(eq(pupils.schoolId, env.world.kingsmead), eq(pupils.yearGroup, 10), isNull(pupils.leftOn)))
      .limit(1);
    const asked = await smhl.post<{ id: string }>(`${school()}/interventions/${interventionId}/requests`, {
      pupilId: other!.id,
      reason: 'Needs it.',
      submissionKey: randomUUID(),
    });
    expect(asked.status, asked.text).toBe(201);
    const given = await smhl.post(`${school()}/interventions/${interventionId}/allocations`, {
      placeId: asked.body.id,
      startOn: today(),
      reason: 'Needs it first.',
    });
    expect(given.status, given.text).toBe(200);
    const d = (await smhl.get<InterventionDetail>(`${school()}/interventions/${interventionId}`)).body;
    const staffSees = d.waiting.find((w) => w.placeId === placeId)!;
    expect(staffSees.expectedStart).not.toBeNull();
    const part = (await parentView()).interventions?.find((i) => i.name === 'Calm club');
    expect(part).toEqual({
      name: 'Calm club',
      description: 'A small group that learns ways to feel calm.',
      state: 'waiting',
      dayLabel: 'Wednesday',
      startedOn: null,
      position: staffSees.position,
      expectedStart: staffSees.expectedStart,
    });
  });

  it('is read once the school acts on it, and the parents hear when she starts', async () => {
    const read = (ids: string[]) =>
      env.deps.registries.familyRequests.placesRead(env.deps.database.db, env.world.kingsmead, ids);
    expect((await read([placeId])).size).toBe(0);
    const inPlace = (await smhl.get<InterventionDetail>(`${school()}/interventions/${interventionId}`)).body
      .inPlaces[0]!;
    expect(
      (
        await smhl.post(`${school()}/interventions/${interventionId}/places/${inPlace.placeId}/end`, {
          ending: 'left_early',
          reason: 'Moved school.',
        })
      ).status,
    ).toBe(200);
    const newsBefore = (await newsFor(oliviaId)).length;
    env.clock.advance(60_000);
    const allocatedAt = env.clock.now();
    const given = await smhl.post(`${school()}/interventions/${interventionId}/allocations`, {
      placeId,
      startOn: today(),
      reason: '',
    });
    expect(given.status, given.text).toBe(200);
    expect((await read([placeId, randomUUID()])).get(placeId)?.getTime()).toBe(allocatedAt.getTime());
    expect((await newsFor(oliviaId)).length).toBe(newsBefore + 1);
    const part = (await parentView()).interventions?.find((i) => i.name === 'Calm club');
    expect(part).toMatchObject({ state: 'in', startedOn: today(), position: null, expectedStart: null });
  });
});
