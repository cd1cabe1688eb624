import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { alerts, checkins, concerns, pupils, users } from '@tandem/core/schema';
import type {
  CheckinAnswer,
  HelpNowResponse,
  MyWork,
  PupilHomeResponse,
  StaffCheckinsResponse,
  TalkRequestsResponse,
  TrustedAdultResponse,
} from '@tandem/core';
import { createTestEnv, PEOPLE, type TestClient, type TestEnv } from '../../test/harness';
import { pageTexts } from '../../test/pdf-text';
import { runDueJobs } from '../platform/jobs';

let env: TestEnv;
let pupil: TestClient;
let smhl: TestClient;
let olivia: string;
let talkTo: { userId: string; name: string };

const fam = () => `/api/family/schools/${env.world.kingsmead}`;
const school = () => `/api/schools/${env.world.kingsmead}`;

async function checkIn(body: Record<string, unknown>, by = pupil) {
  return by.post<CheckinAnswer>(`${fam()}/checkins`, { mood: 3, submissionKey: randomUUID(), ...body });
}

async function clientFor(userId: string): Promise<TestClient> {
  const [u] = await env.deps.database.db.select().from(users).where(eq(users.id, userId));
  const person = (Object.keys(PEOPLE) as (keyof typeof PEOPLE)[]).find((k) => PEOPLE[k] === u!.email);
  if (!person) throw new Error(`no demo person for ${u!.email}`);
  return env.as(person);
}

beforeAll(async () => {
  env = await createTestEnv();
  pupil = await env.as('pupil');
  smhl = await env.as('smhl');
  const [p] = await env.deps.database.db
    .select()
    .from(pupils)
    .where(and(eq(pupils.givenName, 'Olivia'), eq(pupils.familyName, 'Clarke')));
  olivia = p!.id;
  const ta = await smhl.get<TrustedAdultResponse>(`${school()}/pupils/${olivia}/trusted-adult`);
  expect(ta.status, ta.text).toBe(200);
  talkTo = ta.body.effective!;
});
afterAll(() => env.close());

describe('a pupil checks in', () => {
  it('sees their own page, and nobody else’s', async () => {
    const home = await pupil.get<PupilHomeResponse>(`${fam()}/pupil-home`);
    expect(home.status, home.text).toBe(200);
    expect(home.body.firstName).toBe('Olivia');
    expect(home.body.trustedAdultName).toBe(talkTo.name);
    const [other] = await env.deps.database.db
      .select()
      .from(pupils)
      .where(eq(pupils.schoolId, env.world.kingsmead))
      .limit(1);
    const asParentView = await pupil.get(`${fam()}/children/${other!.id}`);
    expect(asParentView.status).toBe(404);
    expect((await pupil.get(`${fam()}/children/${olivia}`)).status).toBe(404);
    expect((await pupil.get(`${school()}/pupils/${other!.id}`)).status).toBe(403);
    expect((await pupil.get(`${school()}/talk-requests`)).status).toBe(403);
    expect((await pupil.get(`${school()}/concerns`)).status).toBe(403);
  });

  it('refuses a mood that is not one of the five, and stores nothing', async () => {
    const before = (await env.deps.database.db.select().from(checkins)).length;
    const res = await checkIn({ mood: 7 });
    expect(res.status).toBe(400);
    expect((await env.deps.database.db.select().from(checkins)).length).toBe(before);
  });

  it('"I’d like to talk to someone" reaches the trusted adult, who acknowledges it; the pupil sees it was read', async () => {
    const key = randomUUID();
    const res = await checkIn({ mood: 2, note: 'Bad day at lunch', wantsToTalk: true, submissionKey: key });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ helpNow: false, talkToName: talkTo.name });
    const twice = await checkIn({ mood: 2, note: 'Bad day at lunch', wantsToTalk: true, submissionKey: key });
    expect(twice.body.id).toBe(res.body.id);

    const alerted = await env.deps.database.db
      .select()
      .from(alerts)
      .where(and(eq(alerts.userId, talkTo.userId), eq(alerts.kind, 'pupil_wants_to_talk')));
    expect(alerted).toHaveLength(1);
    const adult = await clientFor(talkTo.userId);
    const [u] = await env.deps.database.db.select().from(users).where(eq(users.id, talkTo.userId));
    const mail = await env.smtp.messagesTo(u!.email);
    expect(mail.map((m) => m.text).join('\n')).not.toMatch(/Olivia|lunch/);

    const work = await adult.get<MyWork>(`${school()}/my-work`);
    expect(work.body.talkRequests.map((t) => t.checkinId)).toContain(res.body.id);
    const list = await adult.get<TalkRequestsResponse>(`${school()}/talk-requests`);
    expect(list.body.waiting.find((t) => t.checkinId === res.body.id)).toMatchObject({
      note: 'Bad day at lunch',
      pupilName: 'Olivia Clarke',
    });

    const support = await env.as('support');
    expect((await support.post(`${school()}/talk-requests/${res.body.id}/acknowledge`)).status).toBe(404);
    const ack = await adult.post<{ acknowledgedAt: string | null }>(
      `${school()}/talk-requests/${res.body.id}/acknowledge`,
    );
    expect(ack.status, ack.text).toBe(200);
    expect(ack.body.acknowledgedAt).not.toBeNull();

    const home = await pupil.get<PupilHomeResponse>(`${fam()}/pupil-home`);
    expect(home.body.checkins.find((c) => c.id === res.body.id)?.readAt).not.toBeNull();
    expect(home.body.checkinDue).toBe(false);
  });

  it('goes to the lead when nobody acknowledges it by the end of the school day', async () => {
    const res = await checkIn({ mood: 1, wantsToTalk: true });
    expect(res.status).toBe(200);
    await runDueJobs(env.deps);
    const [row] = await env.deps.database.db.select().from(checkins).where(eq(checkins.id, res.body.id));
    expect(row!.escalatedAt).toBeNull();
    env.clock.advance(row!.escalateAt!.getTime() - env.clock.now().getTime() + 60_000);
    await runDueJobs(env.deps);
    const [after] = await env.deps.database.db.select().from(checkins).where(eq(checkins.id, res.body.id));
    expect(after!.escalatedAt).not.toBeNull();
    const lead = await env.as('smhl');
    const leadAlerts = await env.deps.database.db
      .select()
      .from(alerts)
      .where(and(eq(alerts.userId, env.world.userId('smhl')), eq(alerts.kind, 'talk_unacknowledged')));
    expect(leadAlerts.length).toBeGreaterThan(0);
    const work = await lead.get<MyWork>(`${school()}/my-work`);
    expect(work.body.talkRequests.find((t) => t.checkinId === res.body.id)).toMatchObject({ escalated: true });
    // The clock moved on past the sessions' idle limit: sign in again.
    pupil = await env.as('pupil');
    smhl = lead;
  });

  it('a note with a risk word opens the urgent route, and the pupil is shown Help now', async () => {
    const res = await checkIn({ mood: 1, note: 'I just want to end it all. Marker risk-81ac' });
    expect(res.status, res.text).toBe(200);
    expect(res.body.helpNow).toBe(true);
    const [row] = await env.deps.database.db.select().from(checkins).where(eq(checkins.id, res.body.id));
    const [concern] = await env.deps.database.db.select().from(concerns).where(eq(concerns.id, row!.riskConcernId!));
    expect(concern).toMatchObject({ urgent: true, restricted: true });
    expect(concern!.account).toContain('Marker risk-81ac');
    const dsl = await env.as('dsl');
    expect((await dsl.get(`${school()}/concerns/${concern!.id}`)).status).toBe(200);
    // Outside the DSL team the note's words stay in the restricted record.
    const tutorView = await (
      await clientFor(talkTo.userId)
    ).get<StaffCheckinsResponse>(`${school()}/pupils/${olivia}/checkins`);
    expect(tutorView.status, tutorView.text).toBe(200);
    expect(tutorView.text).not.toContain('Marker risk-81ac');
    expect(tutorView.body.checkins.find((c) => c.id === res.body.id)).toMatchObject({ riskRaised: true });
    const dslView = await dsl.get(`${school()}/pupils/${olivia}/checkins`);
    expect(dslView.text).toContain('Marker risk-81ac');
  });

  it('Help now names who is on DSL duty and where to find them', async () => {
    const help = await pupil.get<HelpNowResponse>(`${fam()}/help`);
    expect(help.status, help.text).toBe(200);
    expect(Array.isArray(help.body.onDuty)).toBe(true);
    expect((await (await env.as('otherTeacher')).get(`${fam()}/help`)).status).toBe(404);
  });
});

describe('the trusted adult', () => {
  it('is set by the lead; the next request to talk goes to them', async () => {
    const tutor = await env.as('tutor');
    const grace = env.world.userId('intervention');
    expect((await tutor.put(`${school()}/pupils/${olivia}/trusted-adult`, { userId: grace })).status).toBe(403);
    expect((await (await env.as('otherHead')).get(`${school()}/pupils/${olivia}/trusted-adult`)).status).toBe(404);
    const set = await smhl.put<TrustedAdultResponse>(`${school()}/pupils/${olivia}/trusted-adult`, { userId: grace });
    expect(set.status, set.text).toBe(200);
    expect(set.body.effective).toMatchObject({ userId: grace, why: 'chosen' });
    const res = await checkIn({ mood: 2, wantsToTalk: true });
    expect(res.body.talkToName).toBe('Grace Lee');
    const work = await (await env.as('intervention')).get<MyWork>(`${school()}/my-work`);
    expect(work.body.talkRequests.map((t) => t.checkinId)).toContain(res.body.id);
    const bad = await smhl.put(`${school()}/pupils/${olivia}/trusted-adult`, { userId: env.world.userId('parent') });
    expect(bad.status).toBe(400);
  });

  it('a member of staff with no link to the pupil cannot read their check-ins', async () => {
    const res = await (await env.as('firstAider')).get(`${school()}/pupils/${olivia}/checkins`);
    expect(res.status).toBe(404);
  });
});

describe('pupil accounts', () => {
  it('a pupil sets up their account with the code from the sheet, then signs in', async () => {
    const [p] = await env.deps.database.db
      .select()
      .from(pupils)
      .where(and(eq(pupils.schoolId, env.world.kingsmead), isNull(pupils.userId), eq(pupils.yearGroup, 8)))
      .limit(1);
    expect(
      (await (await env.as('tutor')).post(`${school()}/family/pupil-accounts/codes`, { pupilIds: [p!.id] })).status,
    ).toBe(403);
    const sheet = await smhl.request('POST', `${school()}/family/pupil-accounts/codes`, { pupilIds: [p!.id] });
    expect(sheet.status, sheet.text).toBe(200);
    expect(String(sheet.headers['content-type'])).toContain('application/pdf');
    const text = pageTexts(sheet.raw).join('\n');
    const code = /([A-Z2-9]{5}-[A-Z2-9]{5})/.exec(text)?.[1];
    expect(code, text).toBeDefined();
    const anon = env.client();
    const wrong = await anon.post('/api/family/pupil-setup', { code: 'AAAAA-AAAAA' });
    expect(wrong.status).toBe(404);
    const setUp = await anon.post<{ firstName: string; signInName: string; token: string }>('/api/family/pupil-setup', {
      code: code!.toLowerCase(),
    });
    expect(setUp.status, setUp.text).toBe(200);
    expect(setUp.body.firstName).toBe(p!.preferredName ?? p!.givenName);
    expect((await anon.post('/api/family/pupil-setup', { code })).status).toBe(404);
    const pw = await anon.post('/api/auth/password/reset', {
      token: setUp.body.token,
      password: 'my own long pupil password',
    });
    expect(pw.status, pw.text).toBe(200);
    const them = env.client();
    await them.signIn(setUp.body.signInName, 'my own long pupil password', null);
    const home = await them.get<PupilHomeResponse>(`${fam()}/pupil-home`);
    expect(home.status, home.text).toBe(200);
    expect((await them.get(`${fam()}/children/${olivia}`)).status).toBe(404);
  });
});
