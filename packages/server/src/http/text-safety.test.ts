/**
 * Text that cannot be stored as typed (a NUL, a lone surrogate, bytes that are not UTF-8) is refused
 * with a 400 naming the field, for every route at once; nothing is stored, changed or not.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { concernAddenda, pupils } from '@tandem/core/schema';
import type { PupilProfileResponse } from '@tandem/core';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness';

let env: TestEnv;
let dsl: TestClient;
let concernId: string;
let pupilId: string;

interface Refusal {
  error: { code: string; message: string; fields?: { path: string; message: string }[] };
}

const school = () => `/api/schools/${env.world.kingsmead}`;

beforeAll(async () => {
  env = await createTestEnv();
  dsl = await env.as('dsl');
  const [concern] = await env.deps.database.raw<{ id: string }>(
    `select id from concerns where school_id = $1 and restricted = false order by logged_at limit 1`,
    [env.world.kingsmead],
  );
  const [pupil] = await env.deps.database.raw<{ id: string }>(
    `select id from pupils where school_id = $1 and left_on is null limit 1`,
    [env.world.kingsmead],
  );
  concernId = concern?.id ?? '';
  pupilId = pupil?.id ?? '';
});
afterAll(async () => {
  await env.close();
});

async function addendaCount(): Promise<number> {
  const [row] = await env.deps.database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(concernAddenda)
    .where(eq(concernAddenda.concernId, concernId));
  return row?.n ?? 0;
}

/** Sends a body as it is written, byte for byte, so escapes and bad bytes reach the server. */
function raw(client: TestClient, method: 'POST' | 'PATCH', url: string, body: string | Buffer) {
  return client.request<Refusal>(method, url, body, { 'content-type': 'application/json' });
}

async function detailsVersion(): Promise<number> {
  const res = await dsl.get<PupilProfileResponse>(`${school()}/pupils/${pupilId}`);
  if (res.body.view !== 'case') throw new Error(`expected the case view: ${res.status}`);
  return res.body.pupil.version;
}

describe('text that cannot be stored', () => {
  it('a NUL in a text field is refused naming the field, and nothing is stored', async () => {
    const before = await addendaCount();
    const res = await dsl.post<Refusal>(`${school()}/concerns/${concernId}/addenda`, {
      text: 'Spoke to mum\u0000 today',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation');
    expect(res.body.error.fields).toEqual([
      { path: 'text', message: 'Text contains a character that cannot be stored: remove it and try again' },
    ]);
    expect(res.body.error.message).toBe('Text contains a character that cannot be stored: remove it and try again');
    expect(await addendaCount()).toBe(before);
  });

  it('a lone surrogate ("\\ud800") in JSON is refused naming the field; a real emoji is kept', async () => {
    const url = `${school()}/pupils/${pupilId}`;
    const version = await detailsVersion();
    const lone = await raw(dsl, 'PATCH', url, `{"preferredName":"Liv\\ud800","reason":"x","version":${version}}`);
    expect(lone.status).toBe(400);
    expect(lone.body.error.fields).toEqual([
      {
        path: 'preferredName',
        message: 'Preferred name contains a character that cannot be stored: remove it and try again',
      },
    ]);
    const trailing = await raw(dsl, 'PATCH', url, `{"preferredName":"\\udc00Liv","reason":"x","version":${version}}`);
    expect(trailing.status).toBe(400);
    const [stored] = await env.deps.database.db.select().from(pupils).where(eq(pupils.id, pupilId));
    expect(stored?.detailsVersion).toBe(version);

    // A surrogate pair is a character like any other.
    const pair = await raw(
      dsl,
      'PATCH',
      url,
      `{"preferredName":"Liv \\ud83c\\udf1f","reason":"x","version":${version}}`,
    );
    expect(pair.status).toBe(200);
    const [after] = await env.deps.database.db.select().from(pupils).where(eq(pupils.id, pupilId));
    expect(after?.preferredName).toBe('Liv 🌟');
  });

  it('bytes that are not UTF-8 are refused naming the field, not stored as replacement characters', async () => {
    const before = await addendaCount();
    const body = Buffer.concat([Buffer.from('{"text":"caf'), Buffer.from([0xe9]), Buffer.from(' with mum"}')]);
    const res = await raw(dsl, 'POST', `${school()}/concerns/${concernId}/addenda`, body);
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([
      { path: 'text', message: 'Text contains a character that cannot be stored: remove it and try again' },
    ]);
    expect(await addendaCount()).toBe(before);
    const stored = await env.deps.database.db
      .select({ text: concernAddenda.text })
      .from(concernAddenda)
      .where(and(eq(concernAddenda.concernId, concernId), sql`${concernAddenda.text} like '%' || chr(65533) || '%'`));
    expect(stored).toEqual([]);
  });

  it('a NUL in a search or a nested field is refused too', async () => {
    const search = await dsl.get<Refusal>(`${school()}/pupils?search=ab%00c`);
    expect(search.status).toBe(400);
    expect(search.body.error.fields?.[0]?.path).toBe('search');
    const smhl = await env.as('smhl');
    const plan = await smhl.post<Refusal>(`${school()}/pupils/${pupilId}/plans`, {
      kind: 'risk',
      content: { sections: { risks: 'a\u0000', triggers: 'b', staffMust: 'c', homeDoes: 'd' } },
      reviewDue: '2999-01-01',
      submissionKey: '00000000-0000-4000-8000-000000000001',
    });
    expect(plan.status).toBe(400);
    expect(plan.body.error.fields?.[0]).toEqual({
      path: 'content.sections.risks',
      message: 'Risks contains a character that cannot be stored: remove it and try again',
    });
  });

  it('a CSV import with NUL bytes is refused with a message saying what to do', async () => {
    const admin = await env.as('schoolAdmin');
    const csv = Buffer.from('UPN,Surname,Forename,Date of Birth,NC Year\nA123\u0000,Achebe,Chidi,01/09/2014,7\n');
    const res = await admin.request<Refusal>('POST', `${school()}/imports?kind=pupils&fileName=pupils.csv`, csv, {
      'content-type': 'text/csv',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/not a CSV file Tandem can read.*Save As/);
  });
});
