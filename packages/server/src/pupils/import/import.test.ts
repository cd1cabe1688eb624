import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import {
  makeUpn,
  schoolDate,
  type ImportApplyResponse,
  type ImportPreview,
  type ImportStatusResponse,
} from '@tandem/core';
import {
  auditEvents,
  contacts,
  pupilImports,
  pupils,
  roleAssignments,
  teachingGroupPupils,
  teachingGroups,
  teachingGroupStaff,
} from '@tandem/core/schema';
import { createTestEnv, PEOPLE, type Person, type TestClient, type TestEnv } from '../../../test/harness';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env.close();
});

interface ErrorBody {
  error: { code: string; message: string };
}

const importsUrl = (schoolId = env.world.kingsmead) => `/api/schools/${schoolId}/imports`;

function upload(
  client: TestClient,
  kind: 'pupils' | 'contacts' | 'groups',
  file: string | Buffer,
  options: { markLeavers?: boolean; fileName?: string; schoolId?: string; contentType?: string } = {},
) {
  const query = new URLSearchParams({ kind, fileName: options.fileName ?? `${kind}.csv` });
  if (options.markLeavers) query.set('markLeavers', 'true');
  return client.request<ImportPreview>('POST', `${importsUrl(options.schoolId)}?${query.toString()}`, file, {
    'content-type': options.contentType ?? 'text/csv',
  });
}

function apply(client: TestClient, importId: string) {
  return client.post<ImportApplyResponse>(`${importsUrl()}/${importId}/apply`);
}

/** A UPN for test pupils: a different range from the demo's. */
const upn = (n: number) => makeUpn(`91${String(n).padStart(10, '0')}`);

/** A date of birth, as DD/MM/YYYY, for a pupil of this age today. */
function dob(age: number, daysOlder = 40): string {
  const today = schoolDate(new Date());
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y - age, m - 1, d - daysOlder));
  return `${String(date.getUTCDate()).padStart(2, '0')}/${String(date.getUTCMonth() + 1).padStart(2, '0')}/${date.getUTCFullYear()}`;
}

const SIMS_HEADER = 'UPN,Legal Surname,Legal Forename,Preferred Forename,DOB,Year,Reg Group,SEN Status,PP,CLA,CIN,EAL';

async function pupilByUpn(value: string) {
  const [row] = await env.deps.database.db
    .select()
    .from(pupils)
    .where(and(eq(pupils.schoolId, env.world.kingsmead), eq(pupils.upn, value)));
  return row;
}

async function importCount(): Promise<number> {
  const [row] = await env.deps.database.db.select({ n: count() }).from(pupilImports);
  return row?.n ?? 0;
}

describe('importing pupils', () => {
  const file = [
    SIMS_HEADER,
    `${upn(1)},Achebe,Chidi,,${dob(11)},Year 7,7K,N,Y,N,N,Y`,
    `${upn(2)},Barker,Ellie,Ellie,${dob(12)},Y8,8W,K,N,N,Y,N`,
    `${upn(3).toLowerCase()},Cole,Samuel,Sam,${dob(13)},9,9K,E,1,0,,`,
  ].join('\n');

  it('the school administrator checks a SIMS export, sees three pupils to add, and applies it', async () => {
    const admin = await env.as('schoolAdmin');
    const preview = await upload(admin, 'pupils', file);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      kind: 'pupils',
      fileName: 'pupils.csv',
      status: 'previewed',
      totalRows: 3,
      toAdd: 3,
      toUpdate: 0,
      unchanged: 0,
      toMarkLeft: 0,
      errorCount: 0,
      errors: [],
      ignoredColumns: [],
    });
    expect(preview.body.sample.adds.map((a) => [a.line, a.key, a.label, a.detail])).toEqual([
      [2, upn(1), 'Chidi Achebe', 'Year 7, 7K'],
      [3, upn(2), 'Ellie Barker', 'Year 8, 8W'],
      [4, upn(3), 'Samuel Cole', 'Year 9, 9K'],
    ]);
    // Nothing is written until the preview is applied.
    expect(await pupilByUpn(upn(1))).toBeUndefined();

    const status = await admin.get<ImportStatusResponse>(`${importsUrl()}/${preview.body.importId}`);
    expect(status.body).toMatchObject({ status: 'previewed', progress: null, createdByName: 'Jo Bennett' });

    const applied = await apply(admin, preview.body.importId);
    expect(applied.status).toBe(200);
    expect(applied.body).toEqual({
      importId: preview.body.importId,
      kind: 'pupils',
      status: 'applied',
      added: 3,
      updated: 0,
      unchanged: 0,
      markedLeft: 0,
    });
    expect(await pupilByUpn(upn(1))).toMatchObject({
      givenName: 'Chidi',
      familyName: 'Achebe',
      preferredName: null,
      yearGroup: 7,
      form: '7K',
      send: 'none',
      pupilPremium: true,
      eal: true,
      leftOn: null,
    });
    // The preferred name equal to the legal one is not kept; a lower-case UPN is stored upper-case.
    expect(await pupilByUpn(upn(2))).toMatchObject({ preferredName: null, send: 'support', childInNeed: true });
    expect(await pupilByUpn(upn(3))).toMatchObject({ preferredName: 'Sam', send: 'ehcp', pupilPremium: true });

    const after = await admin.get<ImportStatusResponse>(`${importsUrl()}/${preview.body.importId}`);
    expect(after.body).toMatchObject({
      status: 'applied',
      progress: null,
      summary: { toAdd: 3, applied: { added: 3, updated: 0, unchanged: 0, markedLeft: 0 } },
    });
    expect(after.body.appliedAt).not.toBeNull();

    // The audit trail records both steps with identifiers and counts, never a pupil's name.
    const audit = await env.deps.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, preview.body.importId));
    expect(audit.map((a) => [a.action, a.detail])).toEqual([
      ['pupil.import_previewed', { importId: preview.body.importId, kind: 'pupils', rows: 3, errors: 0 }],
      ['pupil.import_applied', { importId: preview.body.importId, kind: 'pupils', added: 3, updated: 0, left: 0 }],
    ]);
    expect(JSON.stringify(audit)).not.toContain('Achebe');

    // Applying the same preview again is refused.
    const again = await apply(admin, preview.body.importId);
    expect(again.status).toBe(409);
    expect((again.body as unknown as ErrorBody).error.message).toContain('already been imported');
  });

  it('importing the same file again changes nothing', async () => {
    const admin = await env.as('schoolAdmin');
    const preview = await upload(admin, 'pupils', file);
    expect(preview.body).toMatchObject({ toAdd: 0, toUpdate: 0, unchanged: 3, toMarkLeft: 0, errors: [] });
    const applied = await apply(admin, preview.body.importId);
    expect(applied.body).toMatchObject({ added: 0, updated: 0, unchanged: 3, markedLeft: 0 });
  });

  it('a pupil who moves form is updated, with the change shown first', async () => {
    const smhl = await env.as('smhl');
    const moved = file.replace(`,Y8,8W,`, `,Y8,8K,`);
    const preview = await upload(smhl, 'pupils', moved);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ toAdd: 0, toUpdate: 1, unchanged: 2 });
    expect(preview.body.sample.updates).toEqual([
      {
        line: 3,
        key: upn(2),
        label: 'Ellie Barker',
        detail: 'Year 8, 8K',
        changes: [{ field: 'Form', from: '8W', to: '8K' }],
      },
    ]);
    const applied = await apply(smhl, preview.body.importId);
    expect(applied.body).toMatchObject({ added: 0, updated: 1, unchanged: 2 });
    expect((await pupilByUpn(upn(2)))?.form).toBe('8K');
  });

  it('a column the file does not have is left as it is', async () => {
    const admin = await env.as('schoolAdmin');
    const narrow = ['UPN,Surname,Forename,Date of Birth,NC Year', `${upn(1)},Achebe,Chidi,${dob(11)},7`].join('\n');
    const preview = await upload(admin, 'pupils', narrow);
    expect(preview.body).toMatchObject({ toAdd: 0, toUpdate: 0, unchanged: 1, errors: [] });
    expect((await pupilByUpn(upn(1)))?.form).toBe('7K');
  });

  it('a Sex column is read, shown as a change, applied, and shown with the pupil’s details', async () => {
    const admin = await env.as('schoolAdmin');
    const header = 'UPN,Surname,Forename,Date of Birth,NC Year,Gender';
    const withSex = [
      header,
      `${upn(1)},Achebe,Chidi,${dob(11)},7,M`,
      `${upn(2)},Barker,Ellie,${dob(12)},8,female`,
      `${upn(3)},Cole,Samuel,${dob(13)},9,`,
    ].join('\n');
    const preview = await upload(admin, 'pupils', withSex);
    expect(preview.body).toMatchObject({ toAdd: 0, toUpdate: 2, unchanged: 1, errors: [], ignoredColumns: [] });
    expect(preview.body.sample.updates.map((u) => u.changes)).toEqual([
      [{ field: 'Sex', from: null, to: 'male' }],
      [{ field: 'Sex', from: null, to: 'female' }],
    ]);
    await apply(admin, preview.body.importId);
    expect((await pupilByUpn(upn(1)))?.sex).toBe('male');
    expect((await pupilByUpn(upn(2)))?.sex).toBe('female');
    expect((await pupilByUpn(upn(3)))?.sex).toBeNull();

    // A file without the column leaves it as it is; one with a blank cell clears it, as for other columns.
    const narrow = await upload(
      admin,
      'pupils',
      ['UPN,Surname,Forename,DOB,Year', `${upn(1)},Achebe,Chidi,${dob(11)},7`].join('\n'),
    );
    expect(narrow.body).toMatchObject({ toUpdate: 0, unchanged: 1 });
    const blank = await upload(admin, 'pupils', [header, `${upn(1)},Achebe,Chidi,${dob(11)},7,`].join('\n'));
    expect(blank.body.sample.updates.map((u) => u.changes)).toEqual([[{ field: 'Sex', from: 'male', to: null }]]);

    // Anything other than F, M, Female or Male is a row problem.
    const odd = await upload(admin, 'pupils', [header, `${upn(1)},Achebe,Chidi,${dob(11)},7,X`].join('\n'));
    expect(odd.body.errors).toEqual([
      {
        line: 2,
        column: 'Sex',
        message: 'The sex "X" is not recognised. Use F (female) or M (male), or leave it blank.',
        upn: upn(1),
        pupilName: 'Chidi Achebe',
      },
    ]);

    const smhl = await env.as('smhl');
    const pupil = await pupilByUpn(upn(2));
    const profile = await smhl.get<{ view: string; pupil: { sex: string | null } }>(
      `/api/schools/${env.world.kingsmead}/pupils/${pupil?.id ?? ''}`,
    );
    expect(profile.body).toMatchObject({ view: 'case', pupil: { sex: 'female' } });
  });

  it('a file with a byte-order mark and Windows line endings is read like any other', async () => {
    const admin = await env.as('schoolAdmin');
    const crlf = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(
        [SIMS_HEADER, `${upn(10)},Dlamini,Thandi,,${dob(14)},Year 10,10W,N,N,N,N,N`, ''].join('\r\n'),
        'utf8',
      ),
    ]);
    const preview = await upload(admin, 'pupils', crlf);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ totalRows: 1, toAdd: 1, errors: [], ignoredColumns: [] });
    await apply(admin, preview.body.importId);
    expect(await pupilByUpn(upn(10))).toMatchObject({ familyName: 'Dlamini', form: '10W', yearGroup: 10 });
  });

  it('quoted fields may hold commas and quotes; Windows-1252 and semicolons are understood', async () => {
    const admin = await env.as('schoolAdmin');
    const quoted = [
      'UPN,Surname,Forename,Preferred name,DOB,Year Group,Form',
      `${upn(11)},"Smith, Jones",Mary-Jane,"Mary ""MJ"" Jane",${dob(11)},7,7W`,
    ].join('\n');
    const preview = await upload(admin, 'pupils', quoted);
    expect(preview.body).toMatchObject({ toAdd: 1, errors: [] });
    await apply(admin, preview.body.importId);
    expect(await pupilByUpn(upn(11))).toMatchObject({ familyName: 'Smith, Jones', preferredName: 'Mary "MJ" Jane' });

    const latin = Buffer.from(
      ['UPN;Surname;Forename;DOB;Year;Form', `${upn(12)};O\u2019Brien;Zo\u00eb;${dob(12)};8;8W`].join('\r\n'),
      'latin1',
    );
    // Build real Windows-1252 bytes: ’ is 0x92 there.
    latin[latin.indexOf(0x19)] = 0x92;
    const p2 = await upload(admin, 'pupils', latin);
    expect(p2.body).toMatchObject({ toAdd: 1, errors: [] });
    expect(p2.body.sample.adds[0]?.label).toBe('Zo\u00eb O\u2019Brien');
  });

  it('every invalid row is listed with its line number and why, and the file cannot be applied', async () => {
    const admin = await env.as('schoolAdmin');
    const wrongLetter = (upn(21).startsWith('A') ? 'B' : 'A') + upn(21).slice(1);
    const bad = [
      SIMS_HEADER,
      `${upn(20)},Good,Row,,${dob(11)},7,7K,N,N,N,N,N`,
      `,Nobody,Missing,,${dob(11)},7,7K,N,N,N,N,N`,
      `${wrongLetter},Wrong,Letter,,${dob(11)},7,7K,N,N,N,N,N`,
      `${upn(22)},,Nameless,,${dob(11)},7,7K,N,N,N,N,N`,
      `${upn(23)},Feb,Thirty,,31/02/2015,7,7K,N,N,N,N,N`,
      `${upn(24)},Not,Yet,,01/01/2099,7,7K,N,N,N,N,N`,
      `${upn(25)},Year,Fifteen,,${dob(11)},Year 15,7K,N,N,N,N,N`,
      `${upn(20)},Twice,Over,,${dob(11)},7,7K,N,N,N,N,N`,
      `${upn(26)},Too,Old,,${dob(30)},7,7K,N,N,N,N,N`,
      `${upn(27)},Odd,Flags,,${dob(11)},7,7K,Q,Maybe,N,N,N`,
      '',
      `123,Short,Upn,,next Tuesday,7,7K,N,N,N,N,N`,
    ].join('\n');
    const preview = await upload(admin, 'pupils', bad);
    expect(preview.status).toBe(200);
    expect(preview.body.errors).toEqual([
      // Each problem names the pupil (UPN and name) as well as the line, to find them in the MIS.
      { line: 3, column: 'UPN', message: 'The UPN is missing.', pupilName: 'Missing Nobody' },
      {
        line: 4,
        upn: wrongLetter,
        pupilName: 'Letter Wrong',
        column: 'UPN',
        message: `The UPN ${wrongLetter} has the wrong check letter. Check it was copied correctly from the MIS.`,
      },
      { line: 5, upn: upn(22), pupilName: 'Nameless', column: 'Surname', message: 'The surname is missing.' },
      {
        line: 6,
        upn: upn(23),
        pupilName: 'Thirty Feb',
        column: 'Date of birth',
        message: 'The date of birth "31/02/2015" is not a real date.',
      },
      {
        line: 7,
        upn: upn(24),
        pupilName: 'Yet Not',
        column: 'Date of birth',
        message: 'The date of birth "01/01/2099" is in the future.',
      },
      {
        line: 8,
        upn: upn(25),
        pupilName: 'Fifteen Year',
        column: 'Year group',
        message: '"Year 15" is an unknown year group. Use N (Nursery), R (Reception) or a year from 1 to 14.',
      },
      {
        line: 9,
        upn: upn(20),
        pupilName: 'Over Twice',
        column: 'UPN',
        message: `The UPN ${upn(20)} appears more than once in the file: it is also on line 2.`,
      },
      {
        line: 10,
        upn: upn(26),
        pupilName: 'Old Too',
        column: 'Date of birth',
        message: `The date of birth "${dob(30)}" makes the pupil 30 years old; pupils must be between 2 and 20.`,
      },
      {
        line: 11,
        upn: upn(27),
        pupilName: 'Flags Odd',
        column: 'SEN',
        message: 'The SEN status "Q" is not recognised. Use N (none), K (SEN support) or E (EHCP).',
      },
      {
        line: 11,
        upn: upn(27),
        pupilName: 'Flags Odd',
        column: 'Pupil premium',
        message: 'Pupil premium "Maybe" should be Yes or No (Y/N, True/False or 1/0).',
      },
      {
        line: 13,
        upn: '123',
        pupilName: 'Upn Short',
        column: 'UPN',
        message: '"123" is not a UPN: a UPN is 13 characters, a letter then 12 digits.',
      },
      {
        line: 13,
        upn: '123',
        pupilName: 'Upn Short',
        column: 'Date of birth',
        message: 'The date of birth "next Tuesday" is not a date Tandem can read. Write it as DD/MM/YYYY.',
      },
    ]);
    expect(preview.body).toMatchObject({ totalRows: 11, errorCount: 12, toAdd: 1 });

    const refused = await apply(admin, preview.body.importId);
    expect(refused.status).toBe(400);
    expect((refused.body as unknown as ErrorBody).error.message).toBe(
      'Correct the rows listed and upload the file again: nothing has been imported.',
    );
    expect(await pupilByUpn(upn(20))).toBeUndefined();
  });

  it('a file without a required column says which, and which columns it found', async () => {
    const admin = await env.as('schoolAdmin');
    const preview = await upload(admin, 'pupils', ['UPN,Surname,Forename,Year', `${upn(30)},A,B,7`].join('\n'));
    expect(preview.body.errors).toEqual([
      {
        line: 1,
        column: 'Date of birth',
        message: 'The file has no "Date of birth" column. The columns found were: UPN, Surname, Forename, Year.',
      },
    ]);
    expect((await apply(admin, preview.body.importId)).status).toBe(400);
  });

  it('empty files, header-only files and spreadsheets are refused with a clear message', async () => {
    const admin = await env.as('schoolAdmin');
    const before = await importCount();
    const cases: [string | Buffer, string][] = [
      ['', 'The file is empty'],
      ['\r\n\r\n', 'The file is empty'],
      [`${SIMS_HEADER}\r\n`, 'The file has a header row but no pupils below it'],
      [Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), 'This is an Excel workbook, not a CSV file'],
      [`UPN,Surname\n${upn(1)},"unclosed`, 'A quoted value in the file is never closed'],
    ];
    for (const [body, message] of cases) {
      const res = await upload(admin, 'pupils', body);
      expect(res.status, message).toBe(400);
      expect((res.body as unknown as ErrorBody).error.message).toContain(message);
    }
    const json = await admin.request('POST', `${importsUrl()}?kind=pupils`, { upn: 'x' });
    expect(json.status).toBe(400);
    expect(await importCount()).toBe(before);
  });

  it('a file over 10 MB is refused before it is read, and nothing is stored', async () => {
    const admin = await env.as('schoolAdmin');
    const before = await importCount();
    const row = `${upn(40)},Large,File,,${dob(11)},7,7K,N,N,N,N,N\n`;
    const big = SIMS_HEADER + '\n' + row.repeat(Math.ceil((10 * 1024 * 1024) / row.length) + 1);
    expect(big.length).toBeGreaterThan(10 * 1024 * 1024);
    const res = await upload(admin, 'pupils', big);
    expect(res.status).toBe(413);
    expect((res.body as unknown as ErrorBody).error).toEqual({
      code: 'payload_too_large',
      message: expect.stringMatching(/^The file is larger than 10 MB\. /) as unknown,
    });
    expect(await importCount()).toBe(before);
  });

  it('a preview older than 24 hours must be checked again', async () => {
    const admin = await env.as('schoolAdmin');
    const preview = await upload(
      admin,
      'pupils',
      [SIMS_HEADER, `${upn(50)},Late,Comer,,${dob(11)},7,7K,N,N,N,N,N`].join('\n'),
    );
    env.clock.advance(25 * 3600_000);
    const later = await env.as('schoolAdmin');
    const res = await apply(later, preview.body.importId);
    expect(res.status).toBe(409);
    expect((res.body as unknown as ErrorBody).error.message).toContain('more than 24 hours old');
    expect(await pupilByUpn(upn(50))).toBeUndefined();
  });
});

describe('who may import', () => {
  const file = () => [SIMS_HEADER, `${upn(60)},Perm,Story,,${dob(11)},7,7K,N,N,N,N,N`].join('\n');

  it.each<[Person, number]>([
    ['schoolAdmin', 200],
    ['smhl', 200],
    ['tutor', 403],
    ['parent', 403],
    ['otherHead', 404],
  ])('%s uploading to Kingsmead gets %i', async (person, status) => {
    const client = await env.as(person);
    expect((await upload(client, 'pupils', file())).status).toBe(status);
    expect((await client.get(importsUrl())).status).toBe(status);
  });

  it('a preview is not found from another school, and only the import roles can apply it', async () => {
    const admin = await env.as('schoolAdmin');
    const preview = await upload(admin, 'pupils', file());
    const id = preview.body.importId;
    const head = await env.as('otherHead');
    // The head of Willow Brook may not import there; given the role, still cannot reach Kingsmead's file.
    expect((await head.post(`${importsUrl(env.world.willow)}/${id}/apply`)).status).toBe(403);
    await env.deps.database.db.insert(roleAssignments).values({
      userId: env.world.userId('otherHead'),
      trustId: env.world.trustId,
      schoolId: env.world.willow,
      role: 'school_admin',
    });
    expect((await head.post(`${importsUrl(env.world.willow)}/${id}/apply`)).status).toBe(404);
    expect((await head.get(`${importsUrl(env.world.willow)}/${id}`)).status).toBe(404);
    expect((await head.post(`${importsUrl()}/${id}/apply`)).status).toBe(404);
    const tutor = await env.as('tutor');
    expect((await tutor.post(`${importsUrl()}/${id}/apply`)).status).toBe(403);
    expect((await tutor.get(`${importsUrl()}/${id}`)).status).toBe(403);
    expect(await pupilByUpn(upn(60))).toBeUndefined();

    const list = await admin.get<{ imports: ImportStatusResponse[] }>(importsUrl());
    expect(list.status).toBe(200);
    expect(list.body.imports[0]).toMatchObject({ importId: id, status: 'previewed', createdByName: 'Jo Bennett' });
    expect(list.body.imports.length).toBeLessThanOrEqual(20);
  });

  it('the import routes are in the OpenAPI document', async () => {
    const doc = await env.client().get<{ paths: Record<string, unknown> }>('/api/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/schools/{schoolId}/imports',
        '/api/schools/{schoolId}/imports/{importId}',
        '/api/schools/{schoolId}/imports/{importId}/apply',
      ]),
    );
  });
});

describe('importing parents and carers', () => {
  it('contacts are added, and updated by pupil and name; re-importing changes nothing', async () => {
    const admin = await env.as('schoolAdmin');
    const file = [
      'UPN,Title,Forename,Surname,Relationship,Email,Mobile,Priority,Parental Responsibility',
      `${upn(1)},Mrs,Ngozi,Achebe,Mother,Ngozi.Achebe@Family.example,07700 900001,1,Yes`,
      `${upn(1)},Mr,Obi,Achebe,Father,,07700 900002,2,Y`,
      `${upn(2)},Ms,Claire,Barker,Carer,claire@family.example,,1,N`,
    ].join('\r\n');
    const preview = await upload(admin, 'contacts', file);
    expect(preview.body).toMatchObject({ totalRows: 3, toAdd: 3, toUpdate: 0, errors: [] });
    const applied = await apply(admin, preview.body.importId);
    expect(applied.body).toMatchObject({ added: 3, updated: 0 });
    const pupil = await pupilByUpn(upn(1));
    const rows = await env.deps.database.db
      .select()
      .from(contacts)
      .where(eq(contacts.pupilId, pupil?.id ?? ''))
      .orderBy(contacts.priority);
    expect(rows.map((c) => [c.name, c.relationship, c.email, c.priority, c.parentalResponsibility])).toEqual([
      ['Mrs Ngozi Achebe', 'Mother', 'ngozi.achebe@family.example', 1, true],
      ['Mr Obi Achebe', 'Father', null, 2, true],
    ]);

    const again = await upload(admin, 'contacts', file);
    expect(again.body).toMatchObject({ toAdd: 0, toUpdate: 0, unchanged: 3 });

    const changed = file.replace('07700 900002,2,Y', '07700 900999,2,Y').replace('Mrs,Ngozi', 'MRS,NGOZI');
    const update = await upload(admin, 'contacts', changed);
    expect(update.body).toMatchObject({ toAdd: 0, toUpdate: 2, unchanged: 1 });
    expect(update.body.sample.updates.map((u) => u.changes)).toEqual([
      [{ field: 'Name', from: 'Mrs Ngozi Achebe', to: 'MRS NGOZI Achebe' }],
      [{ field: 'Phone', from: '07700 900002', to: '07700 900999' }],
    ]);
    expect((await apply(admin, update.body.importId)).body).toMatchObject({ updated: 2 });
  });

  it('reads the MIS "no contact" marker, and such a contact cannot be invited to Tandem', async () => {
    const admin = await env.as('schoolAdmin');
    const file = [
      'UPN,Title,Forename,Surname,Relationship,Email,Priority,Parental Responsibility,Do Not Contact',
      `${upn(3)},Mr,Karl,Dunne,Father,karl.dunne@family.example,1,Yes,Yes`,
      `${upn(3)},Mrs,Jo,Dunne,Mother,jo.dunne@family.example,2,Yes,No`,
    ].join('\r\n');
    const preview = await upload(admin, 'contacts', file);
    expect(preview.body).toMatchObject({ toAdd: 2, errors: [] });
    await apply(admin, preview.body.importId);
    const pupil = await pupilByUpn(upn(3));
    const rows = await env.deps.database.db
      .select()
      .from(contacts)
      .where(eq(contacts.pupilId, pupil?.id ?? ''))
      .orderBy(contacts.priority);
    expect(rows.map((c) => [c.name, c.noContact])).toEqual([
      ['Mr Karl Dunne', true],
      ['Mrs Jo Dunne', false],
    ]);
    const smhl = await env.as('smhl');
    const refused = await smhl.post(`/api/schools/${env.world.kingsmead}/family/contacts/${rows[0]!.id}/invite`);
    expect(refused.status).toBe(409);
    const invited = await smhl.post(`/api/schools/${env.world.kingsmead}/family/contacts/${rows[1]!.id}/invite`);
    expect(invited.status, invited.text).toBe(200);
  });

  it('titles and addresses are read from the common MIS exports, and corrected by importing again', async () => {
    const admin = await env.as('schoolAdmin');
    const { db } = env.deps.database;
    const addressOf = async (name: string) => {
      const [row] = await db
        .select({ title: contacts.title, address: contacts.address })
        .from(contacts)
        .where(and(eq(contacts.schoolId, env.world.kingsmead), eq(contacts.name, name)));
      return row;
    };
    // One address cell with its own lines (SIMS, Arbor).
    const oneCell = [
      'UPN,Contact Title,Contact Forename,Contact Surname,Home Address,Parental Responsibility',
      `${upn(3)},Dr.,Ada,Cole,"4 Quay Street\nRiverbank\nRB3 3CC",Y`,
    ].join('\n');
    const first = await upload(admin, 'contacts', oneCell);
    expect(first.body).toMatchObject({ toAdd: 1, errors: [] });
    expect((await apply(admin, first.body.importId)).body).toMatchObject({ added: 1 });
    expect(await addressOf('Dr. Ada Cole')).toEqual({ title: 'Dr', address: '4 Quay Street\nRiverbank\nRB3 3CC' });

    // The address in parts (Bromcom, most spreadsheets): a move is a correction of the same contact.
    const parts = [
      'UPN,Contact name,Title,Address Line 1,Address Line 2,Town,County,Postcode',
      `${upn(3)},Dr. Ada Cole,Dr,7 Mill Row,,Eastfield,Kent,rb5 5ee`,
    ].join('\n');
    const moved = await upload(admin, 'contacts', parts);
    expect(moved.body).toMatchObject({ toAdd: 0, toUpdate: 1, errors: [] });
    expect(moved.body.sample.updates[0]?.changes).toEqual([
      { field: 'Address', from: '4 Quay Street\nRiverbank\nRB3 3CC', to: '7 Mill Row\nEastfield\nKent\nRB5 5EE' },
    ]);
    expect((await apply(admin, moved.body.importId)).body).toMatchObject({ updated: 1 });
    expect(await addressOf('Dr. Ada Cole')).toEqual({ title: 'Dr', address: '7 Mill Row\nEastfield\nKent\nRB5 5EE' });
  });

  it('a contact for a pupil not on roll, or with a bad email address, is listed', async () => {
    const admin = await env.as('schoolAdmin');
    const file = [
      'UPN,Contact name,Relationship,Email',
      `${upn(999)},Someone Else,Mother,someone@family.example`,
      `${upn(1)},Ngozi Achebe,Mother,not-an-email`,
      `${upn(1)},Ngozi Achebe,Mother,`,
    ].join('\n');
    const preview = await upload(admin, 'contacts', file);
    expect(preview.body.errors).toEqual([
      {
        line: 2,
        upn: upn(999),
        column: 'UPN',
        message: `No pupil with the UPN ${upn(999)} is on roll at the school, so this contact cannot be added. Import the pupils file first, or check the UPN.`,
      },
      // The pupil's name comes from the school's records, the file having only the UPN.
      {
        line: 3,
        upn: upn(1),
        pupilName: 'Chidi Achebe',
        column: 'Email',
        message: '"not-an-email" is not a valid email address.',
      },
    ]);
  });
});

describe('importing teaching groups', () => {
  it('groups are created or matched by code, and each one ends up with exactly the members listed', async () => {
    const admin = await env.as('schoolAdmin');
    const { db } = env.deps.database;
    const [nineW] = await db
      .select()
      .from(teachingGroups)
      .where(and(eq(teachingGroups.schoolId, env.world.kingsmead), eq(teachingGroups.code, '9W')));
    const before = await db
      .select()
      .from(teachingGroupPupils)
      .where(eq(teachingGroupPupils.groupId, nineW?.id ?? ''));
    expect(before.length).toBeGreaterThan(2);
    const tutor = PEOPLE.tutor;
    const file = [
      'Class,Group name,Staff email,UPN',
      `9W,Tutor group 9W,${tutor.toUpperCase()},${upn(1)}`,
      `9W,,${tutor},${upn(2)}`,
      `SCI7,Science 7 set 1,${tutor}; ${PEOPLE.smhl},${upn(1)}`,
      `SCI7,,${tutor},${upn(3)}`,
    ].join('\n');
    const preview = await upload(admin, 'groups', file);
    expect(preview.body).toMatchObject({ totalRows: 4, toAdd: 1, toUpdate: 1, unchanged: 0, errors: [] });
    expect(preview.body.sample.updates[0]?.changes).toEqual([{ field: 'Pupils', from: before.length, to: 2 }]);
    const applied = await apply(admin, preview.body.importId);
    expect(applied.body).toMatchObject({ added: 1, updated: 1 });

    const members = async (code: string) => {
      const [g] = await db
        .select()
        .from(teachingGroups)
        .where(and(eq(teachingGroups.schoolId, env.world.kingsmead), eq(teachingGroups.code, code)));
      const ps = await db
        .select({ upn: pupils.upn })
        .from(teachingGroupPupils)
        .innerJoin(pupils, eq(pupils.id, teachingGroupPupils.pupilId))
        .where(eq(teachingGroupPupils.groupId, g?.id ?? ''));
      const ss = await db
        .select()
        .from(teachingGroupStaff)
        .where(eq(teachingGroupStaff.groupId, g?.id ?? ''));
      return { name: g?.name, upns: ps.map((p) => p.upn).sort(), staff: ss.map((s) => s.userId).sort() };
    };
    expect(await members('9W')).toEqual({
      name: 'Tutor group 9W',
      upns: [upn(1), upn(2)].sort(),
      staff: [env.world.userId('tutor')],
    });
    expect(await members('SCI7')).toEqual({
      name: 'Science 7 set 1',
      upns: [upn(1), upn(3)].sort(),
      staff: [env.world.userId('tutor'), env.world.userId('smhl')].sort(),
    });
    // Pupils taken out of 9W are still pupils: only the membership went.
    expect(
      await db
        .select({ n: count() })
        .from(pupils)
        .where(
          inArray(
            pupils.id,
            before.map((b) => b.pupilId),
          ),
        ),
    ).toEqual([{ n: before.length }]);

    const again = await upload(admin, 'groups', file);
    expect(again.body).toMatchObject({ toAdd: 0, toUpdate: 0, unchanged: 2 });
  });

  it('a teacher who is not on the staff of this school is listed', async () => {
    const admin = await env.as('schoolAdmin');
    const file = ['Group,Staff email,UPN', `MA8,${PEOPLE.otherTeacher},${upn(2)}`, `MA8,not an email,${upn(3)}`].join(
      '\n',
    );
    const preview = await upload(admin, 'groups', file);
    expect(preview.body.errors).toEqual([
      {
        line: 2,
        upn: upn(2),
        pupilName: 'Ellie Barker',
        column: 'Staff email',
        message: `${PEOPLE.otherTeacher} is not a member of staff at this school in Tandem. Invite them first, or correct the email address.`,
      },
      {
        line: 3,
        upn: upn(3),
        pupilName: 'Samuel Cole',
        column: 'Staff email',
        message: '"not an email" is not a valid email address.',
      },
    ]);
  });
});

describe('leavers and all-or-nothing', () => {
  let local: TestEnv;
  beforeAll(async () => {
    local = await createTestEnv();
  });
  afterAll(async () => {
    await local.close();
  });

  async function rosterFile(): Promise<string[]> {
    const rows = await local.deps.database.db
      .select()
      .from(pupils)
      .where(and(eq(pupils.schoolId, local.world.kingsmead), isNull(pupils.leftOn)));
    const fmt = (iso: string) => iso.split('-').reverse().join('/');
    return rows.map(
      (p) =>
        `${p.upn},${p.familyName},${p.givenName},${p.preferredName ?? ''},${fmt(p.dateOfBirth)},${p.yearGroup},${p.form},${p.send === 'none' ? 'N' : p.send === 'support' ? 'K' : 'E'},${p.pupilPremium ? 'Y' : 'N'},${p.lookedAfter ? 'Y' : 'N'},${p.childInNeed ? 'Y' : 'N'},${p.eal ? 'Y' : 'N'}`,
    );
  }

  it('pupils missing from a full roll are marked as left, never deleted', async () => {
    const admin = await local.as('schoolAdmin');
    const roster = await rosterFile();
    const leaving = roster.slice(0, 3).map((r) => r.split(',')[0] ?? '');
    const preview = await upload(admin, 'pupils', [SIMS_HEADER, ...roster.slice(3)].join('\n'), {
      markLeavers: true,
      schoolId: local.world.kingsmead,
    });
    expect(preview.body).toMatchObject({ toAdd: 0, toUpdate: 0, unchanged: roster.length - 3, toMarkLeft: 3 });
    expect(preview.body.sample.leavers.map((l) => l.key).sort()).toEqual([...leaving].sort());
    const res = await local.deps.database.db.select().from(pupils).where(inArray(pupils.upn, leaving));
    expect(res.every((p) => p.leftOn === null)).toBe(true);

    const applied = await admin.post<ImportApplyResponse>(
      `${importsUrl(local.world.kingsmead)}/${preview.body.importId}/apply`,
    );
    expect(applied.body).toMatchObject({ markedLeft: 3, added: 0, updated: 0 });
    const left = await local.deps.database.db.select().from(pupils).where(inArray(pupils.upn, leaving));
    expect(left.map((p) => p.leftOn)).toEqual([1, 2, 3].map(() => schoolDate(local.clock.now())));

    // The same roll again: nobody else leaves, nothing changes.
    const again = await upload(admin, 'pupils', [SIMS_HEADER, ...roster.slice(3)].join('\n'), {
      markLeavers: true,
      schoolId: local.world.kingsmead,
    });
    expect(again.body).toMatchObject({ toAdd: 0, toUpdate: 0, toMarkLeft: 0 });

    // A leaver who comes back is taken back on roll.
    const back = await upload(admin, 'pupils', [SIMS_HEADER, roster[0] ?? ''].join('\n'), {
      schoolId: local.world.kingsmead,
    });
    expect(back.body.sample.updates[0]?.changes).toEqual([
      { field: 'Leaving date', from: schoolDate(local.clock.now()), to: null },
    ]);
  });

  it('if anything fails part-way through, nothing of the import is kept', async () => {
    const admin = await local.as('schoolAdmin');
    const { db } = local.deps.database;
    const [before] = await db.select({ n: count() }).from(pupils);
    const rows = Array.from({ length: 600 }, (_, i) => `${upn(1000 + i)},Batch,Pupil${i},,${dob(12)},8,8K,N,N,N,N,N`);
    const preview = await upload(admin, 'pupils', [SIMS_HEADER, ...rows].join('\n'), {
      schoolId: local.world.kingsmead,
    });
    expect(preview.body).toMatchObject({ toAdd: 600, errors: [] });
    // Make the 551st row repeat the 11th's UPN: the first batch of 500 is written, the second fails.
    await db.execute(
      sql`update pupil_imports set rows = jsonb_set(rows, '{rows,550,upn}', rows #> '{rows,10,upn}') where id = ${preview.body.importId}`,
    );
    const res = await admin.post(`${importsUrl(local.world.kingsmead)}/${preview.body.importId}/apply`);
    expect(res.status).toBe(409);
    expect((res.body as ErrorBody).error.message).toContain('Nothing has been imported');
    const [after] = await db.select({ n: count() }).from(pupils);
    expect(after?.n).toBe(before?.n);
    const [imp] = await db.select().from(pupilImports).where(eq(pupilImports.id, preview.body.importId));
    expect(imp?.status).toBe('previewed');
  });

  it('an unexpected failure part-way through also leaves nothing, and says so without detail', async () => {
    const admin = await local.as('schoolAdmin');
    const { db } = local.deps.database;
    const rows = Array.from({ length: 3 }, (_, i) => `${upn(3000 + i)},Check,Fail${i},,${dob(12)},8,8K,N,N,N,N,N`);
    const preview = await upload(admin, 'pupils', [SIMS_HEADER, ...rows].join('\n'), {
      schoolId: local.world.kingsmead,
    });
    // A year group the database refuses (its check constraint), as if the stored rows were damaged.
    await db.execute(
      sql`update pupil_imports set rows = jsonb_set(rows, '{rows,2,yearGroup}', '99') where id = ${preview.body.importId}`,
    );
    const res = await admin.post(`${importsUrl(local.world.kingsmead)}/${preview.body.importId}/apply`);
    expect(res.status).toBe(500);
    expect(res.text).not.toContain('Fail');
    expect((res.body as ErrorBody).error.message).toContain('Nothing has been changed');
    expect(
      await db
        .select()
        .from(pupils)
        .where(eq(pupils.upn, upn(3000))),
    ).toEqual([]);
  });

  it('a 2,000-pupil roll is checked and applied in a few seconds', async () => {
    const admin = await local.as('schoolAdmin');
    const years = [7, 8, 9, 10, 11];
    const rows = Array.from({ length: 2000 }, (_, i) => {
      const year = years[i % 5] ?? 7;
      return `${upn(5000 + i)},Family${i},Given${i},,${dob(year + 4, i % 300)},Year ${year},${year}${'KWXYZ'[i % 5]},${'NKNNE'[i % 5]},${i % 4 === 0 ? 'Y' : 'N'},N,N,${i % 7 === 0 ? 'Y' : 'N'}`;
    });
    const file = [SIMS_HEADER, ...rows].join('\r\n');
    const url = importsUrl(local.world.kingsmead);
    const timed = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
      const start = performance.now();
      const out = await run();
      console.log(`[import timing, ${local.deps.database.kind}] ${what}: ${(performance.now() - start).toFixed(0)} ms`);
      return out;
    };
    const preview = await timed('preview of 2,000 new pupils', () =>
      upload(admin, 'pupils', file, { schoolId: local.world.kingsmead }),
    );
    expect(preview.body).toMatchObject({ toAdd: 2000, errors: [] });
    const applied = await timed('apply of 2,000 new pupils', () =>
      admin.post<ImportApplyResponse>(`${url}/${preview.body.importId}/apply`),
    );
    expect(applied.body.added).toBe(2000);

    const moved = file.replace(/,Year (\d+),(\d+)([KWXYZ]),/g, ',Year $1,$1Q,');
    const p2 = await timed('preview of 2,000 changed pupils', () =>
      upload(admin, 'pupils', moved, { schoolId: local.world.kingsmead }),
    );
    expect(p2.body).toMatchObject({ toUpdate: 2000 });
    const a2 = await timed('apply of 2,000 updates', () =>
      admin.post<ImportApplyResponse>(`${url}/${p2.body.importId}/apply`),
    );
    expect(a2.body.updated).toBe(2000);
    const p3 = await timed('preview of the same 2,000 again', () =>
      upload(admin, 'pupils', moved, { schoolId: local.world.kingsmead }),
    );
    expect(p3.body).toMatchObject({ toAdd: 0, toUpdate: 0, unchanged: 2000 });
  });
});
