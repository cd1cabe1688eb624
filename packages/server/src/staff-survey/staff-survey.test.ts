/**
 * The staff wellbeing survey, as stories: the head or SMHL prepares, changes, opens, reminds and
 * closes a survey; staff answer once; results only after closing, with groups under five
 * suppressed; free text only after confirming. Anonymity is tested from outside in its own file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { BUILT_IN_STATEMENTS, type SurveyDetail, type SurveyList, type SurveyResults } from '@tandem/core';
import { staffSurveyResponses, staffSurveys } from '@tandem/core/schema';
import { runDueJobs } from '../platform/jobs';
import { createTestEnv, type Person, type TestClient, type TestEnv } from '../../test/harness';
import { addStaff, answerAll, today, plusDays } from './staff-survey.test-support';

let env: TestEnv;
let smhl: TestClient;
const base = () => `/api/schools/${env.world.kingsmead}/staff-surveys`;

beforeAll(async () => {
  env = await createTestEnv();
  smhl = await env.as('smhl');
});
afterAll(async () => env.close());

const input = (over: Record<string, unknown> = {}) => ({
  title: 'Autumn wellbeing survey',
  opensOn: today(env),
  closesOn: plusDays(env, 14),
  groups: ['leadership', 'teaching', 'support'],
  ...over,
});

describe('preparing a survey', () => {
  it('the SMHL prepares one with the built-in statements, rewords and adds while a draft', async () => {
    const made = await smhl.post<{ id: string }>(base(), input());
    expect(made.status).toBe(201);
    const got = await smhl.get<SurveyDetail>(`${base()}/${made.body.id}`);
    expect(got.body.survey.statements).toHaveLength(BUILT_IN_STATEMENTS.length);
    expect(got.body.survey.status).toBe('draft');
    const statements = [
      { key: 'workload.manageable', text: 'My workload is usually manageable.' },
      { text: 'I have somewhere quiet to work.' },
    ];
    const changed = await smhl.put(`${base()}/${made.body.id}`, input({ statements }));
    expect(changed.status).toBe(200);
    const again = await smhl.get<SurveyDetail>(`${base()}/${made.body.id}`);
    expect(again.body.survey.statements.map((s) => s.text)).toEqual(statements.map((s) => s.text));
    expect(again.body.survey.statements[0]?.key).toBe('workload.manageable');
    expect(again.body.survey.statements[1]?.key).toMatch(/^custom\./);
  });

  it('the head may; a DSL, a teacher and the trust admin may not; another school gets 404', async () => {
    const head = await env.as('head');
    expect((await head.post(base(), input())).status).toBe(201);
    for (const p of ['dsl', 'tutor', 'schoolAdmin'] as Person[]) {
      expect((await (await env.as(p)).post(base(), input())).status, p).toBe(403);
    }
    expect((await (await env.as('trustAdmin')).post(base(), input())).status).toBe(404);
    expect((await (await env.as('otherHead')).post(base(), input())).status).toBe(404);
    expect((await (await env.as('parent')).get(base())).status).toBe(403);
  });

  it('refuses bad input with 400 and changes nothing', async () => {
    const [{ n: before } = { n: 0 }] = await env.deps.database.raw<{ n: number }>(
      'select count(*)::int as n from staff_surveys',
    );
    for (const bad of [
      input({ title: '' }),
      input({ closesOn: '2020-01-01' }),
      input({ groups: [] }),
      input({ groups: ['governors'] }),
      input({ statements: [] }),
      input({
        statements: [
          { key: 'a', text: 'x' },
          { key: 'a', text: 'y' },
        ],
      }),
      { ...input(), extra: true },
    ]) {
      const res = await smhl.post<{ error: { code: string } }>(base(), bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    const [{ n: after } = { n: 0 }] = await env.deps.database.raw<{ n: number }>(
      'select count(*)::int as n from staff_surveys',
    );
    expect(after).toBe(before);
  });
});

describe('a survey from opening to results', () => {
  let surveyId: string;
  let teachers: TestClient[];

  beforeAll(async () => {
    teachers = await addStaff(env, 'teacher', 5);
    const made = await smhl.post<{ id: string }>(base(), input({ title: 'Spring wellbeing survey' }));
    surveyId = made.body.id;
  });

  it('opening invites the audience by a content-free e-mail and fixes the survey', async () => {
    const opened = await smhl.post<{ invited: number }>(`${base()}/${surveyId}/open`);
    expect(opened.status).toBe(200);
    expect(opened.body.invited).toBeGreaterThanOrEqual(17);
    const [mail] = await env.smtp.messagesTo('ben.wright@kingsmead.example');
    expect(mail?.text).toContain(`/whole-school/survey/${surveyId}/answer`);
    expect(mail?.text).not.toMatch(/workload/i);
    expect((await smhl.put(`${base()}/${surveyId}`, input())).status).toBe(409);
    expect((await smhl.post(`${base()}/${surveyId}/open`)).status).toBe(409);
  });

  it('staff see it in my work, answer once (409 the second time), and only see that they have', async () => {
    const tutor = await env.as('tutor');
    const work = await tutor.get<{ surveysToAnswer: { surveyId: string }[] }>(
      `/api/schools/${env.world.kingsmead}/my-work`,
    );
    expect(work.body.surveysToAnswer.map((s) => s.surveyId)).toContain(surveyId);
    const list = await tutor.get<SurveyList>(base());
    expect(list.body.canManage).toBe(false);
    expect(list.body.surveys.find((s) => s.id === surveyId)?.responded).toBeNull();
    expect((await tutor.post(`${base()}/${surveyId}/answers`, { answers: { 'workload.manageable': 4 } })).status).toBe(
      400,
    );
    const first = await answerAll(tutor, base(), surveyId, 4, 'More time to plan would help.');
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ answered: true });
    expect((await answerAll(tutor, base(), surveyId, 2)).status).toBe(409);
    const after = await tutor.get<SurveyDetail>(`${base()}/${surveyId}`);
    expect(after.body.survey.mine).toEqual({ invited: true, answered: true });
    const work2 = await tutor.get<{ surveysToAnswer: { surveyId: string }[] }>(
      `/api/schools/${env.world.kingsmead}/my-work`,
    );
    expect(work2.body.surveysToAnswer.map((s) => s.surveyId)).not.toContain(surveyId);
  });

  it('someone not invited (another school, a parent) cannot answer or see it', async () => {
    expect((await answerAll(await env.as('otherTeacher'), base(), surveyId, 3)).status).toBe(404);
    expect((await (await env.as('parent')).post(`${base()}/${surveyId}/answers`, { answers: {} })).status).toBe(403);
    expect((await (await env.as('otherHead')).get(`${base()}/${surveyId}`)).status).toBe(404);
  });

  it('results are refused while open; the reminder goes only to those who have not answered', async () => {
    expect((await smhl.get(`${base()}/${surveyId}/results`)).status).toBe(409);
    expect((await smhl.get(`${base()}/${surveyId}/results.csv`)).status).toBe(409);
    const before = (await env.smtp.messagesTo('ben.wright@kingsmead.example', 2, 300)).length;
    const reminded = await smhl.post<{ reminded: number }>(`${base()}/${surveyId}/remind`);
    expect(reminded.status).toBe(200);
    expect(reminded.body.reminded).toBeGreaterThan(0);
    await env.smtp.messagesTo('kate.murphy@kingsmead.example', 2);
    expect((await env.smtp.messagesTo('ben.wright@kingsmead.example', 2, 300)).length).toBe(before);
    expect((await (await env.as('tutor')).post(`${base()}/${surveyId}/remind`)).status).toBe(403);
  });

  it('a group of four shows only "fewer than 5 responses", and nothing that would give it away', async () => {
    // Leadership 5, teaching 6 (the tutor and five teachers), support 4.
    for (const p of ['head', 'smhl', 'dsl', 'deputyDsl', 'sendco'] as Person[]) {
      expect((await answerAll(p === 'smhl' ? smhl : await env.as(p), base(), surveyId, 5, `Leader ${p}`)).status).toBe(
        201,
      );
    }
    for (const t of teachers)
      expect((await answerAll(t, base(), surveyId, 3, 'A teacher wrote this')).status).toBe(201);
    for (const p of ['schoolAdmin', 'support', 'firstAider', 'intervention'] as Person[]) {
      expect((await answerAll(await env.as(p), base(), surveyId, 1, 'SUPPORT-SECRET')).status).toBe(201);
    }
    expect((await smhl.post(`${base()}/${surveyId}/close`)).status).toBe(200);
    const res = await smhl.get<SurveyResults>(`${base()}/${surveyId}/results`);
    expect(res.status).toBe(200);
    const r = res.body;
    const support = r.participation.groups.find((g) => g.group === 'support');
    expect(support?.responded).toEqual({ shown: false, reason: 'small' });
    // Leadership is hidden too, or total minus teaching minus leadership would give support's count.
    expect(r.participation.groups.find((g) => g.group === 'leadership')?.responded).toEqual({
      shown: false,
      reason: 'complementary',
    });
    expect(r.participation.groups.find((g) => g.group === 'teaching')?.responded).toEqual({ shown: true, value: 6 });
    expect(r.participation.overall.responded).toEqual({ shown: true, value: 15 });
    for (const st of r.statements) {
      const s = st.groups.find((g) => g.group === 'support');
      expect(s?.stat).toEqual({ shown: false, reason: 'small' });
      expect(s?.vsRest).toEqual({ shown: false, reason: 'small' });
      expect(st.groups.find((g) => g.group === 'leadership')?.vsRest.shown).toBe(false);
      expect(st.overall.shown).toBe(true);
    }
    const csv = await smhl.get(`${base()}/${surveyId}/results.csv`);
    expect(csv.status).toBe(200);
    const supportRows = csv.text.split('\r\n').filter((l) => l.includes('Support staff'));
    expect(supportRows.length).toBe(r.statements.length);
    for (const l of supportRows) expect(l).toContain('fewer than 5 responses');
  });

  it('free text needs the confirmation, and never includes a group under five', async () => {
    expect((await smhl.post(`${base()}/${surveyId}/results/free-text`, {})).status).toBe(400);
    expect((await smhl.post(`${base()}/${surveyId}/results/free-text`, { confirm: false })).status).toBe(400);
    const res = await smhl.post<{ comments: { text: string; group: string | null }[] }>(
      `${base()}/${surveyId}/results/free-text`,
      { confirm: true },
    );
    expect(res.status).toBe(200);
    expect(res.body.comments.length).toBe(11);
    expect(res.text).not.toContain('SUPPORT-SECRET');
    const audit = await env.deps.database.raw<{ detail: unknown }>(
      `select detail from audit_events where action = 'survey.results_viewed' and subject_id = $1`,
      [surveyId],
    );
    expect(audit.map((a) => a.detail)).toContainEqual({ freeText: true });
    expect(
      (await (await env.as('dsl')).post(`${base()}/${surveyId}/results/free-text`, { confirm: true })).status,
    ).toBe(403);
  });

  it('the next survey compares its share agreeing with this one, statement by statement', async () => {
    const next = await smhl.post<{ id: string }>(base(), input({ title: 'Summer', opensOn: plusDays(env, 1) }));
    // Opened early (a survey may open before its planned day); no clock change keeps sessions alive.
    expect((await smhl.post(`${base()}/${next.body.id}/open`)).status).toBe(200);
    for (const t of teachers) await answerAll(t, base(), next.body.id, 5);
    await answerAll(await env.as('tutor'), base(), next.body.id, 5);
    expect((await smhl.post(`${base()}/${next.body.id}/close`)).status).toBe(200);
    const r = (await smhl.get<SurveyResults>(`${base()}/${next.body.id}/results`)).body;
    expect(r.previous?.id).toBe(surveyId);
    const teaching = r.statements[0]?.groups.find((g) => g.group === 'teaching');
    // Teaching answered 3 (and the tutor 4) last time: 1 of 6 agreed; now all 6 do.
    expect(teaching?.change).toEqual({ shown: true, agreePoints: 83, mean: expect.any(Number) as number });
  });
});

describe('closing by date', () => {
  it('an open survey closes itself after its closing day', async () => {
    const made = await smhl.post<{ id: string }>(base(), input({ closesOn: plusDays(env, 2) }));
    await smhl.post(`${base()}/${made.body.id}/open`);
    env.clock.advance(4 * 24 * 3600_000);
    await runDueJobs(env.deps);
    const [row] = await env.deps.database.db.select().from(staffSurveys).where(eq(staffSurveys.id, made.body.id));
    expect(row?.status).toBe('closed');
    const responses = await env.deps.database.db
      .select()
      .from(staffSurveyResponses)
      .where(eq(staffSurveyResponses.surveyId, made.body.id));
    expect(responses).toHaveLength(0);
  });
});
