/**
 * Attendance from the MIS: the attendance officer (school administrator, SMHL or DSL) checks a file
 * of weekly totals or session marks, sees what it holds and every problem, and applies it all or
 * nothing; case roles read a pupil's attendance over time. Every refusal changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, sql } from 'drizzle-orm';
import { makeUpn, type AttendanceImportResponse, type PupilAttendanceResponse } from '@tandem/core';
import { attendanceImports, attendanceMarks, attendanceWeeks, auditEvents, pupils, users } from '@tandem/core/schema';
import { createTestEnv, PEOPLE, type Person, type TestClient, type TestEnv } from '../../test/harness';

let env: TestEnv;
let olivia: { id: string; upn: string };
let taught: { id: string; upn: string };
let leaver: { id: string; upn: string };
const db = () => env.deps.database.db;
const school = () => `/api/schools/${env.world.kingsmead}`;

// Weeks of spring 2025, long before anything the demo holds; the clock is in the autumn of 2026.
const NOW = '2026-11-20T12:00:00Z';

beforeAll(async () => {
  env = await createTestEnv();
  env.clock.set(NOW);
  const [o] = await db()
    .select({ id: pupils.id, upn: pupils.upn })
    .from(pupils)
    .innerJoin(users, eq(users.id, pupils.userId))
    .where(eq(users.email, PEOPLE.pupil));
  olivia = o!;
  const [t] = await db()
    .select({ id: pupils.id, upn: pupils.upn })
    .from(pupils)
    .where(
      sql`${pupils.leftOn} is null and ${pupils.id} in (select tgp.pupil_id from teaching_group_pupils tgp
        join teaching_group_staff tgs on tgs.group_id = tgp.group_id where tgs.user_id = ${env.world.userId('tutor')})`,
    )
    .limit(1);
  taught = t!;
  const [l] = await db()
    .select({ id: pupils.id, upn: pupils.upn })
    .from(pupils)
    .where(and(eq(pupils.schoolId, env.world.kingsmead), sql`${pupils.id} not in (${olivia.id}, ${taught.id})`))
    .limit(1);
  leaver = l!;
  await db().update(pupils).set({ leftOn: '2026-07-20' }).where(eq(pupils.id, leaver.id));
});
afterAll(async () => {
  await env.close();
});

function upload(client: TestClient, kind: 'weeks' | 'marks', file: string | Buffer, contentType = 'text/csv') {
  return client.request<AttendanceImportResponse>(
    'POST',
    `${school()}/attendance/imports?kind=${kind}&fileName=${kind}.csv`,
    file,
    { 'content-type': contentType },
  );
}
const apply = (c: TestClient, id: string) =>
  c.post<AttendanceImportResponse>(`${school()}/attendance/imports/${id}/apply`);
const discard = (c: TestClient, id: string) =>
  c.post<AttendanceImportResponse>(`${school()}/attendance/imports/${id}/discard`);

async function storedWeeks(pupilId: string) {
  return db()
    .select()
    .from(attendanceWeeks)
    .where(and(eq(attendanceWeeks.pupilId, pupilId), sql`${attendanceWeeks.weekStart} < '2025-04-01'`))
    .orderBy(attendanceWeeks.weekStart);
}
async function markCount(): Promise<number> {
  const [r] = await db()
    .select({ n: count() })
    .from(attendanceMarks)
    .where(sql`${attendanceMarks.on} < '2025-04-01'`);
  return r?.n ?? 0;
}
async function audits(action: string): Promise<number> {
  const [r] = await db().select({ n: count() }).from(auditEvents).where(eq(auditEvents.action, action));
  return r?.n ?? 0;
}

const SIMS_WEEKS = 'UPN,Week Beginning,Possible Sessions,Present + AEA,Authorised Absences,Unauthorised Absences';

describe('importing weekly totals', () => {
  it('checks a SIMS file, shows what it holds, and applies it once', async () => {
    const admin = await env.as('schoolAdmin');
    const file = [
      SIMS_WEEKS,
      `${olivia.upn},06/01/2025,10,10,0,0`,
      `${olivia.upn},15/01/2025,10,8,1,1`, // a Wednesday: counted as the week of Monday 13 January
      `${taught.upn},06/01/2025,10,9,1,0`,
    ].join('\r\n');
    const res = await upload(admin, 'weeks', file);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'previewed',
      kind: 'weeks',
      totalRows: 3,
      rows: 3,
      pupils: 2,
      replacing: 0,
      errorCount: 0,
      from: '2025-01-06',
      to: '2025-01-13',
      applied: null,
    });
    expect(res.body.notes[0]).toMatch(/not a Monday/);
    expect(res.body.sample[0]).toMatchObject({ line: 2, upn: olivia.upn, on: '2025-01-06' });
    expect(res.body.sample[0]?.pupilName).not.toBe('');
    expect(await storedWeeks(olivia.id)).toEqual([]);

    const done = await apply(admin, res.body.importId);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'applied', applied: 3 });
    expect((await storedWeeks(olivia.id)).map((w) => [w.weekStart, w.attended])).toEqual([
      ['2025-01-06', 10],
      ['2025-01-13', 8],
    ]);
    expect(await audits('attendance.import_previewed')).toBeGreaterThan(0);
    expect(await audits('attendance.import_applied')).toBe(1);

    const again = await apply(admin, res.body.importId);
    expect(again.status).toBe(409);
    expect(again.text).toMatch(/already been imported/);
    expect(await audits('attendance.import_applied')).toBe(1);
  });

  it('replaces a week with a later import of it (Arbor headers), and keeps the rest', async () => {
    const smhl = await env.as('smhl');
    const file = [
      'UPN,Week Start Date,Possible Marks,Present Marks,Authorised Absence Marks,Unauthorised Absence Marks',
      `${olivia.upn},2025-01-13,10,9,1,0`,
      `${olivia.upn},2025-01-20,10,6,0,4`,
    ].join('\n');
    const res = await upload(smhl, 'weeks', file);
    expect(res.body).toMatchObject({ errorCount: 0, rows: 2, replacing: 1 });
    expect((await apply(smhl, res.body.importId)).status).toBe(200);
    expect((await storedWeeks(olivia.id)).map((w) => [w.weekStart, w.attended, w.unauthorised])).toEqual([
      ['2025-01-06', 10, 0],
      ['2025-01-13', 9, 0],
      ['2025-01-20', 6, 4],
    ]);
  });

  it('reads Bromcom headers too, and the DSL may import', async () => {
    const dsl = await env.as('dsl');
    const file = [
      'UPN,Week Commencing,Sessions Possible,Sessions Attended,Authorised Absence,Unauthorised Absence',
      `${olivia.upn},27/01/2025,10,10,0,0`,
    ].join('\n');
    const res = await upload(dsl, 'weeks', file);
    expect(res.body).toMatchObject({ errorCount: 0, rows: 1 });
    expect((await discard(dsl, res.body.importId)).body).toMatchObject({ status: 'discarded' });
    expect((await storedWeeks(olivia.id)).map((w) => w.weekStart)).not.toContain('2025-01-27');
    expect(await audits('attendance.import_discarded')).toBe(1);
    // Discarded is final: neither applied nor discarded again.
    expect((await apply(dsl, res.body.importId)).text).toMatch(/was discarded/);
    expect((await discard(dsl, res.body.importId)).status).toBe(409);
  });
});

describe('importing session marks', () => {
  it('stores each mark, C2 and the medical and elsewhere codes included', async () => {
    const admin = await env.as('schoolAdmin');
    const before = await markCount();
    const file = [
      'UPN,Date,Session (AM/PM),Mark',
      `${olivia.upn},06/01/2025,AM,/`,
      `${olivia.upn},06/01/2025,PM,C2`,
      `${olivia.upn},07/01/2025,AM,I`,
      `${olivia.upn},07/01/2025,PM,k`,
      `${olivia.upn},08/01/2025,AM,N`,
      `${olivia.upn},08/01/2025,PM,-`,
    ].join('\n');
    const res = await upload(admin, 'marks', file);
    expect(res.body).toMatchObject({ errorCount: 0, rows: 5, totalRows: 6 });
    expect(res.body.notes[0]).toMatch(/no mark yet/);
    expect((await apply(admin, res.body.importId)).status).toBe(200);
    expect((await markCount()) - before).toBe(5);
  });
});

describe('a file with problems changes nothing', () => {
  async function refusedPreview(file: string, kind: 'weeks' | 'marks' = 'marks') {
    const admin = await env.as('schoolAdmin');
    const weeksBefore = await storedWeeks(olivia.id);
    const marksBefore = await markCount();
    const res = await upload(admin, kind, file);
    expect(res.status).toBe(200);
    expect(res.body.errorCount).toBeGreaterThan(0);
    const applied = await apply(admin, res.body.importId);
    expect(applied.status).toBe(400);
    expect(applied.text).toMatch(/nothing has been imported/);
    expect(await storedWeeks(olivia.id)).toEqual(weeksBefore);
    expect(await markCount()).toBe(marksBefore);
    return res.body.errors;
  }

  it('refuses an unknown code, saying which codes are accepted', async () => {
    const errors = await refusedPreview(
      `UPN,Date,Session,Mark\n${olivia.upn},09/01/2025,AM,/\n${olivia.upn},09/01/2025,PM,Q9`,
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 3, column: 'Mark', upn: olivia.upn });
    expect(errors[0]?.message).toMatch(/"Q9" is not a national attendance code.*C2/);
  });

  it('refuses a pupil not on roll: an unknown UPN, and a pupil who has left', async () => {
    const stranger = makeUpn('990000000001');
    const errors = await refusedPreview(
      `UPN,Date,Session,Mark\n${olivia.upn},10/01/2025,AM,/\n${stranger},10/01/2025,AM,/\n${leaver.upn},10/01/2025,AM,/`,
    );
    expect(errors.map((e) => e.line)).toEqual([3, 4]);
    expect(errors[0]?.message).toMatch(/not on roll/);
    expect(errors[1]?.message).toMatch(/has left the school/);
  });

  it('refuses to apply when a pupil in the file has left since it was checked', async () => {
    const admin = await env.as('schoolAdmin');
    const res = await upload(admin, 'weeks', `${SIMS_WEEKS}\n${taught.upn},10/02/2025,10,10,0,0`);
    expect(res.body.errorCount).toBe(0);
    await db().update(pupils).set({ leftOn: '2026-11-19' }).where(eq(pupils.id, taught.id));
    const applied = await apply(admin, res.body.importId);
    await db().update(pupils).set({ leftOn: null }).where(eq(pupils.id, taught.id));
    expect(applied.status).toBe(409);
    expect(applied.text).toMatch(/has left the school since it was checked/);
    expect((await storedWeeks(taught.id)).map((w) => w.weekStart)).not.toContain('2025-02-10');
  });

  it('refuses a week whose absences and attendance add up to more than possible', async () => {
    const errors = await refusedPreview(`${SIMS_WEEKS}\n${olivia.upn},03/02/2025,10,9,1,1`, 'weeks');
    expect(errors[0]?.message).toMatch(/add up to 11, more than the 10 possible sessions/);
  });

  it('refuses a workbook, a PDF, an empty file and a missing kind before anything is kept', async () => {
    const admin = await env.as('schoolAdmin');
    const [{ n: before } = { n: 0 }] = await db().select({ n: count() }).from(attendanceImports);
    const xlsx = await upload(admin, 'weeks', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect(xlsx.status).toBe(400);
    expect(xlsx.text).toMatch(/Excel workbook, not a CSV file/);
    const pdf = await upload(admin, 'weeks', Buffer.from('%PDF-1.4 something'));
    expect(pdf.text).toMatch(/This is a PDF/);
    const empty = await upload(admin, 'weeks', '');
    expect(empty.status).toBe(400);
    const headerOnly = await upload(admin, 'weeks', `${SIMS_WEEKS}\n`);
    expect(headerOnly.text).toMatch(/no attendance below it/);
    const noKind = await admin.request('POST', `${school()}/attendance/imports`, 'x', { 'content-type': 'text/csv' });
    expect(noKind.status).toBe(400);
    const [{ n: after } = { n: 0 }] = await db().select({ n: count() }).from(attendanceImports);
    expect(after).toBe(before);
  });
});

describe('who may import', () => {
  const file = `${SIMS_WEEKS}\n${makeUpn('990000000002')},03/02/2025,10,10,0,0`;
  it.each<[Person, number]>([
    ['head', 403],
    ['tutor', 403],
    ['parent', 403],
    ['otherHead', 404],
    ['otherTeacher', 404],
  ])('%s gets %i', async (person, status) => {
    const c = await env.as(person);
    expect((await upload(c, 'weeks', file)).status).toBe(status);
    expect((await c.get(`${school()}/attendance/imports`)).status).toBe(status);
  });
});

describe("a pupil's attendance", () => {
  const url = (pupilId = olivia.id) => `${school()}/pupils/${pupilId}/attendance?before=2025-04-01`;

  it('shows the weeks newest first with percentages, the term, and the codes; audited once', async () => {
    const smhl = await env.as('smhl');
    const viewed = await audits('attendance.viewed');
    const res = await smhl.get<PupilAttendanceResponse>(url());
    expect(res.status).toBe(200);
    expect(res.body.weeks.map((w) => [w.weekStart, w.percent])).toEqual([
      ['2025-01-20', 60],
      ['2025-01-13', 90],
      ['2025-01-06', 100],
    ]);
    expect(res.body.olderBefore).toBeNull();
    expect(res.body.terms).toEqual([
      expect.objectContaining({ key: '2025-spring', weeks: 3, possible: 30, attended: 25, percent: 83.3 }),
    ]);
    expect(Object.fromEntries(res.body.codes.map((c) => [c.group, c.sessions]))).toEqual({
      reduced: 1,
      medical: 1,
      elsewhere: 1,
      unexplained: 1,
    });
    expect(res.body.markedSessions).toBe(5);
    expect(await audits('attendance.viewed')).toBe(viewed + 1);
  });

  it('exports the weeks as CSV, audited', async () => {
    const dsl = await env.as('dsl');
    const res = await dsl.get(`${school()}/pupils/${olivia.id}/attendance.csv`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.text).toMatch(/^Week beginning,Possible sessions/);
    expect(res.text).toContain('2025-01-20,10,6,0,4,60');
    expect(await audits('attendance.exported')).toBe(1);
  });

  it.each<[Person, number]>([
    ['head', 200],
    ['dsl', 200],
    ['tutor', 403],
    ['parent', 403],
    ['otherHead', 404],
    ['otherTeacher', 404],
  ])('%s gets %i', async (person, status) => {
    const c = await env.as(person);
    const viewed = await audits('attendance.viewed');
    expect((await c.get(url(taught.id))).status).toBe(status);
    expect((await c.get(`${school()}/pupils/${taught.id}/attendance.csv`)).status).toBe(status);
    expect(await audits('attendance.viewed')).toBe(viewed + (status === 200 ? 1 : 0));
  });

  it('answers 401 to someone signed out', async () => {
    const out = env.client();
    expect((await out.get(url())).status).toBe(401);
    expect((await out.get(`${school()}/attendance/imports`)).status).toBe(401);
    expect((await upload(out, 'weeks', `${SIMS_WEEKS}\n`)).status).toBe(401);
  });

  it('answers 404 for a pupil of another school, and refuses a bad day', async () => {
    const smhl = await env.as('smhl');
    const [other] = await db()
      .select({ id: pupils.id })
      .from(pupils)
      .where(eq(pupils.schoolId, env.world.willow))
      .limit(1);
    expect((await smhl.get(url(other!.id))).status).toBe(404);
    expect((await smhl.get(`${school()}/pupils/${olivia.id}/attendance?before=yesterday`)).status).toBe(400);
  });
});
