/**
 * Leaving and transfers, as stories: the head keeps the term dates; the DSL records that a pupil
 * leaves for another school, which sets up the transfer due five school days later; the SMHL sees
 * and sends only the wellbeing file, the DSL team the child-protection file; a package is collected
 * once with its one-time code; a wrong code or a package for another school is refused and changes
 * nothing; an unsent file is flagged once to the DSL team and the head. Teachers, parents and
 * another school's DSL are refused throughout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull, sql } from 'drizzle-orm';
import {
  addDaysToDay,
  addSchoolDays,
  londonToday,
  type MyWork,
  type PackagePreviewResponse,
  type PreparedPackageResponse,
  type TermDatesResponse,
  type TransferListResponse,
} from '@tandem/core';
import {
  alerts,
  auditEvents,
  concernPupils,
  concerns,
  pupils,
  pupilTransfers,
  transferParts,
  transferPreviews,
} from '@tandem/core/schema';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness';
import { runDueJobs } from '../platform/jobs';

let env: TestEnv;
let head: TestClient;
let smhl: TestClient;
let dsl: TestClient;
let leaver: string;
let transferId: string;

type Err = { error: { code: string; message: string } };
const api = (school = env.world.kingsmead) => `/api/schools/${school}`;
const today = () => londonToday(env.clock.now());
const day = (n: number) => addDaysToDay(today(), n);
const db = () => env.deps.database.db;
const auditCount = async (action: string) =>
  (await db().select().from(auditEvents).where(eq(auditEvents.action, action))).length;
const partsOf = async (id: string) => db().select().from(transferParts).where(eq(transferParts.transferId, id));
const part = async (file: 'child-protection' | 'wellbeing') =>
  (await partsOf(transferId)).find((p) => p.file === file)!;

beforeAll(async () => {
  env = await createTestEnv();
  head = await env.as('head');
  smhl = await env.as('smhl');
  dsl = await env.as('dsl');
  // A pupil with something in the safeguarding record, so the child-protection file carries it.
  const [p] = await db()
    .selectDistinct({ id: pupils.id })
    .from(pupils)
    .innerJoin(concernPupils, eq(concernPupils.pupilId, pupils.id))
    .innerJoin(concerns, and(eq(concerns.id, concernPupils.concernId), eq(concerns.restricted, true)))
    .where(and(eq(pupils.schoolId, env.world.kingsmead), isNull(pupils.leftOn), isNull(pupils.userId)))
    .orderBy(pupils.id)
    .limit(1);
  leaver = p!.id;
});
afterAll(async () => {
  await env?.close();
});

describe('term dates', () => {
  it('the head adds a term and a closure day; staff read them; others may not change them', async () => {
    // The demo has the terms of 2026-27; the head adds next year's first half-term and a closure day.
    const term = { name: 'Autumn term 2027 (first half)', firstDay: '2027-09-01', lastDay: '2027-10-22' };
    expect((await head.post(`${api()}/term-dates/terms`, term)).status).toBe(201);
    expect((await head.post(`${api()}/term-dates/closures`, { on: day(3), reason: 'INSET day' })).status).toBe(201);
    const overlap = await head.post<Err>(`${api()}/term-dates/terms`, {
      name: 'Clash',
      firstDay: '2027-10-01',
      lastDay: '2027-10-30',
    });
    expect(overlap.status).toBe(400);
    expect(overlap.body.error.message).toMatch(/overlap Autumn term 2027/);

    const tutor = await env.as('tutor');
    const read = await tutor.get<TermDatesResponse>(`${api()}/term-dates`);
    expect(read.status).toBe(200);
    expect(read.body.canEdit).toBe(false);
    expect(read.body.terms.some((t) => t.name === 'Autumn term 2027 (first half)')).toBe(true);
    expect((await tutor.post(`${api()}/term-dates/closures`, { on: day(4), reason: 'x' })).status).toBe(403);
    expect((await smhl.post(`${api()}/term-dates/closures`, { on: day(4), reason: 'x' })).status).toBe(403);
    const parent = await env.as('parent');
    expect([403, 404]).toContain(
      (await parent.post(`${api()}/term-dates/closures`, { on: day(4), reason: 'x' })).status,
    );
    const otherHead = await env.as('otherHead');
    expect((await otherHead.get(`${api()}/term-dates`)).status).toBe(404);
    expect(await auditCount('school.term_added')).toBe(1);
    expect(await auditCount('school.closure_added')).toBe(1);
  });
});

describe('recording a leaver', () => {
  it('teachers, parents and another school are refused; nothing changes', async () => {
    const body = { leftOn: today(), destinationName: 'Oakfield High School', destinationUrn: '900009' };
    const tutor = await env.as('tutor');
    expect((await tutor.post(`${api()}/pupils/${leaver}/leaving`, body)).status).toBe(403);
    const parent = await env.as('parent');
    expect([403, 404]).toContain((await parent.post(`${api()}/pupils/${leaver}/leaving`, body)).status);
    const otherHead = await env.as('otherHead');
    expect((await otherHead.post(`${api()}/pupils/${leaver}/leaving`, body)).status).toBe(404);
    const pupil = await env.as('pupil');
    expect([403, 404]).toContain((await pupil.post(`${api()}/pupils/${leaver}/leaving`, body)).status);
    const badUrn = await dsl.post<Err>(`${api()}/pupils/${leaver}/leaving`, { ...body, destinationUrn: '12ab' });
    expect(badUrn.status).toBe(400);
    expect(badUrn.body.error.message).toMatch(/six or seven digits/);
    expect(await db().select().from(pupilTransfers).where(eq(pupilTransfers.pupilId, leaver))).toHaveLength(0);
  });

  it('the DSL records it; the transfer is due five school days later with two parts', async () => {
    const res = await dsl.post(`${api()}/pupils/${leaver}/leaving`, {
      leftOn: today(),
      destinationName: 'Oakfield High School',
      destinationUrn: '900009',
    });
    expect(res.status).toBe(200);
    const [t] = await db().select().from(pupilTransfers).where(eq(pupilTransfers.pupilId, leaver));
    expect(t).toBeDefined();
    transferId = t!.id;
    const dates = await dsl.get<TermDatesResponse>(`${api()}/term-dates`);
    const calendar = { terms: dates.body.terms, closures: dates.body.closures.map((c) => c.on) };
    expect(t!.dueOn).toBe(addSchoolDays(today(), 5, calendar));
    expect((await partsOf(transferId)).map((p) => p.file).sort()).toEqual(['child-protection', 'wellbeing']);
    const [p] = await db().select().from(pupils).where(eq(pupils.id, leaver));
    expect(p!.leftOn).toBe(today());
    expect(await auditCount('pupil.leaving_recorded')).toBe(1);
    const again = await dsl.post<Err>(`${api()}/pupils/${leaver}/leaving`, {
      leftOn: today(),
      destinationName: 'Not known',
    });
    expect(again.status).toBe(409);
  });
});

describe('the transfers list', () => {
  it('the DSL sees both parts, the SMHL only the wellbeing part; others are refused', async () => {
    const d = await dsl.get<TransferListResponse>(`${api()}/transfers`);
    expect(d.status).toBe(200);
    const mine = d.body.outgoing.find((t) => t.id === transferId)!;
    expect(mine.parts.map((p) => p.file).sort()).toEqual(['child-protection', 'wellbeing']);
    expect(d.body.termDatesRecorded).toBe(true);
    const s = await smhl.get<TransferListResponse>(`${api()}/transfers`);
    expect(s.body.outgoing.find((t) => t.id === transferId)!.parts.map((p) => p.file)).toEqual(['wellbeing']);
    expect((await head.get(`${api()}/transfers`)).status).toBe(403);
    expect((await (await env.as('tutor')).get(`${api()}/transfers`)).status).toBe(403);
    expect([403, 404]).toContain((await (await env.as('parent')).get(`${api()}/transfers`)).status);
    expect([403, 404]).toContain((await (await env.as('pupil')).get(`${api()}/transfers`)).status);
    // A wellbeing file received from the last school (the demo's) is read by case roles, not teachers.
    const received = d.body.incoming.find((r) => r.file === 'wellbeing')!;
    expect((await head.get(`${api()}/received-files/${received.id}`)).status).toBe(200);
    expect((await (await env.as('tutor')).get(`${api()}/received-files/${received.id}`)).status).toBe(403);
    expect((await (await env.as('otherHead')).get(`${api()}/received-files/${received.id}`)).status).toBe(404);
    expect(await auditCount('transfer.received_viewed')).toBe(1);
    expect((await (await env.as('otherHead')).get(`${api()}/transfers`)).status).toBe(404);
    expect((await (await env.as('otherHead')).get(`${api()}/transfers/${transferId}`)).status).toBe(404);
  });

  it('my work lists the child-protection part for the DSL and the wellbeing part for the SMHL', async () => {
    const d = await dsl.get<MyWork>(`${api()}/my-work`);
    expect(d.body.transfersDue.filter((x) => x.transferId === transferId).map((x) => x.file)).toEqual([
      'child-protection',
    ]);
    const s = await smhl.get<MyWork>(`${api()}/my-work`);
    expect(s.body.transfersDue.filter((x) => x.transferId === transferId).map((x) => x.file)).toEqual(['wellbeing']);
  });
});

describe('preparing and collecting a package', () => {
  let cpCode = '';

  it('only the DSL team prepares the child-protection file; the code is shown once and only its hash kept', async () => {
    const cp = await part('child-protection');
    expect((await smhl.post(`${api()}/transfer-parts/${cp.id}/package`)).status).toBe(403);
    expect((await smhl.get(`${api()}/transfer-parts/${cp.id}/file.pdf`)).status).toBe(403);
    expect((await (await env.as('tutor')).post(`${api()}/transfer-parts/${cp.id}/package`)).status).toBe(403);
    expect((await (await env.as('otherHead')).post(`${api()}/transfer-parts/${cp.id}/package`)).status).toBe(404);
    const res = await dsl.post<PreparedPackageResponse>(`${api()}/transfer-parts/${cp.id}/package`);
    expect(res.status).toBe(200);
    cpCode = res.body.code;
    expect(cpCode).toMatch(/^([0-9A-Z]{4}-){5}[0-9A-Z]{4}$/);
    const stored = await part('child-protection');
    expect(stored.status).toBe('prepared');
    expect(stored.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(cpCode);
    expect(stored.package!.subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    expect(await auditCount('transfer.package_prepared')).toBe(1);
  });

  it('the child-protection file’s steps are in the DSL team’s audit trail only', async () => {
    const trail = async (who: TestClient) =>
      (
        await who.get<{ entries: { action: string; detail: Record<string, unknown> | null }[] }>(
          `/api/schools/${env.world.kingsmead}/audit?action=transfer.package_prepared`,
        )
      ).body.entries;
    expect((await trail(dsl)).some((e) => e.detail?.file === 'child-protection')).toBe(true);
    expect((await trail(head)).some((e) => e.detail?.file === 'child-protection')).toBe(false);
  });

  it('a package needs the next school’s URN first', async () => {
    const other = await db()
      .insert(pupilTransfers)
      .values({
        schoolId: env.world.kingsmead,
        pupilId: leaver,
        leftOn: day(-400),
        dueOn: day(-393),
        createdAt: env.clock.now(),
      })
      .returning();
    const [p] = await db()
      .insert(transferParts)
      .values({
        schoolId: env.world.kingsmead,
        transferId: other[0]!.id,
        file: 'wellbeing',
        status: 'to_send',
        updatedAt: env.clock.now(),
      })
      .returning();
    const res = await smhl.post<Err>(`${api()}/transfer-parts/${p!.id}/package`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/URN/);
  });

  it('a child-protection file with nothing in the safeguarding record is not sent: "none held" instead', async () => {
    const [calm] = await db()
      .select({ id: pupils.id })
      .from(pupils)
      .where(
        and(
          eq(pupils.schoolId, env.world.kingsmead),
          isNull(pupils.leftOn),
          isNull(pupils.userId),
          sql`not exists (select 1 from concern_pupils cp join concerns c on c.id = cp.concern_id
                where cp.pupil_id = ${pupils.id} and c.restricted)`,
        ),
      )
      .limit(1);
    const [t] = await db()
      .insert(pupilTransfers)
      .values({
        schoolId: env.world.kingsmead,
        pupilId: calm!.id,
        leftOn: day(-1),
        dueOn: day(6),
        destinationName: 'Oakfield High School',
        destinationUrn: '900003',
        createdAt: env.clock.now(),
      })
      .returning();
    const [p] = await db()
      .insert(transferParts)
      .values({
        schoolId: env.world.kingsmead,
        transferId: t!.id,
        file: 'child-protection',
        status: 'to_send',
        updatedAt: env.clock.now(),
      })
      .returning();
    for (const res of [
      await dsl.post<Err>(`${api()}/transfer-parts/${p!.id}/package`),
      await dsl.get<Err>(`${api()}/transfer-parts/${p!.id}/file.pdf`),
    ]) {
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/No child-protection file held/);
    }
    const [after] = await db().select().from(transferParts).where(eq(transferParts.id, p!.id));
    expect(after!.status).toBe('to_send');
    expect(after!.codeHash).toBeNull();
  });

  it('a wrong code collects nothing; a child-protection package goes only to a caller accepting one; then once only', async () => {
    const anon = env.client('10.9.9.9');
    const wrong = await anon.post<Err>('/api/transfers/fetch', {
      code: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF',
      accepts: ['wellbeing', 'child-protection'],
    });
    expect(wrong.status).toBe(404);
    const notDsl = await anon.post<Err>('/api/transfers/fetch', { code: cpCode, accepts: ['wellbeing'] });
    expect(notDsl.status).toBe(403);
    expect(notDsl.body.error.message).toMatch(/DSL team/);
    const otherSchool = await anon.post<Err>('/api/transfers/fetch', {
      code: cpCode,
      accepts: ['wellbeing', 'child-protection'],
      receivingUrn: '900002',
    });
    expect(otherSchool.status).toBe(403);
    expect((await part('child-protection')).fetchedAt).toBeNull();
    const ok = await anon.post('/api/transfers/fetch', {
      code: cpCode.toLowerCase(),
      accepts: ['child-protection'],
      receivingUrn: '900009',
    });
    expect(ok.status).toBe(200);
    expect(ok.raw.subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    const stored = await part('child-protection');
    expect(stored.status).toBe('sent');
    expect(stored.sentHow).toBe('tandem_fetch');
    expect((await anon.post('/api/transfers/fetch', { code: cpCode, accepts: ['child-protection'] })).status).toBe(404);
    expect(await auditCount('transfer.package_fetched')).toBe(1);
  });

  it('opening a package: the wrong code and a package for another school are refused, changing nothing', async () => {
    const w = await part('wellbeing');
    const prepared = await smhl.post<PreparedPackageResponse>(`${api()}/transfer-parts/${w.id}/package`);
    expect(prepared.status).toBe(200);
    const dl = await smhl.get(`${api()}/transfer-parts/${w.id}/package.age`);
    expect(dl.status).toBe(200);
    expect(String(dl.headers['content-disposition'])).toContain('.age');
    expect((await part('wellbeing')).status).toBe('sent');
    const packageBase64 = dl.raw.toString('base64');
    // At Willow Brook (URN 900002), the package is for URN 900009.
    const ruth = await env.as('otherHead');
    const willow = `/api/schools/${env.world.willow}`;
    const previewsBefore = (await db().select().from(transferPreviews)).length;
    const wrong = await ruth.post<Err>(`${willow}/received-packages/open`, {
      code: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF',
      packageBase64,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toMatch(/does not open this package/);
    const other = await ruth.post<Err>(`${willow}/received-packages/open`, { code: prepared.body.code, packageBase64 });
    expect(other.status).toBe(403);
    expect(other.body.error.message).toMatch(/for another school/);
    expect((await db().select().from(transferPreviews)).length).toBe(previewsBefore);
    expect(await auditCount('transfer.package_refused')).toBe(2);
    const notAPackage = await ruth.post<Err>(`${willow}/received-packages/open`, {
      code: prepared.body.code,
      packageBase64: Buffer.from('hello').toString('base64'),
    });
    expect(notAPackage.status).toBe(400);
    const tutor = await env.as('otherTeacher');
    expect(
      (await tutor.post(`${willow}/received-packages/open`, { code: prepared.body.code, packageBase64 })).status,
    ).toBe(403);
  });

  it('the receipt is recorded by form for a school without Tandem; the PDF prints; all audited', async () => {
    const w = await part('wellbeing');
    const pdf = await smhl.get(`${api()}/transfer-parts/${w.id}/file.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.raw.subarray(0, 5).toString()).toBe('%PDF-');
    const bad = await smhl.post<Err>(`${api()}/transfer-parts/${w.id}/receipt`, {
      receiptBy: 'Ms Jones, DSL',
      receiptSchool: 'Oakfield High School',
      receivedOn: day(5),
      how: 'email',
    });
    expect(bad.status).toBe(400);
    const ok = await smhl.post(`${api()}/transfer-parts/${w.id}/receipt`, {
      receiptBy: 'Ms Jones, DSL',
      receiptSchool: 'Oakfield High School',
      receivedOn: today(),
      how: 'email',
    });
    expect(ok.status).toBe(200);
    const stored = await part('wellbeing');
    expect(stored.status).toBe('received');
    expect(stored.package).toBeNull();
    expect(await auditCount('transfer.receipt_recorded')).toBe(1);
    expect(await auditCount('transfer.pdf_printed')).toBe(1);
    expect(await auditCount('transfer.package_downloaded')).toBe(1);
  });
});

describe('overdue', () => {
  it('a part not sent by its due day is flagged once to the DSL team and the head', async () => {
    // A second leaver, due five school days on; nothing sent.
    const [p] = await db()
      .select()
      .from(pupils)
      .where(
        and(
          eq(pupils.schoolId, env.world.kingsmead),
          isNull(pupils.leftOn),
          isNull(pupils.userId),
          eq(pupils.form, '11W'),
        ),
      );
    expect(
      (await dsl.post(`${api()}/pupils/${p!.id}/leaving`, { leftOn: today(), destinationName: 'Not known' })).status,
    ).toBe(200);
    const [t] = await db().select().from(pupilTransfers).where(eq(pupilTransfers.pupilId, p!.id));
    expect(t!.destinationName).toBeNull();
    // Anything overdue from earlier stories is flagged first.
    await runDueJobs(env.deps);
    const before = (await db().select().from(alerts).where(eq(alerts.kind, 'transfer_overdue'))).length;
    await runDueJobs(env.deps);
    expect((await db().select().from(alerts).where(eq(alerts.kind, 'transfer_overdue'))).length).toBe(before);
    env.clock.advance(20 * 86_400_000);
    await runDueJobs(env.deps);
    const flagged = await db().select().from(alerts).where(eq(alerts.kind, 'transfer_overdue'));
    const people = new Set(flagged.map((a) => a.userId));
    expect(people.has(env.world.userId('dsl'))).toBe(true);
    expect(people.has(env.world.userId('deputyDsl'))).toBe(true);
    expect(people.has(env.world.userId('head'))).toBe(true);
    expect(people.has(env.world.userId('smhl'))).toBe(false);
    expect(flagged.every((a) => !a.message.includes(p!.familyName))).toBe(true);
    await runDueJobs(env.deps);
    expect((await db().select().from(alerts).where(eq(alerts.kind, 'transfer_overdue'))).length).toBe(flagged.length);
    // Twenty days on, everyone signs in again.
    dsl = await env.as('dsl');
    smhl = await env.as('smhl');
    const d = await dsl.get<MyWork>(`${api()}/my-work`);
    expect(d.body.transfersDue.find((x) => x.transferId === t!.id)?.overdue).toBe(true);
  });

  it('the DSL records that no child-protection file is held; the SMHL may not', async () => {
    const list = await dsl.get<TransferListResponse>(`${api()}/transfers`);
    const t = list.body.outgoing.find((x) => x.destinationName === null)!;
    const cp = t.parts.find((p) => p.file === 'child-protection')!;
    expect((await smhl.post(`${api()}/transfer-parts/${cp.id}/none-held`)).status).toBe(403);
    expect((await dsl.post(`${api()}/transfer-parts/${cp.id}/none-held`)).status).toBe(200);
    const again = await dsl.get<TransferListResponse>(`${api()}/transfers`);
    expect(
      again.body.outgoing.find((x) => x.id === t.id)!.parts.find((p) => p.file === 'child-protection')!.status,
    ).toBe('none_held');
  });
});

describe('the MIS import marking a leaver', () => {
  it('sets up the transfer too, with the next school not yet known', async () => {
    const SIMS_HEADER =
      'UPN,Legal Surname,Legal Forename,Preferred Forename,DOB,Year,Reg Group,SEN Status,PP,CLA,CIN,EAL';
    const rows = await db()
      .select()
      .from(pupils)
      .where(and(eq(pupils.schoolId, env.world.kingsmead), isNull(pupils.leftOn)))
      .orderBy(pupils.upn);
    const fmt = (iso: string) => iso.split('-').reverse().join('/');
    const line = (p: (typeof rows)[number]) =>
      `${p.upn},${p.familyName},${p.givenName},${p.preferredName ?? ''},${fmt(p.dateOfBirth)},${p.yearGroup},${p.form},${p.send === 'none' ? 'N' : p.send === 'support' ? 'K' : 'E'},${p.pupilPremium ? 'Y' : 'N'},${p.lookedAfter ? 'Y' : 'N'},${p.childInNeed ? 'Y' : 'N'},${p.eal ? 'Y' : 'N'}`;
    const gone = rows.find((p) => p.userId === null)!;
    const file = [SIMS_HEADER, ...rows.filter((p) => p.id !== gone.id).map(line)].join('\n');
    const admin = await env.as('schoolAdmin');
    const preview = await admin.request<{ importId: string; toMarkLeft: number }>(
      'POST',
      `${api()}/imports?kind=pupils&fileName=roll.csv&markLeavers=true`,
      file,
      { 'content-type': 'text/csv' },
    );
    expect(preview.body.toMarkLeft).toBe(1);
    expect((await admin.post(`${api()}/imports/${preview.body.importId}/apply`)).status).toBe(200);
    const [t] = await db().select().from(pupilTransfers).where(eq(pupilTransfers.pupilId, gone.id));
    expect(t?.destinationName).toBeNull();
    expect((await partsOf(t!.id)).length).toBe(2);
  });
});

describe('opened packages never imported', () => {
  it('are deleted by the due job once 24 hours old, a batch at a time; newer ones are kept', async () => {
    const openedBy = env.world.userId('otherHead');
    const opened = (n: number) =>
      Array.from({ length: n }, () => ({
        schoolId: env.world.willow,
        openedBy,
        content: { file: 'wellbeing' },
        createdAt: env.clock.now(),
      }));
    await db().delete(transferPreviews);
    await db().insert(transferPreviews).values(opened(120));
    env.clock.advance(23 * 3600_000);
    const [recent] = await db().insert(transferPreviews).values(opened(1)).returning({ id: transferPreviews.id });
    expect((await runDueJobs(env.deps)).transferPreviewCleanup).toBe(0);
    env.clock.advance(2 * 3600_000);
    expect((await runDueJobs(env.deps)).transferPreviewCleanup).toBe(120);
    const left = await db().select({ id: transferPreviews.id }).from(transferPreviews);
    expect(left).toEqual([{ id: recent!.id }]);
  });
});

export type { PackagePreviewResponse };
