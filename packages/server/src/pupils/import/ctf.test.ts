import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, inArray } from 'drizzle-orm';
import { makeUpn, schoolDate, type ImportApplyResponse, type ImportPreview } from '@tandem/core';
import { auditEvents, contacts, pupilImports, pupils, schools } from '@tandem/core/schema';
import { createTestEnv, type Person, type TestClient, type TestEnv } from '../../../test/harness';
import { buildCtf, type CtfPupilSpec, type CtfSchoolSpec } from './ctf.test-support';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env.close();
});

interface ErrorBody {
  error: { code: string; message: string; fields?: { path: string; message: string }[] };
}

const importsUrl = (schoolId = env.world.kingsmead) => `/api/schools/${schoolId}/imports`;
/** Kingsmead's DfE number and URN in the demo (demo-data.ts). */
const KINGSMEAD: CtfSchoolSpec = { lea: '999', estab: '4001', urn: '900001', name: 'Kingsmead Academy' };

function upload(
  client: TestClient,
  xml: string,
  options: { confirm?: boolean; schoolId?: string; contentType?: string } = {},
) {
  const query = new URLSearchParams({ kind: 'ctf', fileName: '999LLLL_CTF_9994001_001.xml' });
  if (options.confirm) query.set('confirmOtherDestination', 'true');
  return client.request<ImportPreview>('POST', `${importsUrl(options.schoolId)}?${query.toString()}`, xml, {
    'content-type': options.contentType ?? 'application/xml',
  });
}

function apply(client: TestClient, importId: string) {
  return client.post<ImportApplyResponse>(`${importsUrl()}/${importId}/apply`);
}

/** UPNs in a range of their own. */
const upn = (n: number) => makeUpn(`97${String(n).padStart(10, '0')}`);

/** An ISO date of birth for a pupil of this age today. */
function dob(age: number): string {
  const [y, m, d] = schoolDate(new Date()).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y - age, m - 1, d - 40)).toISOString().slice(0, 10);
}

async function pupilByUpn(value: string) {
  const [row] = await env.deps.database.db
    .select()
    .from(pupils)
    .where(and(eq(pupils.schoolId, env.world.kingsmead), eq(pupils.upn, value)));
  return row;
}

async function contactsOf(pupilId: string) {
  return env.deps.database.db.select().from(contacts).where(eq(contacts.pupilId, pupilId)).orderBy(contacts.priority);
}

async function counts() {
  const db = env.deps.database.db;
  const [p] = await db.select({ n: count() }).from(pupils);
  const [c] = await db.select({ n: count() }).from(contacts);
  const [i] = await db.select({ n: count() }).from(pupilImports);
  return { pupils: p?.n, contacts: c?.n, imports: i?.n };
}

const threePupils = (): CtfPupilSpec[] => [
  {
    upn: upn(1),
    surname: 'Ashdown',
    forename: 'Robin',
    preferredForename: 'Rob',
    dob: dob(11),
    sex: 'M',
    ncYear: '7',
    firstLanguage: 'ENG',
    sen: [
      { start: '2022-09-01', provision: 'K' },
      { start: '2024-01-10', provision: 'E' },
    ],
    contacts: [
      {
        title: 'Ms',
        forename: 'Jane',
        surname: 'Ashdown',
        relationship: 'PAR',
        responsibility: true,
        phones: [
          { type: 'H', number: '01632 960001' },
          { type: 'M', number: '07700 900001' },
        ],
        email: 'jane.ashdown@example.org',
      },
      { title: 'Mr', forename: 'Paul', surname: 'Ashdown', relationship: 'STP', responsibility: false },
    ],
  },
  {
    upn: upn(2),
    surname: 'Baptiste',
    forename: 'Amara',
    dob: dob(12),
    sex: 'F',
    ncYear: '8',
    firstLanguage: 'POR',
    inCare: true,
    contacts: [
      {
        forename: 'Tom',
        surname: 'Reid',
        relationship: 'SWR',
        responsibility: false,
        phones: [{ type: 'W', number: '01632 960099' }],
      },
      {
        forename: 'Lena',
        surname: 'Okoro',
        relationship: 'FOF',
        responsibility: false,
        email: 'lena.okoro@example.org',
      },
    ],
  },
  {
    upn: upn(3),
    surname: 'Carr',
    forename: 'Dylan',
    dob: dob(11),
    sex: 'M',
    ncYear: '7',
    firstLanguage: 'ENB',
    fsm: [{ start: '2023-09-01' }],
    contacts: [{ title: 'Mrs', forename: 'Kay', surname: 'Carr', relationship: 'PAR', responsibility: true }],
  },
];

describe('importing pupils and contacts from a common transfer file', () => {
  it('previews pupils and contacts together, applies them all, and re-imports as unchanged', async () => {
    const admin = await env.as('schoolAdmin');
    const xml = buildCtf({ dest: KINGSMEAD, pupils: threePupils() });
    const preview = await upload(admin, xml);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      kind: 'ctf',
      totalRows: 3,
      toAdd: 3,
      toUpdate: 0,
      toMarkLeft: 0,
      errorCount: 0,
      markLeavers: false,
    });
    expect(preview.body.ctf).toMatchObject({
      sourceSchool: 'Elmfield Primary School (DfE 999/2001, URN 990001)',
      destination: 'Kingsmead Academy (DfE 999/4001, URN 900001)',
      otherDestinationConfirmed: false,
      contacts: { totalRows: 5, toAdd: 5, toUpdate: 0, unchanged: 0 },
    });
    expect(preview.body.ctf?.unchangedFields).toContain('Form (a CTF has no registration group)');
    expect(preview.body.sample.adds.map((s) => s.label)).toEqual(['Robin Ashdown', 'Amara Baptiste', 'Dylan Carr']);
    // Nothing is written until applied.
    expect(await pupilByUpn(upn(1))).toBeUndefined();

    const applied = await apply(admin, preview.body.importId);
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ kind: 'ctf', added: 3, updated: 0, markedLeft: 0 });

    const robin = await pupilByUpn(upn(1));
    expect(robin).toMatchObject({
      givenName: 'Robin',
      familyName: 'Ashdown',
      preferredName: 'Rob',
      dateOfBirth: dob(11),
      sex: 'male',
      yearGroup: 7,
      form: '',
      send: 'ehcp',
      eal: false,
      lookedAfter: false,
      pupilPremium: false,
      leftOn: null,
    });
    const amara = await pupilByUpn(upn(2));
    expect(amara).toMatchObject({ sex: 'female', yearGroup: 8, send: 'none', eal: true, lookedAfter: true });
    expect(amara?.pupilPremium).toBe(true);
    const dylan = await pupilByUpn(upn(3));
    expect(dylan).toMatchObject({ eal: false, pupilPremium: true, lookedAfter: false });

    const robinContacts = await contactsOf(robin?.id ?? '');
    expect(
      robinContacts.map((c) => [
        c.name,
        c.title,
        c.relationship,
        c.parentalResponsibility,
        c.phone,
        c.email,
        c.priority,
      ]),
    ).toEqual([
      ['Ms Jane Ashdown', 'Ms', 'Parent', true, '07700 900001', 'jane.ashdown@example.org', 1],
      ['Mr Paul Ashdown', 'Mr', 'Step-parent', false, null, null, 2],
    ]);
    const amaraContacts = await contactsOf(amara?.id ?? '');
    expect(amaraContacts.map((c) => [c.name, c.relationship, c.phone, c.email])).toEqual([
      ['Tom Reid', 'Social worker', '01632 960099', null],
      ['Lena Okoro', 'Foster parent', null, 'lena.okoro@example.org'],
    ]);

    // The same file again changes nothing.
    const again = await upload(admin, xml);
    expect(again.body).toMatchObject({ toAdd: 0, toUpdate: 0, unchanged: 3, errorCount: 0 });
    expect(again.body.ctf?.contacts).toEqual({ totalRows: 5, toAdd: 0, toUpdate: 0, unchanged: 5 });

    // Audited with identifiers and counts, never a name.
    const audit = await env.deps.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, preview.body.importId));
    expect(audit.map((a) => a.action).sort()).toEqual(['pupil.import_applied', 'pupil.import_previewed']);
    expect(JSON.stringify(audit)).not.toMatch(/Ashdown|Baptiste|Carr/);
  });

  it('a partial CTF with one joining pupil adds that pupil and marks nobody as left', async () => {
    const admin = await env.as('schoolAdmin');
    const onRoll = async () => {
      const [r] = await env.deps.database.db
        .select({ n: count() })
        .from(pupils)
        .where(and(eq(pupils.schoolId, env.world.kingsmead)));
      return r?.n ?? 0;
    };
    const before = await onRoll();
    const joining: CtfPupilSpec = {
      upn: upn(10),
      surname: 'Dalton',
      forename: 'Esme',
      dob: dob(13),
      sex: 'F',
      ncYear: '9',
      firstLanguage: 'ENG',
      contacts: [{ forename: 'Mia', surname: 'Dalton', relationship: 'PAR', responsibility: true }],
    };
    const preview = await upload(admin, buildCtf({ dest: KINGSMEAD, qualifier: 'partial', pupils: [joining] }));
    expect(preview.body).toMatchObject({ totalRows: 1, toAdd: 1, toMarkLeft: 0, errorCount: 0 });
    expect((await apply(admin, preview.body.importId)).body).toMatchObject({ added: 1, markedLeft: 0 });
    expect(await onRoll()).toBe(before + 1);
    const esme = await pupilByUpn(upn(10));
    expect(esme).toMatchObject({ yearGroup: 9, leftOn: null });
    expect((await contactsOf(esme?.id ?? '')).map((c) => c.name)).toEqual(['Mia Dalton']);
  });

  it('updates a pupil it already has and leaves what a CTF does not carry as it is', async () => {
    const admin = await env.as('schoolAdmin');
    const pupil = await pupilByUpn(upn(3));
    await env.deps.database.db
      .update(pupils)
      .set({ form: '7C', childInNeed: true })
      .where(eq(pupils.id, pupil?.id ?? ''));
    const moved = threePupils().filter((p) => p.upn === upn(3));
    moved[0] = { ...moved[0], ncYear: '8' } as CtfPupilSpec;
    const preview = await upload(admin, buildCtf({ dest: KINGSMEAD, pupils: moved }));
    expect(preview.body).toMatchObject({ toAdd: 0, toUpdate: 1, errorCount: 0 });
    expect(preview.body.sample.updates[0]?.changes).toEqual([{ field: 'Year group', from: 7, to: 8 }]);
    await apply(admin, preview.body.importId);
    expect(await pupilByUpn(upn(3))).toMatchObject({ yearGroup: 8, form: '7C', childInNeed: true });
  });
});

describe('a file that cannot be imported', () => {
  it('bad XML gets a clear message naming the line, and nothing is stored', async () => {
    const admin = await env.as('schoolAdmin');
    const before = await counts();
    const broken = buildCtf({ dest: KINGSMEAD, pupils: threePupils() }).replace('</Forename>', '</Forname>');
    const res = await upload(admin, broken);
    expect(res.status).toBe(400);
    const body = res.body as unknown as ErrorBody;
    expect(body.error.message).toMatch(/^The file is not well-formed XML: line \d+, column \d+/);
    expect(await counts()).toEqual(before);
  });

  it('refuses a DOCTYPE (no entities are ever expanded) and a file that is not a CTF', async () => {
    const admin = await env.as('schoolAdmin');
    const before = await counts();
    const xxe = `<?xml version="1.0"?><!DOCTYPE CTfile [<!ENTITY x SYSTEM "file:///etc/passwd">]><CTfile>&x;</CTfile>`;
    const res = await upload(admin, xxe);
    expect(res.status).toBe(400);
    expect((res.body as unknown as ErrorBody).error.message).toMatch(/document type/);
    const other = await upload(admin, '<?xml version="1.0"?><Message><Header/></Message>');
    expect(other.status).toBe(400);
    expect((other.body as unknown as ErrorBody).error.message).toMatch(/not a common transfer file/);
    const noPupils = await upload(admin, buildCtf({ dest: KINGSMEAD, pupils: [] }));
    expect(noPupils.status).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('a pupil missing a required element is listed and the file cannot be applied', async () => {
    const admin = await env.as('schoolAdmin');
    const before = await counts();
    const pupilsInFile = threePupils().map((p) => ({ ...p, upn: upn(Number(p.upn.slice(-3)) + 20) }));
    delete (pupilsInFile[1] as Partial<CtfPupilSpec>).surname;
    const preview = await upload(admin, buildCtf({ dest: KINGSMEAD, pupils: pupilsInFile }));
    expect(preview.status).toBe(200);
    expect(preview.body.errorCount).toBe(1);
    expect(preview.body.errors[0]).toMatchObject({ line: 2, column: 'Surname', message: 'The surname is missing.' });
    const res = await apply(admin, preview.body.importId);
    expect(res.status).toBe(400);
    // One failing pupil means nothing is applied: not the other two, nor any contact.
    const after = await counts();
    expect([after.pupils, after.contacts]).toEqual([before.pupils, before.contacts]);
  });

  it('checks UPNs, dates, year groups, codes and contacts as the CSV import does', async () => {
    const admin = await env.as('schoolAdmin');
    const bad = buildCtf({
      dest: KINGSMEAD,
      pupils: [
        { upn: upn(30).replace(/^./, (c) => (c === 'A' ? 'B' : 'A')), surname: 'A', forename: 'B', dob: dob(11) },
        {
          upn: upn(31),
          surname: 'C',
          forename: 'D',
          dob: '2099-01-01',
          ncYear: 'X',
          sen: [{ start: '2024-01-01', provision: 'Q' }],
        },
        { upn: upn(31), surname: 'E', forename: 'F', dob: dob(11), sex: 'Z' },
        {
          upn: upn(32),
          surname: 'G',
          forename: 'H',
          dob: dob(11),
          contacts: [{ forename: 'I', surname: 'J', email: 'not-an-email' }],
        },
      ],
    });
    const preview = await upload(admin, bad);
    const messages = preview.body.errors.map((e) => `${String(e.line)} ${e.column ?? ''}: ${e.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/^1 UPN: The UPN .* has the wrong check letter/),
      expect.stringMatching(/^2 Date of birth: .* is in the future/),
      expect.stringMatching(/^2 Year group: "X" is an unknown year group/),
      expect.stringMatching(/^2 SEN: The SEN status "Q" is not recognised/),
      expect.stringMatching(/^3 Sex: /),
      expect.stringMatching(/^3 UPN: The UPN .* appears more than once in the file: it is also pupil 2/),
      expect.stringMatching(/^4 Email: "not-an-email" is not a valid email address/),
    ]);
  });
});

describe('the school a CTF is addressed to', () => {
  const joining = (n: number): CtfPupilSpec => ({
    upn: upn(n),
    surname: 'Fenn',
    forename: 'Gil',
    dob: dob(12),
    ncYear: '8',
  });

  it('refuses a file for another school unless the importer confirms it', async () => {
    const admin = await env.as('schoolAdmin');
    const before = await counts();
    const xml = buildCtf({
      dest: { lea: '888', estab: '4321', urn: '777777', name: 'Hillside School' },
      pupils: [joining(40)],
    });
    const refused = await upload(admin, xml);
    expect(refused.status).toBe(409);
    const body = refused.body as unknown as ErrorBody;
    expect(body.error.message).toBe(
      'This file is addressed to Hillside School (DfE 888/4321, URN 777777), not Kingsmead Academy (DfE 999/4001, URN 900001). Check you have the right file. If it is meant for your school, confirm and check it again.',
    );
    expect(body.error.fields?.[0]?.path).toBe('confirmOtherDestination');
    expect(await counts()).toEqual(before);

    const confirmed = await upload(admin, xml, { confirm: true });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.ctf).toMatchObject({
      otherDestinationConfirmed: true,
      destination: expect.stringMatching(/^Hillside/),
    });
    expect((await apply(admin, confirmed.body.importId)).body).toMatchObject({ added: 1 });
    const [audited] = await env.deps.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, confirmed.body.importId), eq(auditEvents.action, 'pupil.import_previewed')));
    expect(audited?.detail).toMatchObject({ kind: 'ctf', otherDestination: true });
  });

  it("accepts a file naming only the school's DfE number (LEA and Estab), without confirmation", async () => {
    const admin = await env.as('schoolAdmin');
    const res = await upload(admin, buildCtf({ dest: { lea: '999', estab: '4001' }, pupils: [joining(41)] }));
    expect(res.status).toBe(200);
    expect(res.body.ctf).toMatchObject({ destination: 'DfE 999/4001', otherDestinationConfirmed: false });
  });

  it('refuses a file naming only another DfE number unless the importer confirms it', async () => {
    const admin = await env.as('schoolAdmin');
    const before = await counts();
    const xml = buildCtf({ dest: { lea: '888', estab: '4321', name: 'Hillside School' }, pupils: [joining(43)] });
    const refused = await upload(admin, xml);
    expect(refused.status).toBe(409);
    const body = refused.body as unknown as ErrorBody;
    expect(body.error.message).toBe(
      'This file is addressed to Hillside School (DfE 888/4321), not Kingsmead Academy (DfE 999/4001, URN 900001). Check you have the right file. If it is meant for your school, confirm and check it again.',
    );
    expect(body.error.fields?.[0]?.path).toBe('confirmOtherDestination');
    expect(await counts()).toEqual(before);
    expect((await upload(admin, xml, { confirm: true })).status).toBe(200);
  });

  it('asks for confirmation when the school has neither a DfE number nor a URN to compare', async () => {
    const admin = await env.as('schoolAdmin');
    const db = env.deps.database.db;
    await db.update(schools).set({ urn: null, dfeNumber: null }).where(eq(schools.id, env.world.kingsmead));
    try {
      const xml = buildCtf({ dest: KINGSMEAD, pupils: [joining(44)] });
      const before = await counts();
      const asked = await upload(admin, xml);
      expect(asked.status).toBe(409);
      const body = asked.body as unknown as ErrorBody;
      expect(body.error.message).toMatch(
        /^This file is addressed to Kingsmead Academy \(DfE 999\/4001, URN 900001\)\. Tandem cannot check it is for Kingsmead Academy, because/,
      );
      expect(body.error.fields?.[0]?.path).toBe('confirmOtherDestination');
      expect(await counts()).toEqual(before);
      const confirmed = await upload(admin, xml, { confirm: true });
      expect(confirmed.status).toBe(200);
      expect(confirmed.body.ctf?.otherDestinationConfirmed).toBe(true);
    } finally {
      await db.update(schools).set({ urn: '900001', dfeNumber: '9994001' }).where(eq(schools.id, env.world.kingsmead));
    }
  });

  it.each<[string, CtfSchoolSpec | undefined]>([
    ['no destination', undefined],
    ['destination not known (MMM)', { lea: 'MMM', estab: 'MMMM' }],
    ['outside the maintained sector (XXX)', { lea: 'XXX', estab: 'XXXX' }],
  ])('accepts a file with %s', async (_what, dest) => {
    const admin = await env.as('schoolAdmin');
    const res = await upload(admin, buildCtf(dest ? { dest, pupils: [joining(42)] } : { pupils: [joining(42)] }));
    expect(res.status).toBe(200);
    expect(res.body.ctf?.destination).toBeNull();
  });
});

describe('who may import a CTF', () => {
  const xml = () =>
    buildCtf({ dest: KINGSMEAD, pupils: [{ upn: upn(50), surname: 'Hale', forename: 'Ida', dob: dob(11) }] });

  it.each<[Person, number]>([
    ['schoolAdmin', 200],
    ['smhl', 200],
    ['tutor', 403],
    ['parent', 403],
    ['pupil', 403],
    ['otherHead', 404],
  ])('%s uploading to Kingsmead gets %i', async (person, status) => {
    const client = await env.as(person);
    expect((await upload(client, xml())).status).toBe(status);
  });

  it('a CTF preview is applied only by the import roles of its own school', async () => {
    const admin = await env.as('schoolAdmin');
    const preview = await upload(admin, xml());
    const id = preview.body.importId;
    expect((await (await env.as('tutor')).post(`${importsUrl()}/${id}/apply`)).status).toBe(403);
    expect((await (await env.as('otherHead')).post(`${importsUrl()}/${id}/apply`)).status).toBe(404);
    const [still] = await env.deps.database.db
      .select({ n: count() })
      .from(pupils)
      .where(inArray(pupils.upn, [upn(50)]));
    expect(still?.n).toBe(0);
  });
});
