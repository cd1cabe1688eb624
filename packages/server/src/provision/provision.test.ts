/**
 * Reduced timetables, education elsewhere and safeguarding visits, as stories: the SMHL records a
 * timetable agreed with Olivia's mother and the DSL a visit; the head lists every pupil on one; a
 * tutor who teaches the pupil sees only the hours; Emma Clarke and Olivia see the timetable and the
 * visits at home, never why nor how she seemed; everyone else gets 404 (or 403 without the role).
 * Each refusal changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { auditEvents, pupils, reducedTimetables, welfareVisits } from '@tandem/core/schema';
import {
  addDaysToDay,
  londonToday,
  type ParentChildView,
  type ProvisionListResponse,
  type PupilHomeResponse,
  type PupilProfileResponse,
  type PupilProvisionResponse,
} from '@tandem/core';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness';

let env: TestEnv;
let smhl: TestClient;
let dsl: TestClient;
let olivia: string;
let taught: string;
let other: string;

const REASON = 'Panic attacks on arrival; waiting for CAMHS assessment';
const SEEMED = 'Tired and quiet but talked about her drawing';
const api = (school = env.world.kingsmead) => `/api/schools/${school}`;
const today = () => londonToday(env.clock.now());
const day = (n: number) => addDaysToDay(today(), n);

type Err = { error: { code: string; message: string; fields?: { path: string; message: string }[] } };

function timetable(over: Record<string, unknown> = {}) {
  return {
    reason: REASON,
    hours: 'Mornings only, 8:45 to 12:15',
    sessionsPerWeek: 5,
    startOn: day(0),
    endOn: day(28),
    returnPlan: 'Add one afternoon every two weeks',
    parentsAgreedBy: 'Emma Clarke (mother)',
    parentsAgreedOn: day(-1),
    parentsAgreedHow: 'meeting',
    reviewDates: [day(14)],
    ...over,
  };
}

const db = () => env.deps.database.db;
const timetablesOf = async (pupilId: string) =>
  db().select().from(reducedTimetables).where(eq(reducedTimetables.pupilId, pupilId));
const auditCount = async (action: string) =>
  (await db().select().from(auditEvents).where(eq(auditEvents.action, action))).length;

async function pupilIn(form: string, skip: string[] = []) {
  const rows = await db()
    .select()
    .from(pupils)
    .where(and(eq(pupils.schoolId, env.world.kingsmead), eq(pupils.form, form), isNull(pupils.currentLevel)));
  const p = rows.find((r) => !skip.includes(r.id));
  if (!p) throw new Error(`no pupil in ${form}`);
  return p.id;
}

beforeAll(async () => {
  env = await createTestEnv();
  smhl = await env.as('smhl');
  dsl = await env.as('dsl');
  const [o] = await db()
    .select()
    .from(pupils)
    .where(and(eq(pupils.givenName, 'Olivia'), eq(pupils.familyName, 'Clarke')));
  olivia = o!.id;
  taught = await pupilIn('9W', [olivia]);
  other = await pupilIn('9W', [olivia, taught]);
});
afterAll(() => env.close());

describe('recording a reduced timetable', () => {
  it('refuses one without parents’ agreement or an end date, and changes nothing', async () => {
    const noAgreement = await smhl.post<Err>(
      `${api()}/pupils/${olivia}/timetables`,
      timetable({ parentsAgreedBy: '' }),
    );
    expect(noAgreement.status).toBe(400);
    expect(noAgreement.body.error.fields?.[0]?.message).toMatch(/parents or carers/);
    const { endOn: _e, ...noEnd } = timetable();
    const res = await smhl.post<Err>(`${api()}/pupils/${olivia}/timetables`, noEnd);
    expect(res.status).toBe(400);
    expect(res.body.error.fields?.find((f) => f.path === 'endOn')?.message).toMatch(
      /every reduced timetable has an end date/,
    );
    expect(await timetablesOf(olivia)).toHaveLength(0);
  });

  it('refuses an end before the start, more than six weeks without a reason, and agreement dated ahead', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ endOn: day(-1), startOn: day(0) }, 'endOn'],
      [{ endOn: day(43), reviewDates: [day(14)] }, 'longerReason'],
      [{ parentsAgreedOn: day(1) }, 'parentsAgreedOn'],
      [{ reviewDates: [] }, 'reviewDates'],
      [{ sessionsPerWeek: 10 }, 'sessionsPerWeek'],
    ];
    for (const [over, path] of cases) {
      const res = await smhl.post<Err>(`${api()}/pupils/${olivia}/timetables`, timetable(over));
      expect(res.status, path).toBe(400);
      expect(res.body.error.fields?.map((f) => f.path)).toContain(path);
    }
    expect(await timetablesOf(olivia)).toHaveLength(0);
  });

  it('records one with parents’ agreement, and refuses a second one running', async () => {
    const made = await smhl.post<{ id: string; revision: number }>(
      `${api()}/pupils/${olivia}/timetables`,
      timetable({ endOn: day(50), longerReason: 'CAMHS assessment booked in seven weeks' }),
    );
    expect(made.status, made.text).toBe(201);
    const again = await dsl.post<Err>(`${api()}/pupils/${olivia}/timetables`, timetable());
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/already on a reduced timetable/);
    expect(await timetablesOf(olivia)).toHaveLength(1);
  });

  it('shows the SMHL and DSL the whole of it, audited once per view', async () => {
    const before = await auditCount('provision.viewed');
    const res = await dsl.get<PupilProvisionResponse>(`${api()}/pupils/${olivia}/provision`);
    expect(res.status).toBe(200);
    expect(res.body.active?.reason).toBe(REASON);
    expect(res.body.active?.nextReviewOn).toBe(day(14));
    expect(res.body.canManage).toBe(true);
    expect(await auditCount('provision.viewed')).toBe(before + 1);
  });

  it('records a review held, extends with a reason, refuses a stale change, and ends it', async () => {
    const p = (await smhl.get<PupilProvisionResponse>(`${api()}/pupils/${olivia}/provision`)).body.active!;
    const reviewed = await smhl.post<{ revision: number }>(`${api()}/timetables/${p.id}/reviews`, {
      revision: p.revision,
      heldOn: day(0),
      outcome: 'Going well; add Tuesday afternoons',
      nextReviewOn: day(21),
    });
    expect(reviewed.status, reviewed.text).toBe(200);
    const stale = await smhl.post<Err>(`${api()}/timetables/${p.id}/extend`, { revision: p.revision, endOn: day(60) });
    expect(stale.status).toBe(409);
    const shorter = await smhl.post<Err>(`${api()}/timetables/${p.id}/extend`, {
      revision: reviewed.body.revision,
      endOn: day(40),
    });
    expect(shorter.status).toBe(400);
    const after = (await smhl.get<PupilProvisionResponse>(`${api()}/pupils/${olivia}/provision`)).body.active!;
    expect(after.endOn).toBe(day(50));
    expect(after.reviews.filter((r) => r.heldOn !== null)).toHaveLength(1);
    // Held two weeks early: the review booked for day 14 stays, and day 21 is booked too.
    expect(after.nextReviewOn).toBe(day(14));
    expect(after.reviews.map((r) => r.dueOn)).toEqual([day(0), day(14), day(21)]);
    const badEnd = await smhl.post<Err>(`${api()}/timetables/${p.id}/end`, {
      revision: after.revision,
      endedOn: day(1),
      ending: 'full_time',
    });
    expect(badEnd.status).toBe(400);
  });
});

describe('who sees what', () => {
  let timetableId: string;
  beforeAll(async () => {
    const made = await smhl.post<{ id: string }>(`${api()}/pupils/${taught}/timetables`, timetable());
    expect(made.status, made.text).toBe(201);
    timetableId = made.body.id;
  });

  it('gives a tutor who teaches the pupil only the hours, never why', async () => {
    const tutor = await env.as('tutor');
    const profile = await tutor.get<PupilProfileResponse>(`${api()}/pupils/${taught}`);
    expect(profile.status).toBe(200);
    expect(profile.body.view).toBe('summary');
    if (profile.body.view === 'summary') {
      expect(profile.body.reducedTimetable?.hours).toBe('Mornings only, 8:45 to 12:15');
    }
    const answers = [
      profile,
      await tutor.get(`${api()}/pupils/${taught}/provision`),
      await tutor.get(`${api()}/provision`),
      await tutor.get(`${api()}/pupils/${taught}/chronology`),
    ];
    for (const a of answers) expect(a.text).not.toContain('Panic attacks');
    expect(answers[1]!.status).toBe(403);
    expect(answers[2]!.status).toBe(403);
    const change = await tutor.put(`${api()}/timetables/${timetableId}`, { ...timetable(), revision: 1 });
    expect(change.status).toBe(403);
  });

  it('tells a teacher who does not teach the pupil nothing of it', async () => {
    const tutor = await env.as('tutor');
    const profile = await tutor.get<PupilProfileResponse>(`${api()}/pupils/${olivia}`);
    expect(profile.body.view).toBe('basic');
    expect(profile.text).not.toContain('Mornings only');
  });

  it('lists every pupil on one for the head, with how long and never why, audited', async () => {
    const head = await env.as('head');
    const before = await auditCount('timetable.list_viewed');
    const res = await head.get<ProvisionListResponse>(`${api()}/provision`);
    expect(res.status).toBe(200);
    expect(res.body.rows.map((r) => r.pupilId)).toEqual(expect.arrayContaining([olivia, taught]));
    expect(res.body.rows.find((r) => r.pupilId === taught)).toMatchObject({
      weeksSoFar: 0,
      pastEnd: false,
      nextReviewOn: day(14),
    });
    expect(res.text).not.toContain('Panic attacks');
    expect(await auditCount('timetable.list_viewed')).toBe(before + 1);
    expect((await head.post(`${api()}/pupils/${other}/timetables`, timetable())).status).toBe(403);
  });

  it('gives another school’s staff 404', async () => {
    for (const who of ['otherHead', 'otherTeacher'] as const) {
      const c = await env.as(who);
      expect((await c.get(`${api()}/provision`)).status).toBe(404);
      expect((await c.get(`${api()}/pupils/${taught}/provision`)).status).toBe(404);
      expect(
        (await c.post(`${api()}/timetables/${timetableId}/end`, { revision: 1, endedOn: day(0), ending: 'other' }))
          .status,
      ).toBe(404);
    }
    const otherHead = await env.as('otherHead');
    expect((await otherHead.get(`${api(env.world.willow)}/pupils/${taught}/provision`)).status).toBe(404);
  });
});

describe('safeguarding visits and home', () => {
  it('schedules visits once, records a visit, and refuses bad input', async () => {
    const made = await dsl.post<{ id: string }>(`${api()}/pupils/${olivia}/visit-schedules`, {
      everyDays: 14,
      startOn: day(0),
    });
    expect(made.status, made.text).toBe(201);
    expect(
      (await dsl.post(`${api()}/pupils/${olivia}/visit-schedules`, { everyDays: 7, startOn: day(0) })).status,
    ).toBe(409);
    const future = await dsl.post<Err>(`${api()}/pupils/${olivia}/visits`, {
      kind: 'home_visit',
      at: new Date(env.clock.now().getTime() + 86_400_000).toISOString(),
      seen: true,
      howSeemed: SEEMED,
    });
    expect(future.status).toBe(400);
    const visit = await dsl.post(`${api()}/pupils/${olivia}/visits`, {
      kind: 'home_visit',
      at: env.clock.now().toISOString(),
      seen: true,
      howSeemed: SEEMED,
    });
    expect(visit.status, visit.text).toBe(201);
    expect((await db().select().from(welfareVisits).where(eq(welfareVisits.pupilId, olivia))).length).toBe(1);
    const p = (await dsl.get<PupilProvisionResponse>(`${api()}/pupils/${olivia}/provision`)).body;
    expect(p.schedule).toMatchObject({ everyDays: 14, nextDueOn: day(14), overdue: false });
    expect(p.visits[0]?.howSeemed).toBe(SEEMED);
  });

  it('shows Olivia’s mother the timetable and visits, never why nor how she seemed', async () => {
    const parent = await env.as('parent');
    const res = await parent.get<ParentChildView>(`/api/family/schools/${env.world.kingsmead}/children/${olivia}`);
    expect(res.status).toBe(200);
    expect(res.body.reducedTimetables[0]).toMatchObject({
      hours: 'Mornings only, 8:45 to 12:15',
      nextReviewOn: day(14),
    });
    expect(res.body.welfareVisits[0]).toMatchObject({ kind: 'home_visit', seen: true });
    expect(res.text).not.toContain('Panic attacks');
    expect(res.text).not.toContain(SEEMED);
    expect(res.text).not.toContain('CAMHS assessment booked');
    expect((await parent.get(`/api/family/schools/${env.world.kingsmead}/children/${taught}`)).status).toBe(404);
    expect((await parent.get(`${api()}/pupils/${olivia}/provision`)).status).toBe(403);
  });

  it('shows Olivia her own timetable and visits, never why', async () => {
    const pupil = await env.as('pupil');
    const res = await pupil.get<PupilHomeResponse>(`/api/family/schools/${env.world.kingsmead}/pupil-home`);
    expect(res.status, res.text).toBe(200);
    expect(res.body.myTimetable?.hours).toBe('Mornings only, 8:45 to 12:15');
    expect(res.body.myVisits).toHaveLength(1);
    expect(res.text).not.toContain('Panic attacks');
    expect(res.text).not.toContain(SEEMED);
  });

  it('records and ends education elsewhere, refusing an end before its start', async () => {
    const body = {
      kind: 'hospital_school',
      provider: 'Riverside Hospital School',
      days: ['mon', 'tue', 'wed'],
      contactName: 'Ms Patel',
      attendanceReporting: 'Weekly e-mail to the attendance officer',
      schoolContact: 'Weekly call from the form tutor',
      startOn: day(0),
    };
    const bad = await smhl.post<Err>(`${api()}/pupils/${other}/education-elsewhere`, { ...body, endOn: day(-3) });
    expect(bad.status).toBe(400);
    const made = await smhl.post<{ id: string; revision: number }>(
      `${api()}/pupils/${other}/education-elsewhere`,
      body,
    );
    expect(made.status, made.text).toBe(201);
    const list = (await smhl.get<ProvisionListResponse>(`${api()}/provision`)).body;
    expect(list.rows.find((r) => r.pupilId === other)?.detail).toBe('Hospital school: Riverside Hospital School');
    const ended = await smhl.post(`${api()}/education-elsewhere/${made.body.id}/end`, { revision: 1, endOn: day(0) });
    expect(ended.status, ended.text).toBe(200);
  });
});
