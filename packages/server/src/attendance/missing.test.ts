/**
 * The missing list, as stories over HTTP: who is on it (MH4 and above, or added by the DSL with a
 * reason), the urgent alert when a listed pupil is absent without a reason at a register (once per
 * session, to the DSL on duty, content-free), what the DSL records, the ten-day list for children
 * missing education, and who may see or change any of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import {
  addDaysToDay,
  londonToday,
  type MissingListResponse,
  type MyWork,
  type PupilMissingResponse,
  type Session,
} from '@tandem/core';
import { alerts, attendanceMarks, missingAlerts, missingListChanges, pupils } from '@tandem/core/schema';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness';
import { loadAssignments } from '../http/context';
import { inSchool } from '../platform/gate';
import { checkMissingList } from './missing.check';

let env: TestEnv;
let dsl: TestClient;
let atMh4: { id: string; givenName: string; familyName: string };
let atMh2: string;
let other: string;

const base = () => `/api/schools/${env.world.kingsmead}/missing`;
const list = async (by: TestClient) => by.get<MissingListResponse>(base());
const today = () => londonToday(env.clock.now());

async function mark(pupilId: string, on: string, session: Session, code: string) {
  await env.deps.database.db
    .insert(attendanceMarks)
    .values({ schoolId: env.world.kingsmead, pupilId, on, session, code, updatedAt: env.clock.now() })
    .onConflictDoUpdate({
      target: [attendanceMarks.schoolId, attendanceMarks.pupilId, attendanceMarks.on, attendanceMarks.session],
      set: { code },
    });
}

/** The import's call after applying marks, made as the attendance officer would make it. */
async function registerIn(on: string, session: Session): Promise<number> {
  const userId = env.world.userId('schoolAdmin');
  const actor = {
    userId,
    email: 'x',
    displayName: 'x',
    assignments: await loadAssignments(env.deps.database.db, userId),
  };
  return inSchool(env.deps, { actor, schoolId: env.world.kingsmead, ip: '127.0.0.1' }, 'attendance.import', (w) =>
    checkMissingList(w, { sessions: [{ on, session }] }),
  );
}

/** E-mails are sent after the commit: wait for them. */
async function mailsAbout(words: string) {
  for (let i = 0; i < 100; i += 1) {
    const found = env.smtp.messages.filter((m) => m.subject.includes(words));
    if (found.length > 0) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
  return [];
}

async function levelled(level: string) {
  const [row] = await env.deps.database.db
    .select({ id: pupils.id, givenName: pupils.givenName, familyName: pupils.familyName })
    .from(pupils)
    .where(
      and(
        eq(pupils.schoolId, env.world.kingsmead),
        sql`${pupils.currentLevel} = ${level}`,
        sql`${pupils.leftOn} is null`,
      ),
    )
    .limit(1);
  if (!row) throw new Error(`no pupil at ${level}`);
  return row;
}

beforeAll(async () => {
  env = await createTestEnv();
  // A Monday well after the demo's own registers.
  env.clock.set(new Date('2027-03-01T08:00:00Z'));
  dsl = await env.as('dsl');
  atMh4 = await levelled('MH4');
  atMh2 = (await levelled('MH2')).id;
  const [o] = await env.deps.database.db
    .select({ id: pupils.id })
    .from(pupils)
    .where(
      and(eq(pupils.schoolId, env.world.kingsmead), sql`${pupils.currentLevel} is null`, sql`${pupils.leftOn} is null`),
    )
    .limit(1);
  other = o!.id;
});
afterAll(async () => env.close());

describe('who is on the missing list', () => {
  it('lists a pupil at MH4 by their level, and not a pupil at MH2', async () => {
    const res = await list(dsl);
    expect(res.status, res.text).toBe(200);
    const row = res.body.pupils.find((p) => p.pupilId === atMh4.id);
    expect(row?.why).toMatchObject({ source: 'level', level: 'MH4' });
    expect(res.body.pupils.some((p) => p.pupilId === atMh2)).toBe(false);
    expect(res.body.mayManage).toBe(true);
  });

  it('lets the DSL add a pupil with a reason, and refuses without one or twice', async () => {
    const empty = await dsl.post(`${base()}/pupils/${atMh2}/add`, { reason: '  ' });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('Enter the reason');
    const added = await dsl.post(`${base()}/pupils/${atMh2}/add`, { reason: 'Ran away from home twice this term' });
    expect(added.status, added.text).toBe(200);
    const again = await dsl.post(`${base()}/pupils/${atMh2}/add`, { reason: 'Again' });
    expect(again.status).toBe(409);
    const changes = await env.deps.database.db
      .select()
      .from(missingListChanges)
      .where(eq(missingListChanges.pupilId, atMh2));
    expect(changes).toHaveLength(1);
    const row = (await list(dsl)).body.pupils.find((p) => p.pupilId === atMh2);
    expect(row?.why).toMatchObject({ source: 'added', reason: 'Ran away from home twice this term' });
  });

  it('takes a pupil at MH4 off until their level is next set', async () => {
    const off = await dsl.post(`${base()}/pupils/${atMh4.id}/remove`, {
      reason: 'Attending every day; agreed at the TAF meeting',
    });
    expect(off.status, off.text).toBe(200);
    expect((await list(dsl)).body.pupils.some((p) => p.pupilId === atMh4.id)).toBe(false);
    const twice = await dsl.post(`${base()}/pupils/${atMh4.id}/remove`, { reason: 'Again' });
    expect(twice.status).toBe(409);
    // Their level is set again (MH4 confirmed) after the DSL's decision: back on the list.
    env.clock.advance(60_000);
    await env.deps.database.db.update(pupils).set({ levelChangedAt: env.clock.now() }).where(eq(pupils.id, atMh4.id));
    expect((await list(dsl)).body.pupils.some((p) => p.pupilId === atMh4.id)).toBe(true);
  });
});

describe('an absence without a reason', () => {
  it('raises one urgent, content-free alert per session to the DSL on duty, and the DSL records what was done', async () => {
    env.smtp.messages.length = 0;
    const on = today();
    await mark(atMh4.id, on, 'am', 'N');
    await mark(other, on, 'am', 'N'); // not on the list: no alert
    expect(await registerIn(on, 'am')).toBe(1);
    // The same register again (a second import, another process): nothing more.
    expect(await registerIn(on, 'am')).toBe(0);
    const raised = await env.deps.database.db
      .select()
      .from(missingAlerts)
      .where(and(eq(missingAlerts.pupilId, atMh4.id), eq(missingAlerts.on, on)));
    expect(raised).toHaveLength(1);
    const inApp = await env.deps.database.db.select().from(alerts).where(eq(alerts.kind, 'missing_pupil_absent'));
    expect(inApp.length).toBeGreaterThan(0);
    const mails = await mailsAbout('missing list');
    expect(mails.length).toBeGreaterThan(0);
    for (const m of mails) {
      expect(m.text).not.toContain(atMh4.givenName);
      expect(m.text).not.toContain(atMh4.familyName);
      expect(m.subject).not.toContain(atMh4.familyName);
    }

    const view = (await list(dsl)).body;
    const alert = view.alerts.find((a) => a.pupilId === atMh4.id && a.on === on);
    expect(alert).toMatchObject({ on, session: 'am', code: 'N' });
    // On the DSL's home page until followed up.
    const work = async () =>
      (await dsl.get<MyWork>(`/api/schools/${env.world.kingsmead}/my-work`)).body.missingAbsences.filter(
        (m) => m.alertId === alert!.id,
      );
    expect(await work()).toEqual([
      { alertId: alert!.id, pupil: { id: atMh4.id, name: expect.any(String) }, on, session: 'am' },
    ]);
    const tutorWork = (await (await env.as('tutor')).get<MyWork>(`/api/schools/${env.world.kingsmead}/my-work`)).body;
    expect(tutorWork.missingAbsences).toEqual([]);
    const bad = await dsl.post(`${base()}/alerts/${alert!.id}/action`, { action: 'phoned', note: 'x' });
    expect(bad.status).toBe(400);
    const done = await dsl.post(`${base()}/alerts/${alert!.id}/action`, {
      action: 'contacted_parents',
      note: 'Mum answered: unwell with a migraine; she will ring in tomorrow.',
    });
    expect(done.status, done.text).toBe(200);
    const twice = await dsl.post(`${base()}/alerts/${alert!.id}/action`, { action: 'other', note: 'Again' });
    expect(await work()).toEqual([]);
    expect(twice.status).toBe(409);
    const after = (await list(dsl)).body.alerts.find((a) => a.id === alert!.id);
    expect(after?.action).toMatchObject({ action: 'contacted_parents' });
  });

  it('checks a pupil added after the register is in', async () => {
    const on = today();
    await mark(other, on, 'pm', 'O');
    await mark(atMh4.id, on, 'pm', '\\');
    const res = await dsl.post<{ alertsRaised: number }>(`${base()}/pupils/${other}/add`, {
      reason: 'Police asked us to report any absence',
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.alertsRaised).toBe(1);
  });
});

describe('the register imported from the MIS', () => {
  it('raises the alert as the marks are applied, once however often the file is imported', async () => {
    const [p] = await env.deps.database.db.select({ upn: pupils.upn }).from(pupils).where(eq(pupils.id, atMh4.id));
    const on = addDaysToDay(today(), 1); // Tuesday
    const [y, m, d] = on.split('-');
    const file = `UPN,Date,Session,Mark\n${p!.upn},${d}/${m}/${y},AM,O\n`;
    const count = async () =>
      (
        await env.deps.database.db
          .select()
          .from(missingAlerts)
          .where(and(eq(missingAlerts.pupilId, atMh4.id), eq(missingAlerts.on, on)))
      ).length;
    env.clock.set(new Date(`${on}T09:10:00Z`));
    // A new day: everyone signs in again.
    const admin = await env.as('schoolAdmin');
    dsl = await env.as('dsl');
    for (let i = 0; i < 2; i += 1) {
      const preview = await admin.request<{ importId: string }>(
        'POST',
        `/api/schools/${env.world.kingsmead}/attendance/imports?kind=marks&fileName=register.csv`,
        file,
        { 'content-type': 'text/csv' },
      );
      expect(preview.status, preview.text).toBe(200);
      const applied = await admin.post(
        `/api/schools/${env.world.kingsmead}/attendance/imports/${preview.body.importId}/apply`,
      );
      expect(applied.status, applied.text).toBe(200);
      expect(await count()).toBe(1);
    }
    // Last week's register imported today is history: no alert for it.
    const lastWeek = addDaysToDay(on, -7);
    const [ly, lm, ld] = lastWeek.split('-');
    const old = await admin.request<{ importId: string }>(
      'POST',
      `/api/schools/${env.world.kingsmead}/attendance/imports?kind=marks&fileName=last-week.csv`,
      `UPN,Date,Session,Mark\n${p!.upn},${ld}/${lm}/${ly},PM,N\n`,
      { 'content-type': 'text/csv' },
    );
    expect(old.status, old.text).toBe(200);
    await admin.post(`/api/schools/${env.world.kingsmead}/attendance/imports/${old.body.importId}/apply`);
    const earlier = await env.deps.database.db
      .select()
      .from(missingAlerts)
      .where(and(eq(missingAlerts.pupilId, atMh4.id), eq(missingAlerts.on, lastWeek)));
    expect(earlier).toEqual([]);
    const view = (await list(dsl)).body;
    expect(view.latestSession).toEqual({ on, session: 'am' });
    expect(view.alerts.find((a) => a.pupilId === atMh4.id && a.on === on)).toMatchObject({ code: 'O', action: null });
  });
});

describe('children missing education', () => {
  it('lists a pupil absent without explanation for ten consecutive school days, not nine', async () => {
    // Ten school days ending today, all N for one pupil; nine for another.
    const days: string[] = [];
    for (let d = 0; days.length < 10; d -= 1) {
      const day = addDaysToDay(today(), d);
      const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
      if (weekday !== 0 && weekday !== 6) days.push(day);
    }
    for (const [i, day] of days.entries()) {
      for (const s of ['am', 'pm'] as const) {
        await mark(atMh2, day, s, 'N');
        await mark(atMh4.id, day, s, i === 9 ? '/' : 'N');
      }
    }
    const view = (await list(dsl)).body;
    const listed = view.missingEducation.find((p) => p.pupilId === atMh2);
    expect(listed).toMatchObject({ days: 10, since: days[9] });
    expect(view.missingEducation.some((p) => p.pupilId === atMh4.id)).toBe(false);
    const csv = await dsl.get(`${base()}/missing-education.csv`);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('Consecutive school days');
  });
});

describe('who may see and change it', () => {
  it('lets the SMHL and head read it but not change it; others not at all', async () => {
    for (const who of ['smhl', 'head'] as const) {
      const c = await env.as(who);
      const res = await list(c);
      expect(res.status, who).toBe(200);
      expect(res.body.mayManage).toBe(false);
      expect((await c.post(`${base()}/pupils/${other}/remove`, { reason: 'x' })).status, who).toBe(403);
    }
    for (const who of ['tutor', 'support', 'parent', 'pupil'] as const) {
      const c = await env.as(who);
      expect((await list(c)).status, who).toBe(403);
      expect((await c.get(`${base()}/missing-education.csv`)).status, who).toBe(403);
    }
    for (const who of ['otherHead', 'otherTeacher'] as const) {
      const c = await env.as(who);
      expect((await list(c)).status, who).toBe(404);
      expect((await c.post(`${base()}/pupils/${other}/add`, { reason: 'x' })).status, who).toBe(404);
    }
  });

  it("shows a pupil's place on the list on their case record, to case roles only", async () => {
    const res = await dsl.get<PupilMissingResponse>(`/api/schools/${env.world.kingsmead}/pupils/${atMh2}/missing`);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ onList: true, why: { source: 'added' } });
    expect(res.body.changes[0]?.reason).toBe('Ran away from home twice this term');
    const tutor = await env.as('tutor');
    expect((await tutor.get(`/api/schools/${env.world.kingsmead}/pupils/${atMh2}/missing`)).status).toBe(403);
    const otherHead = await env.as('otherHead');
    expect((await otherHead.get(`/api/schools/${env.world.kingsmead}/pupils/${atMh2}/missing`)).status).toBe(404);
  });
});
