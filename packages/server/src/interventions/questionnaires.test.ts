import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { alerts, concerns, pupils, questionnaires } from '@tandem/core/schema';
import type {
  CompleteQuestionnaireResponse,
  InterventionDetail,
  InterventionList,
  PupilOutcomes,
  Questionnaire,
} from '@tandem/core';
import { createTestEnv, PASSWORD, PEOPLE, type Person, type TestClient, type TestEnv } from '../../test/harness';

let env: TestEnv;
let smhl: TestClient;
let elsa: TestClient;
let counsellingId: string;
let nextPupil = 0;

const school = () => `/api/schools/${env.world.kingsmead}`;
const q = (id: string) => `${school()}/questionnaires/${id}`;
const today = () => env.clock.now().toISOString().slice(0, 10);

/** A pupil given a place on school counselling (PHQ-A, run by the ELSA): their baseline's id. */
async function counsellingBaseline(): Promise<{ questionnaireId: string; pupilId: string }> {
  const [pupil] = await env.deps.database.db
    .select({ id: pupils.id })
    .from(pupils)
    .where(and(eq(pupils.schoolId, env.world.kingsmead), eq(pupils.yearGroup, 11), isNull(pupils.leftOn)))
    .orderBy(pupils.upn)
    .offset(nextPupil++)
    .limit(1);
  const asked = await smhl.post<{ id: string }>(`${school()}/interventions/${counsellingId}/requests`, {
    pupilId: pupil!.id,
    reason: 'Low mood.',
    submissionKey: randomUUID(),
  });
  expect(asked.status, asked.text).toBe(201);
  const d = (await smhl.get<InterventionDetail>(`${school()}/interventions/${counsellingId}`)).body;
  const p = d.waiting.find((w) => w.pupilId === pupil!.id)!;
  const given = await smhl.post<{ baselineQuestionnaireId: string }>(
    `${school()}/interventions/${counsellingId}/allocations`,
    { placeId: p.placeId, startOn: today(), reason: p.position === 1 ? '' : 'Needs it first.' },
  );
  expect(given.status, given.text).toBe(200);
  return { questionnaireId: given.body.baselineQuestionnaireId, pupilId: pupil!.id };
}

async function answerAll(by: TestClient, id: string, answers: Record<string, number>) {
  for (const [item, value] of Object.entries(answers)) {
    const res = await by.put(`${q(id)}/answers/${item}`, { value });
    expect(res.status, res.text).toBe(200);
  }
}

beforeAll(async () => {
  env = await createTestEnv();
  smhl = await env.as('smhl');
  elsa = await env.as('intervention');
  counsellingId = (await smhl.get<InterventionList>(`${school()}/interventions`)).body.interventions.find(
    (i) => i.name === 'School counselling',
  )!.id;
});
afterAll(async () => {
  await env.close();
});

describe('a score is never only filed', () => {
  let result: CompleteQuestionnaireResponse;
  let questionnaireId: string;
  beforeAll(async () => {
    ({ questionnaireId } = await counsellingBaseline());
    await answerAll(elsa, questionnaireId, { q1: 1, q2: 1, q3: 0, q4: 1, q5: 0, q6: 0, q7: 0, q8: 0, q9: 1 });
    const res = await elsa.post<CompleteQuestionnaireResponse>(`${q(questionnaireId)}/complete`, {});
    expect(res.status, res.text).toBe(200);
    result = res.body;
  });

  it('tells the person with the pupil to stay with them and find the DSL now', () => {
    expect(result.riskRaised).toBe(true);
    expect(result.urgentMessage).toContain('find the DSL now');
    expect(result.scores.find((s) => s.id === 'total')?.value).toBe(4);
  });

  it('opens an urgent concern in the restricted record, alerting the DSL team', async () => {
    const [row] = await env.deps.database.db
      .select()
      .from(questionnaires)
      .where(eq(questionnaires.id, questionnaireId));
    expect(row!.concernId).not.toBeNull();
    const [concern] = await env.deps.database.db.select().from(concerns).where(eq(concerns.id, row!.concernId!));
    expect(concern).toMatchObject({ urgent: true, restricted: true, route: 'dsl', riskOfImmediateHarm: true });
    const dslAlerts = await env.deps.database.db
      .select()
      .from(alerts)
      .where(and(eq(alerts.userId, env.world.userId('dsl')), eq(alerts.concernId, row!.concernId!)));
    expect(dslAlerts.map((a) => a.kind)).toContain('urgent_concern_logged');
    const mail = await env.smtp.messagesTo(PEOPLE.dsl);
    expect(mail.length).toBeGreaterThan(0);
    expect(mail.map((m) => m.text).join('\n')).not.toContain('Question 9');
  });

  it('lets the intervention staff see only that it was sent, never the concern', async () => {
    const [row] = await env.deps.database.db
      .select()
      .from(questionnaires)
      .where(eq(questionnaires.id, questionnaireId));
    // As for anything they log into the restricted record: that it was sent to the DSL, and no more.
    const stub = await elsa.get(`${school()}/concerns/${row!.concernId}`);
    expect(stub.text).not.toContain('Question 9');
    expect(stub.text).not.toContain('hurting yourself');
    const seen = await elsa.get<Questionnaire>(q(questionnaireId));
    expect(seen.body.riskRaised).toBe(true);
    expect(seen.body.answers.q9).toBeUndefined();
    expect(seen.body.urgentMessage).toContain('find the DSL now');
    const dsl = await env.as('dsl');
    expect((await dsl.get(`${school()}/concerns/${row!.concernId}`)).status).toBe(200);
  });

  it('answers the same when sent twice, and opens one concern', async () => {
    const again = await elsa.post<CompleteQuestionnaireResponse>(`${q(questionnaireId)}/complete`, {});
    expect(again.body.riskRaised).toBe(true);
    const rows = await env.deps.database.db
      .select()
      .from(concerns)
      .where(and(eq(concerns.schoolId, env.world.kingsmead), eq(concerns.submissionKey, questionnaireId)));
    expect(rows).toHaveLength(1);
  });
});

describe('answers are checked and kept as given', () => {
  let id: string;
  beforeAll(async () => {
    ({ questionnaireId: id } = await counsellingBaseline());
  });

  it('refuses an answer to a question that does not exist, or out of range, and keeps nothing', async () => {
    expect((await elsa.put(`${q(id)}/answers/q99`, { value: 1 })).status).toBe(400);
    expect((await elsa.put(`${q(id)}/answers/q1`, { value: 7 })).status).toBe(400);
    expect((await elsa.put(`${q(id)}/answers/q1`, { value: 'lots' })).status).toBe(400);
    const seen = await elsa.get<Questionnaire>(q(id));
    expect(seen.body.answers).toEqual({});
    expect(seen.body.status).toBe('due');
  });

  it('keeps each answer at once, so a closed tab loses nothing', async () => {
    await answerAll(elsa, id, { q1: 2, q2: 3 });
    const seen = await elsa.get<Questionnaire>(q(id));
    expect(seen.body.answers).toEqual({ q1: 2, q2: 3 });
    expect(seen.body.status).toBe('in_progress');
  });

  it('refuses to score with too many answers missing', async () => {
    const res = await elsa.post(`${q(id)}/complete`, {});
    expect(res.status).toBe(400);
    expect((await elsa.get<Questionnaire>(q(id))).body.status).toBe('in_progress');
  });

  it.each<[Person, number]>([
    ['intervention', 200],
    ['smhl', 200],
    ['tutor', 404],
    ['support', 404],
    ['otherHead', 404],
    ['parent', 403],
  ])('%s opening the questionnaire gets %i', async (person, status) => {
    expect((await (await env.as(person)).get(q(id))).status).toBe(status);
  });
});

describe('a device handed to the pupil', () => {
  let id: string;
  let device: TestClient;
  beforeAll(async () => {
    ({ questionnaireId: id } = await counsellingBaseline());
    device = await env.as('intervention');
    expect((await device.post(`${q(id)}/hand-to-pupil`, {})).status).toBe(200);
  });

  it('answers only that questionnaire until the member of staff takes it back', async () => {
    expect((await device.get(q(id))).body).toMatchObject({ handedToPupil: true });
    expect((await device.put(`${q(id)}/answers/q1`, { value: 1 })).status).toBe(200);
    const away = await device.get<{ error: { code: string } }>(`${school()}/pupils`);
    expect(away.status).toBe(403);
    expect(away.body.error.code).toBe('handed_to_pupil');
    expect((await device.get(`${school()}/interventions/${counsellingId}`)).status).toBe(403);
    const session = await device.get<{ handedTo: { questionnaireId: string } | null }>('/api/auth/session');
    expect(session.body.handedTo?.questionnaireId).toBe(id);
    // Finished on the pupil's screen: the answer says it is done, and carries no scores.
    for (const item of ['q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9']) {
      expect((await device.put(`${q(id)}/answers/${item}`, { value: item === 'q9' ? 0 : 2 })).status).toBe(200);
    }
    const done = await device.post<CompleteQuestionnaireResponse>(`${q(id)}/complete`, {});
    expect(done.status, done.text).toBe(200);
    expect(done.body.scores).toEqual([]);
    expect((await device.get<Questionnaire>(q(id))).body.scores).toBeNull();
  });

  it('takes the device back only with the staff member’s own password', async () => {
    const wrong = await device.post('/api/auth/hand-back', { password: 'not-the-password' });
    expect(wrong.status).toBe(400);
    expect((await device.get(`${school()}/pupils`)).status).toBe(403);
    const right = await device.post('/api/auth/hand-back', { password: PASSWORD });
    expect(right.status, right.text).toBe(200);
    expect((await device.get(`${school()}/pupils`)).status).toBe(200);
    // Back with the member of staff: the scores.
    expect((await device.get<Questionnaire>(q(id))).body.scores?.length).toBeGreaterThan(0);
  });
});

describe('a pupil guessing the password', () => {
  it('ends the session after five wrong tries, without locking the member of staff out', async () => {
    const { questionnaireId: id } = await counsellingBaseline();
    const device = await env.as('intervention');
    expect((await device.post(`${q(id)}/hand-to-pupil`, {})).status).toBe(200);
    const statuses: number[] = [];
    for (let n = 0; n < 5; n++)
      statuses.push((await device.post('/api/auth/hand-back', { password: `guess-${n}` })).status);
    expect(statuses).toEqual([400, 400, 400, 400, 401]);
    const session = await device.get<{ signedIn: boolean }>('/api/auth/session');
    expect(session.body.signedIn).toBe(false);
    // The member of staff signs in again as usual, and the questionnaire is still there to finish.
    const again = await env.as('intervention');
    expect((await again.get<Questionnaire>(q(id))).body.status).not.toBe('complete');
  });
});

describe('before and after', () => {
  it('shows a case role each pair with its outcome, and recovery', async () => {
    const [baseline] = await env.deps.database.db
      .select()
      .from(questionnaires)
      .where(
        and(
          eq(questionnaires.schoolId, env.world.kingsmead),
          eq(questionnaires.measureKey, 'phqa'),
          eq(questionnaires.timepoint, 'follow_up'),
          eq(questionnaires.status, 'complete'),
        ),
      )
      .limit(1);
    const res = await smhl.get<PupilOutcomes>(`${school()}/pupils/${baseline!.pupilId}/outcomes`);
    expect(res.status).toBe(200);
    const change = res.body.pairs[0]!.changes.find((c) => c.id === 'total')!;
    expect(change.outcome).toBe('reliable_improvement');
    expect((await (await env.as('tutor')).get(`${school()}/pupils/${baseline!.pupilId}/outcomes`)).status).toBe(403);
  });

  it('says why Me and My Feelings shows band movement only', async () => {
    const [mamf] = await env.deps.database.db
      .select()
      .from(questionnaires)
      .where(
        and(
          eq(questionnaires.schoolId, env.world.kingsmead),
          eq(questionnaires.measureKey, 'mamf'),
          eq(questionnaires.timepoint, 'follow_up'),
          eq(questionnaires.status, 'complete'),
        ),
      )
      .limit(1);
    const res = await smhl.get<PupilOutcomes>(`${school()}/pupils/${mamf!.pupilId}/outcomes`);
    const change = res.body.pairs[0]!.changes[0]!;
    expect(change.outcome).toBeNull();
    expect(change.reason).toMatch(/reliable/i);
    expect(change.beforeBand).not.toBe(change.afterBand);
  });
});

describe('the school’s own questionnaire', () => {
  const draft = {
    name: 'Our check-in',
    instructions: 'Think about the last week.',
    respondents: ['pupil'],
    scale: [
      { value: 0, label: 'Not at all' },
      { value: 1, label: 'Sometimes' },
      { value: 2, label: 'Often' },
    ],
    items: [
      { id: 'q1', text: 'I have felt happy.', reverse: true },
      { id: 'q2', text: 'I have felt worried.' },
      { id: 'q3', text: 'I have thought about hurting myself.', riskAt: 1, unscored: true },
    ],
    scores: [
      {
        label: 'Worry',
        items: ['q1', 'q2'],
        higherIsBetter: false,
        bands: [
          { from: 0, to: 2, label: 'Low', clinical: false },
          { from: 3, to: 4, label: 'High', clinical: true },
        ],
        clinicalThreshold: 3,
      },
    ],
  };

  it('refuses a draft whose bands overlap, naming the field, and adds a good one', async () => {
    const bad = await smhl.post<{ error: { fields: { path: string }[] } }>(`${school()}/measures`, {
      ...draft,
      scores: [
        {
          ...draft.scores[0],
          bands: [
            { from: 0, to: 3, label: 'A' },
            { from: 2, to: 4, label: 'B' },
          ],
        },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f) => f.path)).toContain('scores.0.bands.1.from');
    expect((await elsa.post(`${school()}/measures`, draft)).status).toBe(403);
    const ok = await smhl.post<{ key: string }>(`${school()}/measures`, draft);
    expect(ok.status, ok.text).toBe(201);
    const list = await elsa.get<{ measures: { key: string; builtIn: boolean }[] }>(`${school()}/measures`);
    expect(list.body.measures.find((m) => m.key === ok.body.key)?.builtIn).toBe(false);
  });

  it('opens the urgent route for its own risk item, and keeps old scores on their version', async () => {
    const ok = await smhl.post<{ key: string }>(`${school()}/measures`, { ...draft, name: 'Risk check' });
    const [pupil] = await env.deps.database.db
      .select({ id: pupils.id })
      .from(pupils)
      .where(eq(pupils.schoolId, env.world.kingsmead))
      .limit(1);
    const started = await smhl.post<{ id: string }>(`${school()}/pupils/${pupil!.id}/questionnaires`, {
      measureKey: ok.body.key,
      respondent: 'pupil',
    });
    expect(started.status, started.text).toBe(201);
    await answerAll(smhl, started.body.id, { q1: 2, q2: 1, q3: 1 });
    const done = await smhl.post<CompleteQuestionnaireResponse>(`${q(started.body.id)}/complete`, {});
    expect(done.body.riskRaised).toBe(true);
    // q1 reversed: 2 scores 0; q2 scores 1.
    expect(done.body.scores[0]!.value).toBe(1);
    const measureId = ok.body.key.replace('custom:', '');
    const revised = await smhl.put<{ version: number }>(`${school()}/measures/${measureId}`, {
      ...draft,
      name: 'Risk check v2',
    });
    expect(revised.status, revised.text).toBe(200);
    expect(revised.body.version).toBe(2);
    const seen = await smhl.get<Questionnaire>(q(started.body.id));
    expect(seen.body.measure).toMatchObject({ version: 1, name: 'Risk check' });
  });
});

describe('a score as evidence for a level change', () => {
  it('may be cited for its own pupil, and not for another', async () => {
    const [done] = await env.deps.database.db
      .select()
      .from(questionnaires)
      .where(
        and(
          eq(questionnaires.schoolId, env.world.kingsmead),
          eq(questionnaires.measureKey, 'gad7'),
          eq(questionnaires.status, 'complete'),
        ),
      )
      .limit(1);
    const [pupil] = await env.deps.database.db.select().from(pupils).where(eq(pupils.id, done!.pupilId));
    const [other] = await env.deps.database.db
      .select()
      .from(pupils)
      .where(and(eq(pupils.schoolId, env.world.kingsmead), eq(pupils.form, '7K')))
      .limit(1);
    const body = (p: { currentLevel: string | null }) => ({
      level: p.currentLevel === 'MH4' ? 'MH3' : 'MH4',
      reason: 'Anxiety rose over the intervention.',
      evidence: [{ kind: 'score', description: 'GAD-7 follow-up', refId: done!.id }],
      expectedCurrentLevel: p.currentLevel,
    });
    const wrong = await smhl.post(`${school()}/pupils/${other!.id}/level`, body(other!));
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('completed questionnaire of this pupil');
    const right = await smhl.post(`${school()}/pupils/${pupil!.id}/level`, body(pupil!));
    expect(right.status, right.text).toBe(200);
  });
});
