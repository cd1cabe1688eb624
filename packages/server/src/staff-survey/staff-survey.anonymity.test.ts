/**
 * The survey's anonymity, from outside, as every role that could look: the head, the SMHL, the
 * school administrator, the DSL and deputy (audit viewers), the trust admin and trust lead, a
 * teacher. Whatever each can reach (the survey's pages, its results and CSV, free text, the
 * school's and the trust's audit trail and its export), nothing links a person to an answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE, createTestEnv, type Person, type TestClient, type TestEnv } from '../../test/harness';
import { addStaff, answerAll, plusDays, today } from './staff-survey.test-support';

let env: TestEnv;
let surveyId: string;
const respondents: { id: string; email: string; name: string }[] = [];
const base = () => `/api/schools/${env.world.kingsmead}/staff-surveys`;
const LEADERS: Person[] = ['head', 'smhl', 'dsl', 'deputyDsl', 'sendco'];
const VIEWERS: Person[] = ['head', 'smhl', 'schoolAdmin', 'dsl', 'deputyDsl', 'trustAdmin', 'trustLead', 'tutor'];

beforeAll(async () => {
  env = await createTestEnv();
  const smhl = await env.as('smhl');
  const made = await smhl.post<{ id: string }>(base(), {
    title: 'Anonymity survey',
    opensOn: today(env),
    closesOn: plusDays(env, 7),
    groups: ['leadership', 'teaching'],
  });
  surveyId = made.body.id;
  const teachers = await addStaff(env, 'teacher', 5);
  await smhl.post(`${base()}/${surveyId}/open`);
  let i = 0;
  const answer = async (c: TestClient) => {
    i++;
    const res = await answerAll(c, base(), surveyId, (i % 5) + 1, `MARK-${i} something I wanted to say`);
    expect(res.status).toBe(201);
  };
  for (const p of LEADERS) await answer(p === 'smhl' ? smhl : await env.as(p));
  for (const t of teachers) await answer(t);
  const ids = await env.deps.database.raw<{ id: string; email: string; display_name: string }>(
    `select u.id, u.email, u.display_name from staff_survey_participants p join users u on u.id = p.user_id
      where p.survey_id = $1 and p.responded`,
    [surveyId],
  );
  respondents.push(...ids.map((r) => ({ id: r.id, email: r.email, name: r.display_name })));
  await smhl.post(`${base()}/${surveyId}/close`);
});
afterAll(async () => env.close());

describe('anonymity of the staff wellbeing survey', () => {
  it('stores responses with no user id and no time, apart from who has answered', async () => {
    const cols = await env.deps.database.raw<{ column_name: string; data_type: string }>(
      `select column_name, data_type from information_schema.columns where table_name = 'staff_survey_responses'`,
    );
    expect(cols.map((c) => c.column_name).sort()).toEqual(
      ['answered_on', 'answers', 'free_text', 'group', 'id', 'school_id', 'survey_id'].sort(),
    );
    expect(cols.find((c) => c.column_name === 'answered_on')?.data_type).toBe('date');
    expect(cols.some((c) => c.data_type.startsWith('timestamp'))).toBe(false);
    expect(respondents).toHaveLength(10);
  });

  it('the audit entries of answering name the survey, with no detail and no response id', async () => {
    const rows = await env.deps.database.raw<{ detail: unknown; subject_id: string; subject_type: string }>(
      `select detail, subject_id, subject_type from audit_events where action = 'survey.answered'`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(10);
    for (const r of rows) {
      expect(r.detail).toEqual({});
      expect(r.subject_type).toBe('staff_survey');
    }
    const responseIds = await env.deps.database.raw<{ id: string }>(
      'select id from staff_survey_responses where survey_id = $1',
      [surveyId],
    );
    const all = JSON.stringify(await env.deps.database.raw('select * from audit_events'));
    for (const r of responseIds) expect(all).not.toContain(r.id);
  });

  it('as every role, no API answer, export or audit entry links a person to an answer', async () => {
    const responseIds = (
      await env.deps.database.raw<{ id: string }>('select id from staff_survey_responses where survey_id = $1', [
        surveyId,
      ])
    ).map((r) => r.id);
    const K = env.world.kingsmead;
    const T = env.world.trustId;
    const urls: [string, string, unknown?][] = [
      ['GET', base()],
      ['GET', `${base()}/${surveyId}`],
      ['GET', `${base()}/${surveyId}/results`],
      ['GET', `${base()}/${surveyId}/results.csv`],
      ['POST', `${base()}/${surveyId}/results/free-text`, { confirm: true }],
      ['GET', `/api/schools/${K}/audit?limit=200`],
      ['GET', `/api/schools/${K}/audit?action=survey.answered&limit=200`],
      ['GET', `/api/schools/${K}/audit?subjectId=${surveyId}&limit=200`],
      ['GET', `/api/schools/${K}/audit.csv`],
      ['GET', `/api/schools/${K}/audit.csv?action=survey.answered`],
      ['GET', `/api/trusts/${T}/audit?limit=200`],
      ['GET', `/api/trusts/${T}/audit?action=survey.answered&limit=200`],
      ['GET', `/api/schools/${K}/my-work`],
    ];
    let reached = 0;
    for (const who of VIEWERS) {
      const c = await env.as(who);
      for (const [method, url, body] of urls) {
        const res = await c.request(method, url, body);
        if (res.status !== 200) continue;
        reached++;
        const text = res.text;
        for (const id of responseIds) expect(text, `${who} ${url}`).not.toContain(id);
        const answersShown = /MARK-\d/.test(text) || url.includes('/results');
        if (answersShown) {
          for (const p of respondents) {
            expect(text, `${who} ${url}`).not.toContain(p.id);
            expect(text, `${who} ${url}`).not.toContain(p.email);
            expect(text, `${who} ${url}`).not.toContain(p.name);
          }
        }
        // The audit trail says who answered (as it says who did anything) but never what or which.
        if (url.includes('/audit') && !url.endsWith('.csv')) {
          const entries = (res.body as { entries?: { action: string; detail: unknown }[] }).entries ?? [];
          for (const e of entries.filter((x) => x.action === 'survey.answered')) expect(e.detail).toEqual({});
          expect(text).not.toMatch(/MARK-\d/);
        }
        if (url.includes('audit.csv')) expect(text).not.toMatch(/MARK-\d/);
      }
    }
    expect(reached).toBeGreaterThan(20);
    expect(PEOPLE.trustAdmin).toBeTruthy();
  });

  it('free text comes back shuffled, without a day, and only to those who manage the survey', async () => {
    const smhl = await env.as('smhl');
    const orders = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const res = await smhl.post<{ comments: { text: string; group: string | null }[] }>(
        `${base()}/${surveyId}/results/free-text`,
        { confirm: true },
      );
      expect(res.body.comments).toHaveLength(10);
      for (const c of res.body.comments) expect(Object.keys(c).sort()).toEqual(['group', 'text']);
      orders.add(res.body.comments.map((c) => c.text).join('|'));
    }
    expect(orders.size).toBeGreaterThan(1);
    for (const p of ['dsl', 'schoolAdmin', 'tutor'] as Person[]) {
      const c = await env.as(p);
      expect((await c.post(`${base()}/${surveyId}/results/free-text`, { confirm: true })).status).toBe(403);
      expect((await c.get(`${base()}/${surveyId}/results`)).status).toBe(403);
    }
    for (const p of ['trustAdmin', 'otherHead'] as Person[]) {
      expect((await (await env.as(p)).get(`${base()}/${surveyId}/results`)).status).toBe(404);
    }
  });
});
