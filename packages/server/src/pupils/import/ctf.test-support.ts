/**
 * Writes common transfer files (CTF XML) for tests from plain objects, following the element
 * structure of the DfE's CTF specification. No real pupil data: every test makes up its own.
 */

export interface CtfContactSpec {
  order?: number;
  title?: string;
  forename: string;
  surname: string;
  relationship?: string;
  responsibility?: boolean;
  phones?: { type: string; number: string }[];
  email?: string;
}

export interface CtfPupilSpec {
  upn: string;
  surname?: string;
  forename?: string;
  preferredForename?: string;
  dob: string;
  sex?: string;
  ncYear?: string;
  firstLanguage?: string;
  sen?: { start: string; provision: string }[];
  inCare?: boolean;
  fsm?: { start: string; end?: string }[];
  contacts?: CtfContactSpec[];
}

export interface CtfSchoolSpec {
  lea: string;
  estab: string;
  urn?: string;
  name?: string;
}

function esc(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function el(name: string, value: string | number | boolean | undefined): string {
  return value === undefined ? '' : `<${name}>${esc(String(value))}</${name}>`;
}

function school(tag: string, s: CtfSchoolSpec | undefined): string {
  if (!s) return '';
  return `<${tag}>${el('LEA', s.lea)}${el('Estab', s.estab)}${el('URN', s.urn)}${el('SchoolName', s.name)}${tag === 'SourceSchool' ? el('AcademicYear', '2026') : ''}</${tag}>`;
}

function contact(c: CtfContactSpec, i: number): string {
  const phones =
    c.phones === undefined
      ? ''
      : `<Phones>${c.phones.map((p) => `<Phone>${el('TelephoneType', p.type)}${el('PhoneNo', p.number)}</Phone>`).join('')}</Phones>`;
  const email = c.email === undefined ? '' : `<Email>${el('EmailType', 'H')}${el('EmailAddress', c.email)}</Email>`;
  return `<Contact>${el('Order', c.order ?? i + 1)}${el('Title', c.title)}${el('Surname', c.surname)}${el('Forename', c.forename)}${el('Relationship', c.relationship ?? 'PAR')}${el('Responsibility', c.responsibility ?? true)}${phones}${email}</Contact>`;
}

function pupil(p: CtfPupilSpec): string {
  const languages =
    p.firstLanguage === undefined
      ? ''
      : `<Languages><Type>${el('LanguageType', 'F')}${el('Language', p.firstLanguage)}</Type><Type>${el('LanguageType', 'H')}${el('Language', p.firstLanguage)}</Type></Languages>`;
  const sen =
    p.sen === undefined
      ? ''
      : `<SENhistory>${p.sen.map((s) => `<SEN>${el('StartDate', s.start)}${el('SENprovision', s.provision)}</SEN>`).join('')}</SENhistory>`;
  const inCare =
    p.inCare === undefined ? '' : `<InCare>${el('Current', p.inCare)}${el('CareAuthority', '201')}</InCare>`;
  const basic = `<BasicDetails>${el('PreferredSurname', p.surname)}${el('PreferredForename', p.preferredForename ?? p.forename)}${el('NCyearActual', p.ncYear ?? '7')}${languages}${sen}${inCare}</BasicDetails>`;
  const fsm =
    p.fsm === undefined
      ? ''
      : `<FSMhistory>${p.fsm.map((f) => `<FSMinstance>${el('FSMstartDate', f.start)}${el('FSMendDate', f.end)}${el('UKcountry', 'ENG')}</FSMinstance>`).join('')}</FSMhistory>`;
  const contacts = p.contacts === undefined ? '' : `<Contacts>${p.contacts.map(contact).join('')}</Contacts>`;
  return `<Pupil>${el('UPN', p.upn)}${el('Surname', p.surname)}${el('Forename', p.forename)}${el('DOB', p.dob)}${el('Sex', p.sex ?? 'F')}${basic}${fsm}${contacts}</Pupil>`;
}

/** A whole CTF: the header (from a sending school to `dest`, or to none), then the pupils. */
export function buildCtf(options: {
  source?: CtfSchoolSpec;
  dest?: CtfSchoolSpec;
  qualifier?: 'full' | 'partial';
  pupils: CtfPupilSpec[];
}): string {
  const source = options.source ?? { lea: '999', estab: '2001', urn: '990001', name: 'Elmfield Primary School' };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<CTfile>',
    '<Header>',
    el('DocumentName', 'Common Transfer File'),
    el('CTFversion', '26.0'),
    el('DateTime', '2026-12-01T09:30:00'),
    el('DocumentQualifier', options.qualifier ?? 'full'),
    el('SupplierID', 'Test'),
    school('SourceSchool', source),
    school('DestSchool', options.dest),
    '</Header>',
    `<CTFpupilData>${options.pupils.map(pupil).join('\n')}</CTFpupilData>`,
    '</CTfile>',
  ].join('\n');
}
