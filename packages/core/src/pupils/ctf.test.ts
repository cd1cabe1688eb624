import { describe, expect, it } from 'vitest';
import {
  ctfBestPhone,
  ctfDestination,
  ctfEal,
  ctfEverFsm6,
  ctfAddressedTo,
  ctfOurSchoolLabel,
  ctfRelationship,
  ctfSchoolLabel,
  ctfSenProvision,
  ctfSex,
} from './ctf.codes';
import { readCtf } from './ctf.read';
import { makeUpn } from './upn';

const TODAY = '2026-12-06';

describe('CTF codes as Tandem values', () => {
  it('maps SEN provision N, K and E, and nothing else', () => {
    expect(ctfSenProvision('N')).toBe('none');
    expect(ctfSenProvision('k')).toBe('support');
    expect(ctfSenProvision('E')).toBe('ehcp');
    expect(ctfSenProvision('')).toBe('none');
    expect(ctfSenProvision('S')).toBeNull();
  });

  it('maps sex F and M', () => {
    expect(ctfSex('F')).toBe('female');
    expect(ctfSex('M')).toBe('male');
    expect(ctfSex('U')).toBeNull();
  });

  it('makes a pupil EAL when their first language is known and not English', () => {
    expect(ctfEal('ENG')).toBe(false);
    expect(ctfEal('ENB')).toBe(false);
    expect(ctfEal('POL')).toBe(true);
    expect(ctfEal('NOT')).toBeNull();
    expect(ctfEal('REF')).toBeNull();
    expect(ctfEal(null)).toBeNull();
  });

  it('names relationships in words and keeps unknown codes', () => {
    expect(ctfRelationship('PAR')).toBe('Parent');
    expect(ctfRelationship('fof')).toBe('Foster parent');
    expect(ctfRelationship('SWR')).toBe('Social worker');
    expect(ctfRelationship('ZZZ')).toBe('ZZZ');
  });

  it('keeps a mobile first, then home, then work', () => {
    expect(
      ctfBestPhone([
        { type: 'W', number: '3' },
        { type: 'H', number: '2' },
        { type: 'M', number: '1' },
      ]),
    ).toBe('1');
    expect(ctfBestPhone([{ type: 'W', number: '3' }])).toBe('3');
    expect(ctfBestPhone([])).toBe('');
  });

  it('counts free school meals in the last six years (Ever 6)', () => {
    expect(ctfEverFsm6([{ start: '2024-09-01', end: null }], TODAY)).toBe(true);
    expect(ctfEverFsm6([{ start: '2019-09-01', end: '2021-07-20' }], TODAY)).toBe(true);
    expect(ctfEverFsm6([{ start: '2015-09-01', end: '2020-07-20' }], TODAY)).toBe(false);
    expect(ctfEverFsm6([], TODAY)).toBe(false);
  });

  it('treats MMM and XXX destinations as no school in particular', () => {
    expect(ctfDestination({ lea: 'MMM', estab: 'MMMM', urn: '', name: '' })).toBeNull();
    expect(ctfDestination({ lea: 'XXX', estab: 'XXXX', urn: '', name: '' })).toBeNull();
    expect(ctfDestination(null)).toBeNull();
    const dest = { lea: '888', estab: '4321', urn: '777777', name: 'Hillside School' };
    expect(ctfDestination(dest)).toEqual(dest);
    expect(ctfSchoolLabel(dest)).toBe('Hillside School (DfE 888/4321, URN 777777)');
  });

  it('matches the destination by URN or by DfE number (LEA and Estab)', () => {
    const school = { name: 'Kingsmead Academy', urn: '900001', dfeNumber: '9994001' };
    const to = (lea: string, estab: string, urn: string) => ctfAddressedTo({ lea, estab, urn, name: '' }, school);
    expect(to('999', '4001', '900001')).toBe('ours');
    expect(to('999', '4001', '')).toBe('ours');
    expect(to('', '', '900001')).toBe('ours');
    expect(to('888', '4321', '900001')).toBe('ours');
    expect(to('999', '4001', '900002')).toBe('ours');
    expect(to('888', '4321', '')).toBe('another');
    expect(to('888', '4321', '777777')).toBe('another');
    expect(to('', '', '777777')).toBe('another');
    expect(to('MMM', 'MMMM', '')).toBe('ours');
    expect(ctfAddressedTo(null, school)).toBe('ours');
    expect(ctfOurSchoolLabel(school)).toBe('Kingsmead Academy (DfE 999/4001, URN 900001)');
  });

  it('asks for confirmation when the school has no number the file gives', () => {
    const none = { name: 'New School', urn: null, dfeNumber: null };
    expect(ctfAddressedTo({ lea: '888', estab: '4321', urn: '777777', name: '' }, none)).toBe('unchecked');
    const urnOnly = { name: 'Old School', urn: '900001', dfeNumber: null };
    expect(ctfAddressedTo({ lea: '888', estab: '4321', urn: '', name: '' }, urnOnly)).toBe('unchecked');
    const dfeOnly = { name: 'Other School', urn: null, dfeNumber: '9994001' };
    expect(ctfAddressedTo({ lea: '', estab: '', urn: '777777', name: '' }, dfeOnly)).toBe('unchecked');
    expect(ctfOurSchoolLabel(none)).toBe('New School');
  });
});

describe('reading a parsed CTF', () => {
  const upn = makeUpn('970000000001');
  const pupil = (extra: Record<string, unknown> = {}) => ({
    UPN: upn,
    Surname: 'Ames',
    Forename: 'Bo',
    DOB: '2015-03-01',
    Sex: 'F',
    BasicDetails: {
      PreferredForename: 'Bo',
      NCyearActual: 'R',
      Languages: { Type: { LanguageType: 'F', Language: 'ENG' } },
    },
    ...extra,
  });

  it('reads a single pupil (not a list) and its single contact', () => {
    const read = readCtf(
      {
        CTfile: {
          Header: { DestSchool: { LEA: 'MMM', Estab: 'MMMM' } },
          CTFpupilData: {
            Pupil: pupil({
              Contacts: {
                Contact: { Order: '1', Forename: 'Cy', Surname: 'Ames', Relationship: 'PAR', Responsibility: 'true' },
              },
            }),
          },
        },
      },
      TODAY,
    );
    if (!read.ok) throw new Error(read.message);
    expect(read.issues).toEqual([]);
    expect(read.payload.pupils.rows[0]).toMatchObject({
      upn,
      yearGroup: 0,
      sex: 'female',
      eal: false,
      preferredName: null,
    });
    expect(read.payload.contacts.rows[0]).toMatchObject({ upn, name: 'Cy Ames', relationship: 'Parent', priority: 1 });
    // Contacts without e-mail or phones leave those details as they are.
    expect(read.payload.contacts.fields).not.toContain('email');
    expect(read.unchangedFields).toContain('Contact email');
  });

  it('refuses a file without CTfile or pupils', () => {
    expect(readCtf({ Message: {} }, TODAY).ok).toBe(false);
    expect(readCtf({ CTfile: { Header: {} } }, TODAY).ok).toBe(false);
  });
});
