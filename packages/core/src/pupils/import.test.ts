import { describe, expect, it } from 'vitest';
import {
  ageOn,
  checkAgainstSchool,
  namePupilsInIssues,
  normaliseHeader,
  parseSchoolDate,
  parseSend,
  parseSex,
  parseYearGroup,
  parseYesNo,
  planContactImport,
  planGroupImport,
  planPupilImport,
  readImportTable,
  schoolDate,
  type ExistingPupil,
  type ImportPayload,
} from './import';
import { makeUpn } from './upn';

const TODAY = '2026-11-22';
const upn = (n: number) => makeUpn(`92${String(n).padStart(10, '0')}`);
const table = (text: string) => text.split('\n').map((line) => line.split(','));

function pupilsPayload(text: string) {
  const read = readImportTable('pupils', table(text), TODAY);
  if (!read.ok || read.payload.kind !== 'pupils') throw new Error('expected a pupils payload');
  return { read, payload: read.payload };
}

describe('reading values as MIS exports write them', () => {
  it('matches headers ignoring case, spaces and punctuation', () => {
    expect(normaliseHeader(' Date of Birth ')).toBe('dateofbirth');
    expect(normaliseHeader('Reg_Group')).toBe('reggroup');
    expect(normaliseHeader('\uFEFFUPN')).toBe('upn');
  });

  it('reads UK and ISO dates and refuses impossible ones', () => {
    expect(parseSchoolDate('01/09/2015')).toEqual({ date: '2015-09-01' });
    expect(parseSchoolDate('1/9/2015')).toEqual({ date: '2015-09-01' });
    expect(parseSchoolDate('2015-09-01')).toEqual({ date: '2015-09-01' });
    expect(parseSchoolDate('2015-09-01 00:00:00')).toEqual({ date: '2015-09-01' });
    expect(parseSchoolDate('29/02/2016')).toEqual({ date: '2016-02-29' });
    expect(parseSchoolDate('29/02/2015')).toEqual({ problem: 'impossible' });
    expect(parseSchoolDate('31/02/2015')).toEqual({ problem: 'impossible' });
    expect(parseSchoolDate('01/13/2015')).toEqual({ problem: 'impossible' });
    expect(parseSchoolDate('01/09/15')).toEqual({ problem: 'format' });
    expect(parseSchoolDate('Sept 2015')).toEqual({ problem: 'format' });
  });

  it('counts age in whole years, birthdays included', () => {
    expect(ageOn('2015-11-22', TODAY)).toBe(11);
    expect(ageOn('2015-11-23', TODAY)).toBe(10);
  });

  it("gives the school's date in London, not UTC", () => {
    expect(schoolDate(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(schoolDate(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });

  it('reads year groups, reception and nursery', () => {
    expect(['R', 'Reception', 'Year R', 'YR'].map(parseYearGroup)).toEqual([0, 0, 0, 0]);
    expect(['N', 'Nursery', 'N2'].map(parseYearGroup)).toEqual([-1, -1, -1]);
    expect(['Year 7', 'Y7', '7', 'Year 07', 'year 13', '14'].map(parseYearGroup)).toEqual([7, 7, 7, 7, 13, 14]);
    expect(['Year 15', '0', 'X', '', 'Seven', '-1'].map(parseYearGroup)).toEqual([null, null, null, null, null, null]);
  });

  it('reads SEN codes and words, and yes/no flags', () => {
    expect(['', 'N', 'None'].map(parseSend)).toEqual(['none', 'none', 'none']);
    expect(['K', 'SEN Support', 'support'].map(parseSend)).toEqual(['support', 'support', 'support']);
    expect(['E', 'EHCP', 'EHC Plan', 'S'].map(parseSend)).toEqual(['ehcp', 'ehcp', 'ehcp', 'ehcp']);
    expect(parseSend('Q')).toBeNull();
    expect(['Y', 'yes', 'TRUE', '1', 'T'].map(parseYesNo)).toEqual([true, true, true, true, true]);
    expect(['N', 'no', 'False', '0', ''].map(parseYesNo)).toEqual([false, false, false, false, false]);
    expect(parseYesNo('maybe')).toBeNull();
  });

  it('reads sex as F or M, Female or Male in any case; blank is not given', () => {
    expect(['F', 'f', 'Female', 'FEMALE', ' female '].map(parseSex)).toEqual(Array(5).fill('female'));
    expect(['M', 'm', 'Male', 'MALE'].map(parseSex)).toEqual(Array(4).fill('male'));
    expect(parseSex('')).toBe('');
    expect(['X', 'Boy', 'U', 'Unknown'].map(parseSex)).toEqual([null, null, null, null]);
  });
});

describe('reading a pupils file', () => {
  it('understands Arbor and Bromcom headers as well as SIMS', () => {
    const { read, payload } = pupilsPayload(
      [
        'Pupil UPN,Family name,Given name,Preferred name,Date of Birth,NC Year,Registration group,SEN Provision,Pupil Premium,Looked After,Child in Need,Young Carer,EAL,Admission number',
        `${upn(1)},Okoro,Ada,Addy,2014-03-04,Year 7,7A,SEN Support,Yes,No,No,Yes,No,000123`,
      ].join('\n'),
    );
    expect(read.ok && read.issues).toEqual([]);
    expect(read.ok && read.ignoredColumns).toEqual(['Admission number']);
    expect(payload.fields).toEqual([
      'preferredName',
      'form',
      'send',
      'pupilPremium',
      'lookedAfter',
      'childInNeed',
      'youngCarer',
      'eal',
    ]);
    expect(payload.rows).toEqual([
      {
        line: 2,
        upn: upn(1),
        givenName: 'Ada',
        familyName: 'Okoro',
        preferredName: 'Addy',
        dateOfBirth: '2014-03-04',
        yearGroup: 7,
        form: '7A',
        send: 'support',
        pupilPremium: true,
        lookedAfter: false,
        childInNeed: false,
        youngCarer: true,
        eal: false,
        sex: null,
        leftOn: null,
      },
    ]);
  });

  it('reads a Sex column under its MIS names; blank is not given and anything else is a problem', () => {
    for (const header of ['Sex', 'Gender', 'Legal Sex']) {
      const { payload } = pupilsPayload(
        [
          `UPN,Surname,Forename,DOB,Year,${header}`,
          `${upn(1)},A,B,01/01/2012,9,F`,
          `${upn(2)},C,D,01/01/2012,9,male`,
          `${upn(3)},E,G,01/01/2012,9,`,
        ].join('\n'),
      );
      expect(payload.fields).toEqual(['sex']);
      expect(payload.rows.map((r) => r.sex)).toEqual(['female', 'male', null]);
    }
    const read = readImportTable(
      'pupils',
      table(['UPN,Surname,Forename,DOB,Year,Sex', `${upn(1)},A,B,01/01/2012,9,X`].join('\n')),
      TODAY,
    );
    expect(read.ok && read.issues).toEqual([
      {
        line: 2,
        upn: upn(1),
        pupilName: 'B A',
        column: 'Sex',
        message: 'The sex "X" is not recognised. Use F (female) or M (male), or leave it blank.',
      },
    ]);
    expect(read.ok && read.payload.kind === 'pupils' && read.payload.rows).toEqual([]);
  });

  it('takes a leaving date in the past; one still to come leaves the pupil on roll', () => {
    const { payload } = pupilsPayload(
      [
        'UPN,Surname,Forename,DOB,Year,Date of leaving',
        `${upn(1)},A,B,01/01/2012,9,31/08/2026`,
        `${upn(2)},C,D,01/01/2011,11,20/07/2027`,
      ].join('\n'),
    );
    expect(payload.rows.map((r) => r.leftOn)).toEqual(['2026-08-31', null]);
  });

  it('refuses over-long names and forms, and counts blank lines in line numbers', () => {
    const read = readImportTable(
      'pupils',
      table(
        [
          'UPN,Surname,Forename,DOB,Year,Form',
          '',
          `${upn(1)},${'x'.repeat(101)},B,01/01/2012,9,${'F'.repeat(21)}`,
        ].join('\n'),
      ),
      TODAY,
    );
    expect(read.ok && read.issues).toEqual([
      {
        line: 3,
        upn: upn(1),
        pupilName: `B ${'x'.repeat(101)}`,
        column: 'Surname',
        message: 'The surname is longer than 100 characters.',
      },
      {
        line: 3,
        upn: upn(1),
        pupilName: `B ${'x'.repeat(101)}`,
        column: 'Form',
        message: 'The form is longer than 20 characters.',
      },
    ]);
  });
});

describe('reading contacts and groups files', () => {
  it('builds contact names from title, forename and surname, and takes file order as priority', () => {
    const read = readImportTable(
      'contacts',
      table(
        [
          'UPN,Title,Contact Forename,Contact Surname,Forename,Relationship',
          `${upn(1)},Mrs,Ann,Lee,Pupilname,Mother`,
          `${upn(1)},,Bo,Lee,Pupilname,`,
        ].join('\n'),
      ),
      TODAY,
    );
    if (!read.ok || read.payload.kind !== 'contacts') throw new Error('expected contacts');
    expect(read.payload.rows.map((r) => [r.name, r.relationship, r.priority])).toEqual([
      ['Mrs Ann Lee', 'Mother', 1],
      ['Bo Lee', 'Parent', 2],
    ]);
    expect(read.ignoredColumns).toEqual(['Forename']);
    expect(read.payload.fields).toEqual(['title', 'relationship']);
    expect(read.payload.rows.map((r) => r.title)).toEqual(['Mrs', null]);
  });

  it('reads an address from one cell or from its parts, and tidies the title', () => {
    const one = readImportTable(
      'contacts',
      [
        ['UPN', 'Name', 'Title', 'Address'],
        [upn(1), 'Ann Lee', 'MRS', '1 Elm Road\n  Riverbank \nRB1 1AA'],
      ],
      TODAY,
    );
    if (!one.ok || one.payload.kind !== 'contacts') throw new Error('expected contacts');
    expect(one.payload.fields).toEqual(['title', 'address']);
    expect(one.payload.rows[0]).toMatchObject({ title: 'Mrs', address: '1 Elm Road\nRiverbank\nRB1 1AA' });
    const parts = readImportTable(
      'contacts',
      table(
        [
          'UPN,Contact Name,Address Line 1,Address Line 2,Town,Postcode',
          `${upn(1)},Bo Lee,2 Oak St,,Eastfield,rb5 1qp`,
        ].join('\n'),
      ),
      TODAY,
    );
    if (!parts.ok || parts.payload.kind !== 'contacts') throw new Error('expected contacts');
    expect(parts.payload.fields).toEqual(['address']);
    expect(parts.payload.rows[0]?.address).toBe('2 Oak St\nEastfield\nRB5 1QP');
  });

  it('names the pupil of each problem: from the file, or from the school for a contact or group row', () => {
    const read = readImportTable(
      'contacts',
      table(['UPN,Contact name,Email', `${upn(1)},Ann Lee,not-an-email`, `,Bo Lee,`].join('\n')),
      TODAY,
    );
    if (!read.ok) throw new Error('expected a read');
    const named = namePupilsInIssues(read.issues, new Map([[upn(1), 'Chidi Achebe']]));
    expect(named.map((i) => [i.line, i.upn, i.pupilName])).toEqual([
      [2, upn(1), 'Chidi Achebe'],
      [3, undefined, undefined],
    ]);
  });

  it('needs a contact name column of some kind', () => {
    const read = readImportTable('contacts', table(['UPN,Email', `${upn(1)},a@b.example`].join('\n')), TODAY);
    expect(read.ok && read.issues.map((i) => i.column)).toEqual(['Contact name']);
  });

  it('splits several staff emails, and refuses empty or header-only files', () => {
    const read = readImportTable(
      'groups',
      table(['Group,Staff email,UPN', `10X,A@School.example; b@school.example,${upn(1)}`].join('\n')),
      TODAY,
    );
    if (!read.ok || read.payload.kind !== 'groups') throw new Error('expected groups');
    expect(read.payload.rows[0]?.staffEmails).toEqual(['a@school.example', 'b@school.example']);
    expect(readImportTable('groups', [['']], TODAY).ok).toBe(false);
    expect(readImportTable('groups', table('Group,UPN\n\n'), TODAY)).toEqual({
      ok: false,
      message:
        'The file has a header row but no group members below it. Check the export from your MIS and upload it again.',
    });
  });
});

describe('planning what an import changes', () => {
  const existing = (over: Partial<ExistingPupil>): ExistingPupil => ({
    id: `id-${over.upn ?? ''}`,
    upn: upn(1),
    givenName: 'Ada',
    familyName: 'Okoro',
    preferredName: null,
    dateOfBirth: '2014-03-04',
    yearGroup: 7,
    form: '7A',
    send: 'support',
    pupilPremium: true,
    lookedAfter: false,
    childInNeed: false,
    youngCarer: false,
    eal: true,
    sex: 'female',
    leftOn: null,
    ...over,
  });

  it('compares only the columns the file has, and lists pupils missing from a full roll', () => {
    const { payload } = pupilsPayload(
      [
        'UPN,Surname,Forename,DOB,Year,Form',
        `${upn(1)},Okoro,Ada,04/03/2014,7,7B`,
        `${upn(3)},New,Pupil,01/01/2014,7,7B`,
      ].join('\n'),
    );
    const plan = planPupilImport(
      payload,
      [existing({ upn: upn(1) }), existing({ upn: upn(2) }), existing({ upn: upn(4), leftOn: '2026-07-20' })],
      { markLeavers: true },
    );
    expect(plan.adds.map((a) => a.upn)).toEqual([upn(3)]);
    // SEN, pupil premium and EAL are not in the file, so they are not compared or changed.
    expect(plan.updates.map((u) => u.changes)).toEqual([[{ field: 'Form', from: '7A', to: '7B' }]]);
    // The pupil who has already left is not counted again.
    expect(plan.leavers.map((l) => l.upn)).toEqual([upn(2)]);
    expect(planPupilImport(payload, [existing({ upn: upn(2) })], { markLeavers: false }).leavers).toEqual([]);
  });

  it('compares sex when the file has the column, and a blank cell clears it as other columns do', () => {
    const { payload } = pupilsPayload(
      [
        'UPN,Surname,Forename,DOB,Year,Form,Sex',
        `${upn(1)},Okoro,Ada,04/03/2014,7,7A,F`,
        `${upn(2)},Okoro,Ada,04/03/2014,7,7A,M`,
        `${upn(3)},Okoro,Ada,04/03/2014,7,7A,`,
      ].join('\n'),
    );
    const plan = planPupilImport(
      payload,
      [existing({ upn: upn(1) }), existing({ upn: upn(2) }), existing({ upn: upn(3) })],
      { markLeavers: false },
    );
    expect(plan.unchanged).toBe(1);
    expect(plan.updates.map((u) => u.changes)).toEqual([
      [{ field: 'Sex', from: 'female', to: 'male' }],
      [{ field: 'Sex', from: 'female', to: null }],
    ]);
  });

  it('matches contacts by pupil and name, ignoring case', () => {
    const payload: Extract<ImportPayload, { kind: 'contacts' }> = {
      kind: 'contacts',
      fields: ['email'],
      rows: [
        {
          line: 2,
          upn: upn(1),
          name: 'Mrs Lee',
          title: null,
          address: null,
          relationship: 'Parent',
          email: 'new@x.example',
          phone: null,
          priority: 1,
          parentalResponsibility: true,
          noContact: false,
        },
        {
          line: 3,
          upn: upn(1),
          name: 'Mr Lee',
          title: null,
          address: null,
          relationship: 'Parent',
          email: null,
          phone: null,
          priority: 2,
          parentalResponsibility: true,
          noContact: false,
        },
      ],
    };
    const lookups = { pupilIdByUpn: new Map([[upn(1), 'p1']]), staffIdByEmail: new Map<string, string>() };
    const plan = planContactImport(
      payload,
      [
        {
          id: 'c1',
          pupilId: 'p1',
          name: 'MRS LEE',
          title: null,
          address: null,
          relationship: 'Mother',
          email: 'old@x.example',
          phone: '01',
          priority: 1,
          parentalResponsibility: true,
          noContact: false,
        },
      ],
      lookups,
    );
    expect(plan.adds.map((a) => a.name)).toEqual(['Mr Lee']);
    expect(plan.updates.map((u) => [u.id, u.changes])).toEqual([
      [
        'c1',
        [
          { field: 'Name', from: 'MRS LEE', to: 'Mrs Lee' },
          { field: 'Email', from: 'old@x.example', to: 'new@x.example' },
        ],
      ],
    ]);
  });

  it('sets each listed group to exactly its members, and leaves staff alone without a staff column', () => {
    const lookups = {
      pupilIdByUpn: new Map([
        [upn(1), 'p1'],
        [upn(2), 'p2'],
      ]),
      staffIdByEmail: new Map([['t@school.example', 'u1']]),
    };
    const payload: Extract<ImportPayload, { kind: 'groups' }> = {
      kind: 'groups',
      hasStaff: false,
      rows: [
        { line: 2, code: '7A', name: null, staffEmails: [], upn: upn(1) },
        { line: 3, code: '7A', name: null, staffEmails: [], upn: upn(2) },
      ],
    };
    const plan = planGroupImport(
      payload,
      [{ id: 'g1', code: '7A', name: 'Tutor 7A', pupilIds: ['p1', 'p3'], staffIds: ['u9'] }],
      lookups,
    );
    expect(plan.updates).toEqual([
      expect.objectContaining({
        id: 'g1',
        nameChanged: false,
        addPupils: ['p2'],
        removePupils: ['p3'],
        addStaff: [],
        removeStaff: [],
      }),
    ]);
    expect(
      checkAgainstSchool(
        { ...payload, rows: [{ ...payload.rows[0]!, upn: upn(9), staffEmails: ['x@y.example'] }] },
        lookups,
      ),
    ).toHaveLength(2);
  });
});
