/**
 * Whole-school documents, through HTTP: any member of staff uploads and opens the school's
 * documents; the trust's curators keep shared ones that every school of the trust may open;
 * the type comes from the bytes; families, other schools and other trusts' people get nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents, documents } from '@tandem/core/schema';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env.close();
});

const school = () => `/api/schools/${env.world.kingsmead}`;
const otherSchool = () => `/api/schools/${env.world.willow}`;
const trust = () => `/api/trusts/${env.world.trustId}`;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');
/** The start of a Word document: a zip whose first parts are the content types and word/. */
const DOCX = Buffer.concat([
  Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0]),
  Buffer.from('[Content_Types].xml ... PK word/document.xml', 'latin1'),
]);
const XLSX = Buffer.concat([
  Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0]),
  Buffer.from('[Content_Types].xml ... PK xl/workbook.xml', 'latin1'),
]);
const ZIP = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('holiday-photos/a.jpg', 'latin1')]);
const TEXT = Buffer.from('Just some words in a text file', 'utf8');

type Uploaded = { id: string; fileName: string; contentType: string; size: number; error?: { message: string } };
const upload = (client: TestClient, base: string, file: Buffer, fileName: string, type = 'application/octet-stream') =>
  client.request<Uploaded>('POST', `${base}/documents?fileName=${encodeURIComponent(fileName)}`, file, {
    'content-type': type,
  });

describe('school documents', () => {
  it('a teacher uploads a policy PDF; its type comes from its bytes; a colleague downloads it; both are audited', async () => {
    const tutor = await env.as('tutor');
    const res = await upload(tutor, school(), PDF, '../Anti-bullying policy.pdf', 'image/png');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      fileName: 'Anti-bullying policy.pdf',
      contentType: 'application/pdf',
      size: PDF.length,
    });

    const support = await env.as('support');
    const got = await support.get(`${school()}/documents/${res.body.id}`);
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(String(got.headers['content-disposition'])).toContain('Anti-bullying policy.pdf');
    expect(got.raw.equals(PDF)).toBe(true);

    const trail = await env.deps.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, res.body.id));
    expect(trail.map((e) => e.action).sort()).toEqual(['document.downloaded', 'document.uploaded']);
  });

  it('takes Word and Excel files by their parts, and refuses a plain zip, a text file and an empty file, storing nothing', async () => {
    const smhl = await env.as('smhl');
    expect((await upload(smhl, school(), DOCX, 'Policy.docx')).body.contentType).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect((await upload(smhl, school(), XLSX, 'Figures.xlsx')).body.contentType).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const before = (await env.deps.database.db.select({ id: documents.id }).from(documents)).length;
    for (const [file, name] of [
      [ZIP, 'photos.docx'],
      [TEXT, 'notes.pdf'],
      [Buffer.alloc(0), 'empty.pdf'],
    ] as const) {
      const res = await upload(smhl, school(), file, name);
      expect(res.status, name).toBe(400);
      expect(res.body.error?.message).toMatch(/cannot be added|empty/);
    }
    expect((await env.deps.database.db.select({ id: documents.id }).from(documents)).length).toBe(before);
  });

  it('a parent, a pupil and a member of another school cannot upload or open the school’s documents', async () => {
    const smhl = await env.as('smhl');
    const doc = await upload(smhl, school(), PDF, 'Wellbeing policy.pdf');
    for (const person of ['parent', 'pupil'] as const) {
      const client = await env.as(person);
      expect((await client.get(`${school()}/documents/${doc.body.id}`)).status, person).toBe(403);
      expect((await upload(client, school(), PDF, 'x.pdf')).status, person).toBe(403);
    }
    const other = await env.as('otherHead');
    expect((await other.get(`${school()}/documents/${doc.body.id}`)).status).toBe(404);
    // Not through their own school either: the document is Kingsmead's own.
    expect((await other.get(`${otherSchool()}/documents/${doc.body.id}`)).status).toBe(404);
  });
});

describe("the trust's shared documents", () => {
  it('a trust curator uploads one; staff of every school of the trust open it; a teacher cannot use the trust routes', async () => {
    const curator = await env.as('trustLead');
    const res = await upload(curator, trust(), PDF, 'Five ways to wellbeing.pdf');
    expect(res.status).toBe(201);
    expect((await curator.get(`${trust()}/documents/${res.body.id}`)).status).toBe(200);
    for (const [person, base] of [
      ['tutor', school()],
      ['otherTeacher', otherSchool()],
    ] as const) {
      const got = await (await env.as(person)).get(`${base}/documents/${res.body.id}`);
      expect(got.status, person).toBe(200);
      expect(got.raw.equals(PDF)).toBe(true);
    }
    const tutor = await env.as('tutor');
    expect((await upload(tutor, trust(), PDF, 'x.pdf')).status).toBe(404);
    expect((await tutor.get(`${trust()}/documents/${res.body.id}`)).status).toBe(404);
  });

  it("a school's own document is not the trust's: the trust route does not open it", async () => {
    const smhl = await env.as('smhl');
    const doc = await upload(smhl, school(), PDF, 'Kingsmead only.pdf');
    const curator = await env.as('trustAdmin');
    expect((await curator.get(`${trust()}/documents/${doc.body.id}`)).status).toBe(404);
  });
});
