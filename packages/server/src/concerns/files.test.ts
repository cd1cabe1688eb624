import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents, concernFiles, pupils } from '@tandem/core/schema';
import { createTestEnv, type Person, type TestClient, type TestEnv } from '../../test/harness';

let env: TestEnv;
let pupilId: string;

beforeAll(async () => {
  env = await createTestEnv();
  const [p] = await env.deps.database.db
    .select()
    .from(pupils)
    .where(and(eq(pupils.schoolId, env.world.kingsmead), eq(pupils.form, '9W')));
  pupilId = p!.id;
});
afterAll(async () => {
  await env.close();
});

const school = () => `/api/schools/${env.world.kingsmead}`;

async function logConcern(by: TestClient, over: Record<string, unknown> = {}): Promise<string> {
  const res = await by.post<{ id: string }>(`${school()}/concerns`, {
    submissionKey: randomUUID(),
    pupilIds: [pupilId],
    occurredAt: new Date(env.clock.now().getTime() - 5 * 60_000).toISOString(),
    location: 'Art room',
    account: 'Found a note in their sketchbook saying they feel alone.',
    warningSigns: ['withdrawal'],
    riskOfImmediateHarm: false,
    possibleChildProtection: false,
    medicalEmergency: false,
    ...over,
  });
  if (res.status !== 201) throw new Error(`log failed: ${res.status} ${res.text}`);
  return res.body.id;
}

const bytes = (...parts: (number[] | string)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const FILES = {
  png: bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13], 'IHDR', [0, 0, 0, 1, 0, 0, 0, 1]),
  jpeg: bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF', [0, 1, 1]),
  webp: bytes('RIFF', [26, 0, 0, 0], 'WEBPVP8 ', [0, 0, 0, 0]),
  heic: bytes([0, 0, 0, 24], 'ftypheic', [0, 0, 0, 0], 'mif1heic'),
  heif: bytes([0, 0, 0, 24], 'ftypmif1', [0, 0, 0, 0], 'mif1heic'),
  pdf: bytes('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
  exe: bytes('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0], 'This program cannot be run in DOS mode.'),
};

function upload(client: TestClient, concernId: string, file: Buffer, fileName: string, contentType = 'image/png') {
  return client.request<{
    id: string;
    fileName: string;
    contentType: string;
    size: number;
    error?: { message: string };
  }>('POST', `${school()}/concerns/${concernId}/files?fileName=${encodeURIComponent(fileName)}`, file, {
    'content-type': contentType,
  });
}

describe('attaching files to a concern', () => {
  it('the logger attaches a photo; its type comes from its content; it is stored with its hash and size', async () => {
    const tutor = await env.as('tutor');
    const concernId = await logConcern(tutor);
    const res = await upload(tutor, concernId, FILES.png, 'note.png');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ fileName: 'note.png', contentType: 'image/png', size: FILES.png.length });
    const [row] = await env.deps.database.db.select().from(concernFiles).where(eq(concernFiles.id, res.body.id));
    expect(row).toMatchObject({
      concernId,
      size: FILES.png.length,
      sha256: createHash('sha256').update(FILES.png).digest('hex'),
      data: FILES.png.toString('base64'),
    });
    const odd = await upload(tutor, concernId, FILES.png, '../../C:\\photos\\note\u0007 2.png');
    expect(odd.body.fileName).toBe('note 2.png');
    const [audit] = await env.deps.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'concern.file_added'), eq(auditEvents.subjectId, concernId)));
    expect(audit?.detail).toEqual({ fileId: res.body.id, contentType: 'image/png', size: FILES.png.length });
  });

  it('accepts PNG, JPEG, WebP, HEIC, HEIF and PDF whatever the browser calls them', async () => {
    const tutor = await env.as('tutor');
    const concernId = await logConcern(tutor);
    const cases: [keyof typeof FILES, string, string][] = [
      ['jpeg', 'application/octet-stream', 'image/jpeg'],
      ['webp', 'image/webp', 'image/webp'],
      ['heic', 'image/heic', 'image/heic'],
      ['heif', 'application/octet-stream', 'image/heif'],
      ['pdf', 'application/pdf', 'application/pdf'],
      ['png', 'image/jpeg', 'image/png'],
    ];
    for (const [kind, sentAs, stored] of cases) {
      const res = await upload(tutor, concernId, FILES[kind], `file.${kind}`, sentAs);
      expect(res.status, kind).toBe(201);
      expect(res.body.contentType, kind).toBe(stored);
    }
  });

  it('refuses a program renamed as a photo, with a clear message, and stores nothing', async () => {
    const tutor = await env.as('tutor');
    const concernId = await logConcern(tutor);
    const res = await upload(tutor, concernId, FILES.exe, 'holiday.png', 'image/png');
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toContain('Only photos (PNG, JPEG, WebP or HEIC) and PDF documents');
    const other = await upload(tutor, concernId, FILES.exe, 'setup.exe', 'application/x-msdownload');
    expect(other.status).toBe(400);
    const json = await tutor.post(`${school()}/concerns/${concernId}/files?fileName=a.png`, { file: 'x' });
    expect(json.status).toBe(400);
    const empty = await upload(tutor, concernId, Buffer.alloc(0), 'empty.png');
    expect(empty.status).toBe(400);
    const rows = await env.deps.database.db.select().from(concernFiles).where(eq(concernFiles.concernId, concernId));
    expect(rows).toHaveLength(0);
  });

  it('refuses a file over 5 MB with 413 and says the limit', async () => {
    const tutor = await env.as('tutor');
    const concernId = await logConcern(tutor);
    const big = Buffer.concat([FILES.pdf, Buffer.alloc(5 * 1024 * 1024)]);
    const res = await upload(tutor, concernId, big, 'scan.pdf', 'application/pdf');
    expect(res.status).toBe(413);
    expect(res.body.error?.message).toContain('5 MB');
    const justUnder = Buffer.concat([FILES.pdf, Buffer.alloc(5 * 1024 * 1024 - FILES.pdf.length)]);
    expect((await upload(tutor, concernId, justUnder, 'scan.pdf', 'application/pdf')).status).toBe(201);
  });

  it('allows at most 10 files on one concern', async () => {
    const smhl = await env.as('smhl');
    const concernId = await logConcern(await env.as('tutor'));
    for (let i = 0; i < 10; i++) {
      expect((await upload(smhl, concernId, FILES.jpeg, `photo-${i}.jpg`, 'image/jpeg')).status).toBe(201);
    }
    const eleventh = await upload(smhl, concernId, FILES.jpeg, 'photo-10.jpg', 'image/jpeg');
    expect(eleventh.status).toBe(409);
    expect(eleventh.body.error?.message).toContain('at most 10 files');
  });

  it('the logger may attach only within 24 hours; the lead may attach at any time', async () => {
    const concernId = await logConcern(await env.as('tutor'));
    env.clock.advanceMinutes(24 * 60 + 5);
    const late = await upload(await env.as('tutor'), concernId, FILES.png, 'late.png');
    expect(late.status).toBe(403);
    expect(late.body.error?.message).toContain('first 24 hours');
    expect((await upload(await env.as('smhl'), concernId, FILES.png, 'lead.png')).status).toBe(201);
  });

  const whoMayAttach: [Person, number][] = [
    ['smhl', 201],
    ['sendco', 201],
    ['dsl', 201],
    ['head', 403], // reads the concern but does not work it
    ['pastoral', 403],
    ['support', 404], // not theirs: out of sight
    ['intervention', 404],
    ['otherHead', 404],
    ['parent', 403],
  ];
  it.each(whoMayAttach)('an ordinary concern someone else logged: %s attaching gets %i', async (person, status) => {
    const concernId = await logConcern(await env.as('tutor'));
    const res = await upload(await env.as(person), concernId, FILES.png, 'photo.png');
    expect(res.status).toBe(status);
  });
});

describe('opening a file', () => {
  it('streams the file as a download with its type, nosniff and no-store, and audits it', async () => {
    const tutor = await env.as('tutor');
    const concernId = await logConcern(tutor);
    const added = await upload(tutor, concernId, FILES.pdf, 'letter from home.pdf', 'application/pdf');
    const smhl = await env.as('smhl');
    const res = await smhl.get(`${school()}/concerns/${concernId}/files/${added.body.id}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('attachment');
    expect(res.headers['content-disposition']).toContain('letter%20from%20home.pdf');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(Buffer.from(res.text, 'latin1').subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    const audits = await env.deps.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'concern.file_viewed'), eq(auditEvents.subjectId, concernId)));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorUserId: env.world.userId('smhl'), detail: { fileId: added.body.id } });
  });

  it('the logger opens what they attached, not what the lead added; other staff find nothing', async () => {
    const tutor = await env.as('tutor');
    const concernId = await logConcern(tutor);
    const own = await upload(tutor, concernId, FILES.png, 'mine.png');
    const leads = await upload(await env.as('smhl'), concernId, FILES.png, 'lead.png');
    const url = (id: string) => `${school()}/concerns/${concernId}/files/${id}`;
    expect((await tutor.get(url(own.body.id))).status).toBe(200);
    expect((await tutor.get(url(leads.body.id))).status).toBe(404);
    expect((await (await env.as('head')).get(url(own.body.id))).status).toBe(200);
    expect((await (await env.as('support')).get(url(own.body.id))).status).toBe(404);
    expect((await (await env.as('otherHead')).get(url(own.body.id))).status).toBe(404);
    expect((await tutor.get(url(randomUUID()))).status).toBe(404);
  });

  it('a file on a restricted concern is for the DSL team only: the headteacher, the lead and the logger get 404', async () => {
    const tutor = await env.as('tutor');
    const concernId = await logConcern(tutor, { possibleChildProtection: true });
    const byLogger = await upload(tutor, concernId, FILES.jpeg, 'photo.jpg', 'image/jpeg');
    expect(byLogger.status).toBe(201);
    const dsl = await env.as('dsl');
    const byDsl = await upload(dsl, concernId, FILES.pdf, 'notes.pdf', 'application/pdf');
    expect(byDsl.status).toBe(201);
    const url = (id: string) => `${school()}/concerns/${concernId}/files/${id}`;
    for (const id of [byLogger.body.id, byDsl.body.id]) {
      expect((await dsl.get(url(id))).status).toBe(200);
      expect((await (await env.as('deputyDsl')).get(url(id))).status).toBe(200);
      for (const person of ['head', 'smhl', 'sendco', 'tutor'] as Person[]) {
        const res = await (await env.as(person)).get(url(id));
        expect(res.status, person).toBe(404);
      }
    }
    expect((await upload(await env.as('head'), concernId, FILES.png, 'x.png')).status).toBe(404);
  });
});
