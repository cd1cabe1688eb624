/**
 * Importing pupils, their parents and carers, and teaching groups from the CSV files a school's MIS
 * (SIMS, Arbor, Bromcom) exports. Everything that decides what a file means lives here, with no
 * I/O: which header is which column, whether each row is usable and why not, and what applying the
 * rows would change compared with what the school already holds. The server reads the file and the
 * database, calls these rules, and writes the plan in one transaction.
 */
import { createSelectSchema } from 'drizzle-zod';
import { z } from 'zod';
import { contacts, pupils } from './pupils.tables';
import { isValidUpn } from './upn';
import { yearGroupLabel } from './pupils.schemas';
import { IMPORT_KINDS, SEND_STATUSES, type ImportKind, type SendStatus, type Sex } from './pupils.values';

export const importKindSchema = z.enum(IMPORT_KINDS, {
  error: 'Choose what the file holds: pupils, contacts, groups or a common transfer file (CTF)',
});

/** Largest file accepted, checked before any of it is read. */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
export const IMPORT_TOO_LARGE_MESSAGE =
  'The file is larger than 10 MB. Export only the columns Tandem needs (UPN, names, date of birth, year, form and the characteristics), or split the file by year group, and upload it again.';
/** A preview may be applied for this long; after that the school's data may have moved on. */
export const IMPORT_PREVIEW_HOURS = 24;
/** How many added, updated and leaving rows the preview shows. */
export const IMPORT_SAMPLE_SIZE = 20;

// ---------------------------------------------------------------------------------------------
// Columns and headers

interface ColumnSpec {
  key: string;
  /** How the column is named back to the school, in messages and the preview. */
  label: string;
  /** Header spellings used by MIS exports, normalised (see normaliseHeader), best first. */
  aliases: readonly string[];
  required: boolean;
}

/** Headers match ignoring case, spaces and punctuation: "Date of Birth", "DOB", "date_of_birth". */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const PUPIL_COLUMNS = [
  { key: 'upn', label: 'UPN', aliases: ['upn', 'uniquepupilnumber', 'pupilupn'], required: true },
  {
    key: 'familyName',
    label: 'Surname',
    aliases: ['legalsurname', 'surname', 'familyname', 'lastname', 'legallastname', 'legalfamilyname'],
    required: true,
  },
  {
    key: 'givenName',
    label: 'Forename',
    aliases: ['legalforename', 'forename', 'firstname', 'givenname', 'legalfirstname', 'forenames', 'legalgivenname'],
    required: true,
  },
  {
    key: 'preferredName',
    label: 'Preferred name',
    aliases: ['preferredforename', 'preferredname', 'preferredfirstname', 'knownas', 'chosenname'],
    required: false,
  },
  { key: 'dateOfBirth', label: 'Date of birth', aliases: ['dob', 'dateofbirth', 'birthdate'], required: true },
  {
    key: 'yearGroup',
    label: 'Year group',
    aliases: ['year', 'yeargroup', 'ncyear', 'ncyearactual', 'curriculumyear', 'yearofeducation'],
    required: true,
  },
  {
    key: 'form',
    label: 'Form',
    aliases: [
      'reggroup',
      'form',
      'registrationgroup',
      'tutorgroup',
      'regform',
      'formgroup',
      'registrationform',
      'class',
    ],
    required: false,
  },
  {
    key: 'send',
    label: 'SEN',
    aliases: ['sen', 'senstatus', 'senprovision', 'send', 'sendstatus', 'sendprovision'],
    required: false,
  },
  {
    key: 'pupilPremium',
    label: 'Pupil premium',
    aliases: ['pupilpremium', 'pp', 'pupilpremiumindicator', 'ppindicator', 'pupilpremiumeligible'],
    required: false,
  },
  {
    key: 'lookedAfter',
    label: 'Looked after',
    aliases: ['lookedafter', 'incare', 'cla', 'lac', 'childlookedafter', 'lookedafterchild'],
    required: false,
  },
  { key: 'childInNeed', label: 'Child in need', aliases: ['childinneed', 'cin'], required: false },
  { key: 'youngCarer', label: 'Young carer', aliases: ['youngcarer', 'yc'], required: false },
  { key: 'eal', label: 'EAL', aliases: ['eal', 'englishasanadditionallanguage'], required: false },
  {
    key: 'sex',
    label: 'Sex',
    aliases: ['sex', 'legalsex', 'gender', 'pupilsex', 'pupilgender', 'sexgender', 'gendersex'],
    required: false,
  },
  {
    key: 'leftOn',
    label: 'Leaving date',
    aliases: ['leavingdate', 'dateofleaving', 'leftdate', 'dateleft', 'leftschool'],
    required: false,
  },
] as const satisfies readonly ColumnSpec[];

const CONTACT_COLUMNS = [
  { key: 'upn', label: 'UPN', aliases: ['upn', 'pupilupn', 'uniquepupilnumber'], required: true },
  {
    key: 'name',
    label: 'Contact name',
    aliases: ['contactname', 'name', 'fullname', 'contactfullname', 'parentname', 'parentcarername'],
    required: false,
  },
  {
    key: 'title',
    label: 'Title',
    aliases: ['title', 'contacttitle', 'salutationtitle', 'parenttitle'],
    required: false,
  },
  {
    key: 'forename',
    label: 'Forename',
    aliases: ['contactforename', 'contactfirstname', 'forename', 'firstname', 'givenname'],
    required: false,
  },
  {
    key: 'surname',
    label: 'Surname',
    aliases: ['contactsurname', 'contactlastname', 'surname', 'lastname', 'familyname'],
    required: false,
  },
  {
    key: 'relationship',
    label: 'Relationship',
    aliases: ['relationship', 'relationshiptopupil', 'contactrelationship', 'relation'],
    required: false,
  },
  {
    key: 'email',
    label: 'Email',
    aliases: ['email', 'emailaddress', 'contactemail', 'contactemailaddress', 'primaryemail'],
    required: false,
  },
  {
    key: 'phone',
    label: 'Phone',
    aliases: [
      'phone',
      'telephone',
      'mobile',
      'mobilephone',
      'mobilenumber',
      'phonenumber',
      'telephonenumber',
      'contactphone',
      'contacttelephone',
      'contactmobile',
    ],
    required: false,
  },
  {
    key: 'priority',
    label: 'Priority',
    aliases: ['priority', 'contactpriority', 'order', 'contactorder', 'prioritynumber'],
    required: false,
  },
  // The address as one cell (SIMS and Arbor "Address", an "Address block"), or in parts (Bromcom's
  // and most spreadsheets' "Address line 1", "Town", "Postcode").
  {
    key: 'address',
    label: 'Address',
    aliases: [
      'address',
      'contactaddress',
      'homeaddress',
      'postaladdress',
      'addressblock',
      'fulladdress',
      'correspondenceaddress',
      'contacthomeaddress',
    ],
    required: false,
  },
  {
    key: 'addressLine1',
    label: 'Address line 1',
    aliases: ['addressline1', 'address1', 'addressline', 'street', 'houseandstreet', 'housenameornumber'],
    required: false,
  },
  { key: 'addressLine2', label: 'Address line 2', aliases: ['addressline2', 'address2', 'locality'], required: false },
  { key: 'addressLine3', label: 'Address line 3', aliases: ['addressline3', 'address3', 'district'], required: false },
  { key: 'town', label: 'Town', aliases: ['town', 'towncity', 'city', 'posttown', 'addresstown'], required: false },
  { key: 'county', label: 'County', aliases: ['county', 'addresscounty'], required: false },
  {
    key: 'postcode',
    label: 'Postcode',
    aliases: ['postcode', 'postalcode', 'addresspostcode', 'zip'],
    required: false,
  },
  {
    key: 'parentalResponsibility',
    label: 'Parental responsibility',
    aliases: ['parentalresponsibility', 'pr', 'hasparentalresponsibility'],
    required: false,
  },
  {
    key: 'noContact',
    label: 'No contact',
    aliases: ['nocontact', 'donotcontact', 'dontcontact', 'contactnotallowed', 'nocontactallowed', 'contactrestricted'],
    required: false,
  },
] as const satisfies readonly ColumnSpec[];

const GROUP_COLUMNS = [
  {
    key: 'code',
    label: 'Group',
    aliases: ['group', 'groupcode', 'class', 'classcode', 'teachinggroup', 'set', 'code', 'groupid'],
    required: true,
  },
  {
    key: 'name',
    label: 'Group name',
    aliases: ['groupname', 'classname', 'description', 'groupdescription'],
    required: false,
  },
  {
    key: 'staffEmails',
    label: 'Staff email',
    aliases: ['staffemail', 'staffemails', 'teacheremail', 'teacheremails', 'email', 'emailaddress'],
    required: false,
  },
  { key: 'upn', label: 'UPN', aliases: ['upn', 'pupilupn', 'uniquepupilnumber'], required: true },
] as const satisfies readonly ColumnSpec[];

type KeyOf<T extends readonly ColumnSpec[]> = T[number]['key'];
export type PupilColumn = KeyOf<typeof PUPIL_COLUMNS>;
export type ContactColumn = KeyOf<typeof CONTACT_COLUMNS>;
type GroupColumn = KeyOf<typeof GROUP_COLUMNS>;

const COLUMNS_BY_KIND: Record<ImportKind, readonly ColumnSpec[]> = {
  pupils: PUPIL_COLUMNS,
  contacts: CONTACT_COLUMNS,
  groups: GROUP_COLUMNS,
  // A CTF is XML: its elements are read in ctf.read.ts.
  ctf: [],
};

/** The columns a kind of file may hold, for the upload page's help text. */
export function importColumns(kind: ImportKind): { label: string; required: boolean }[] {
  return COLUMNS_BY_KIND[kind].map((c) => ({ label: c.label, required: c.required }));
}

interface HeaderMatch<K extends string> {
  index: Partial<Record<K, number>>;
  missing: string[];
  ignored: string[];
}

/** Which header holds which column. A header is used for one column only, the best alias first. */
function matchHeaders<K extends string>(
  specs: readonly { key: K; label: string; aliases: readonly string[]; required: boolean }[],
  header: readonly string[],
): HeaderMatch<K> {
  const normalised = header.map(normaliseHeader);
  const claimed = new Set<number>();
  const index: Partial<Record<K, number>> = {};
  for (const spec of specs) {
    for (const alias of spec.aliases) {
      const i = normalised.findIndex((h, n) => h === alias && !claimed.has(n));
      if (i >= 0) {
        index[spec.key] = i;
        claimed.add(i);
        break;
      }
    }
  }
  const missing = specs.filter((s) => s.required && index[s.key] === undefined).map((s) => s.label);
  const ignored = header.map((h) => h.trim()).filter((h, i) => h !== '' && !claimed.has(i));
  return { index, missing, ignored };
}

// ---------------------------------------------------------------------------------------------
// Values

/** A date as the school wrote it: DD/MM/YYYY, D/M/YYYY or YYYY-MM-DD (a time after it is ignored). */
export function parseSchoolDate(input: string): { date: string } | { problem: 'format' | 'impossible' } {
  const s = input.trim();
  let y: number;
  let m: number;
  let d: number;
  const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(s);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(s);
  if (uk) {
    [d, m, y] = [Number(uk[1]), Number(uk[2]), Number(uk[3])];
  } else if (iso) {
    [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else {
    return { problem: 'format' };
  }
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return { problem: 'impossible' };
  return { date: `${String(y)}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whole years between a date of birth and a day, both YYYY-MM-DD. */
export function ageOn(dateOfBirth: string, day: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = day.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** Today's date in England (YYYY-MM-DD): a school's day starts at midnight in London, not UTC. */
export function schoolDate(at: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/**
 * A year group as MIS exports write it: "R" or "Reception" is 0, "N" or "Nursery" is -1, and
 * "Year 7", "Y7" or "7" is 7 (1..14). Anything else is null.
 */
export function parseYearGroup(input: string): number | null {
  // Spaces and dots go, but not a minus sign: "-1" must not read as Year 1.
  const s = input
    .trim()
    .toLowerCase()
    .replace(/[\s._]/g, '');
  if (['r', 'rec', 'reception', 'yearr', 'yr', 'yearreception', 'fs2'].includes(s)) return 0;
  if (['n', 'nur', 'nursery', 'n1', 'n2', 'yearn', 'fs1'].includes(s)) return -1;
  const n = /^(?:year|yr|y|ncyear)?0*(\d{1,2})$/.exec(s);
  if (!n) return null;
  const year = Number(n[1]);
  return year >= 1 && year <= 14 ? year : null;
}

/** SEN provision: N or blank = none, K = SEN support, E = EHCP; the words for each are accepted too. */
export function parseSend(input: string): SendStatus | null {
  const s = normaliseHeader(input);
  if (['', 'n', 'no', 'none', 'nosen', 'nosend', 'notsen'].includes(s)) return 'none';
  if (['k', 'senk', 'sensupport', 'support', 'sendsupport', 'a', 'p', 'schoolaction', 'schoolactionplus'].includes(s)) {
    return 'support';
  }
  if (['e', 'ehcp', 'ehc', 'ehcplan', 'educationhealthandcareplan', 's', 'statement', 'statemented'].includes(s)) {
    return 'ehcp';
  }
  return null;
}

/** Y/N, Yes/No, True/False, 1/0; blank is No. Anything else is null. */
export function parseYesNo(input: string): boolean | null {
  const s = input.trim().toLowerCase();
  if (['', 'n', 'no', 'false', 'f', '0'].includes(s)) return false;
  if (['y', 'yes', 'true', 't', '1'].includes(s)) return true;
  return null;
}

/** Sex as the census records it: F or M, Female or Male, in any case; blank is not given (''). Anything else is null. */
export function parseSex(input: string): Sex | '' | null {
  const s = input.trim().toLowerCase();
  if (s === '') return '';
  if (s === 'f' || s === 'female') return 'female';
  if (s === 'm' || s === 'male') return 'male';
  return null;
}

const EMAIL = z.regexes.email;

// ---------------------------------------------------------------------------------------------
// Rows

const MAX = {
  name: 100,
  form: 20,
  contactName: 200,
  title: 20,
  address: 400,
  relationship: 60,
  email: 254,
  phone: 40,
  code: 40,
  groupName: 120,
};

export const importIssueSchema = z.object({
  /** The row as a spreadsheet numbers it: the header is line 1. */
  line: z.number().int(),
  column: z.string().optional(),
  message: z.string(),
  /** The pupil the row is about, so office staff can find the record in their MIS. */
  upn: z.string().optional(),
  /** The pupil's name: from the file, or from the school's records for a contact or group row. */
  pupilName: z.string().optional(),
});
export type ImportIssue = z.infer<typeof importIssueSchema>;

export const PUPIL_OPTIONAL_FIELDS = [
  'preferredName',
  'form',
  'send',
  'pupilPremium',
  'lookedAfter',
  'childInNeed',
  'youngCarer',
  'eal',
  'sex',
] as const;
export type PupilOptionalField = (typeof PUPIL_OPTIONAL_FIELDS)[number];

const pupilRow = createSelectSchema(pupils, { send: () => z.enum(SEND_STATUSES) }).shape;
const contactRow = createSelectSchema(contacts).shape;

/** A usable pupil row of a file: the pupil's columns as they will be stored, and the file's line. */
export const pupilImportRowSchema = z.object({
  line: z.number().int(),
  upn: pupilRow.upn,
  givenName: pupilRow.givenName,
  familyName: pupilRow.familyName,
  preferredName: pupilRow.preferredName,
  dateOfBirth: pupilRow.dateOfBirth,
  yearGroup: pupilRow.yearGroup,
  form: pupilRow.form,
  send: pupilRow.send,
  pupilPremium: pupilRow.pupilPremium,
  lookedAfter: pupilRow.lookedAfter,
  childInNeed: pupilRow.childInNeed,
  youngCarer: pupilRow.youngCarer,
  eal: pupilRow.eal,
  sex: pupilRow.sex,
  leftOn: pupilRow.leftOn,
});
export type PupilImportRow = z.infer<typeof pupilImportRowSchema>;

export const CONTACT_OPTIONAL_FIELDS = [
  'title',
  'address',
  'relationship',
  'email',
  'phone',
  'priority',
  'parentalResponsibility',
  'noContact',
] as const;
export type ContactOptionalField = (typeof CONTACT_OPTIONAL_FIELDS)[number];

/** A usable contact row: the contact's columns as they will be stored, their pupil's UPN, and the line. */
export const contactImportRowSchema = z.object({
  line: z.number().int(),
  upn: pupilRow.upn,
  name: contactRow.name,
  title: contactRow.title,
  address: contactRow.address,
  relationship: contactRow.relationship,
  email: contactRow.email,
  phone: contactRow.phone,
  priority: contactRow.priority,
  parentalResponsibility: contactRow.parentalResponsibility,
  noContact: contactRow.noContact,
});
export type ContactImportRow = z.infer<typeof contactImportRowSchema>;

export const groupImportRowSchema = z.object({
  line: z.number().int(),
  code: z.string(),
  name: z.string().nullable(),
  staffEmails: z.array(z.string()),
  upn: z.string(),
});
export type GroupImportRow = z.infer<typeof groupImportRowSchema>;

/**
 * The checked, normalised rows of a file, as stored with its preview and applied later. `fields`
 * lists the optional columns the file had: a column the file lacks is never overwritten.
 */
export const importPayloadSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('pupils'),
    fields: z.array(z.enum(PUPIL_OPTIONAL_FIELDS)),
    rows: z.array(pupilImportRowSchema),
  }),
  z.object({
    kind: z.literal('contacts'),
    fields: z.array(z.enum(CONTACT_OPTIONAL_FIELDS)),
    rows: z.array(contactImportRowSchema),
  }),
  z.object({ kind: z.literal('groups'), hasStaff: z.boolean(), rows: z.array(groupImportRowSchema) }),
  // A common transfer file: its pupils, then their contacts, applied together (ctf.read.ts).
  z.object({
    kind: z.literal('ctf'),
    pupils: z.object({ fields: z.array(z.enum(PUPIL_OPTIONAL_FIELDS)), rows: z.array(pupilImportRowSchema) }),
    contacts: z.object({ fields: z.array(z.enum(CONTACT_OPTIONAL_FIELDS)), rows: z.array(contactImportRowSchema) }),
  }),
]);
export type ImportPayload = z.infer<typeof importPayloadSchema>;

export type ReadImportResult =
  | { ok: false; message: string }
  | { ok: true; totalRows: number; payload: ImportPayload; issues: ImportIssue[]; ignoredColumns: string[] };

export type Cells<K extends string> = (key: K) => string;

/** A reader for one row's cells by column; a missing column or cell reads as blank. */
function cellsOf<K extends string>(record: readonly string[], index: Partial<Record<K, number>>): Cells<K> {
  return (key) => {
    const i = index[key];
    const raw = i === undefined ? '' : (record[i] ?? '');
    // Spreadsheets sometimes keep leading zeros by writing ="0123": read the value inside.
    const formula = /^="(.*)"$/.exec(raw.trim());
    return (formula ? (formula[1] ?? '') : raw).trim();
  };
}

function isBlank(record: readonly string[]): boolean {
  return record.every((c) => c.trim() === '');
}

export interface RowContext {
  line: number;
  issues: ImportIssue[];
}

export function issue(ctx: RowContext, column: string | undefined, message: string): void {
  ctx.issues.push(column === undefined ? { line: ctx.line, message } : { line: ctx.line, column, message });
}

function readUpn(ctx: RowContext, value: string): string | null {
  if (value === '') {
    issue(ctx, 'UPN', 'The UPN is missing.');
    return null;
  }
  const upn = value.toUpperCase();
  if (!/^[A-Z]\d{11}[0-9A-Z]$/.test(upn)) {
    issue(ctx, 'UPN', `"${value}" is not a UPN: a UPN is 13 characters, a letter then 12 digits.`);
    return null;
  }
  if (!isValidUpn(upn)) {
    issue(ctx, 'UPN', `The UPN ${upn} has the wrong check letter. Check it was copied correctly from the MIS.`);
    return null;
  }
  return upn;
}

function readText(
  ctx: RowContext,
  column: string,
  value: string,
  max: number,
  required: boolean,
): string | null | undefined {
  if (value === '') {
    if (required) issue(ctx, column, `The ${column.toLowerCase()} is missing.`);
    return required ? undefined : null;
  }
  if (value.length > max) {
    issue(ctx, column, `The ${column.toLowerCase()} is longer than ${max} characters.`);
    return undefined;
  }
  return value;
}

function readFlag(ctx: RowContext, column: string, value: string): boolean {
  const v = parseYesNo(value);
  if (v === null) issue(ctx, column, `${column} "${value}" should be Yes or No (Y/N, True/False or 1/0).`);
  return v ?? false;
}

export function readPupilRow(ctx: RowContext, cell: Cells<PupilColumn>, today: string): PupilImportRow | null {
  const upn = readUpn(ctx, cell('upn'));
  const familyName = readText(ctx, 'Surname', cell('familyName'), MAX.name, true);
  const givenName = readText(ctx, 'Forename', cell('givenName'), MAX.name, true);
  const preferred = readText(ctx, 'Preferred name', cell('preferredName'), MAX.name, false);

  let dateOfBirth: string | null = null;
  const dobText = cell('dateOfBirth');
  if (dobText === '') {
    issue(ctx, 'Date of birth', 'The date of birth is missing.');
  } else {
    const parsed = parseSchoolDate(dobText);
    if ('problem' in parsed) {
      issue(
        ctx,
        'Date of birth',
        parsed.problem === 'format'
          ? `The date of birth "${dobText}" is not a date Tandem can read. Write it as DD/MM/YYYY.`
          : `The date of birth "${dobText}" is not a real date.`,
      );
    } else if (parsed.date > today) {
      issue(ctx, 'Date of birth', `The date of birth "${dobText}" is in the future.`);
    } else {
      const age = ageOn(parsed.date, today);
      if (age < 2 || age > 20) {
        issue(
          ctx,
          'Date of birth',
          `The date of birth "${dobText}" makes the pupil ${age} years old; pupils must be between 2 and 20.`,
        );
      } else {
        dateOfBirth = parsed.date;
      }
    }
  }

  const yearText = cell('yearGroup');
  const yearGroup = parseYearGroup(yearText);
  if (yearGroup === null) {
    issue(
      ctx,
      'Year group',
      yearText === ''
        ? 'The year group is missing.'
        : `"${yearText}" is an unknown year group. Use N (Nursery), R (Reception) or a year from 1 to 14.`,
    );
  }

  const form = readText(ctx, 'Form', cell('form'), MAX.form, false);

  const sendText = cell('send');
  const send = parseSend(sendText);
  if (send === null) {
    issue(ctx, 'SEN', `The SEN status "${sendText}" is not recognised. Use N (none), K (SEN support) or E (EHCP).`);
  }
  const pupilPremium = readFlag(ctx, 'Pupil premium', cell('pupilPremium'));
  const lookedAfter = readFlag(ctx, 'Looked after', cell('lookedAfter'));
  const childInNeed = readFlag(ctx, 'Child in need', cell('childInNeed'));
  const youngCarer = readFlag(ctx, 'Young carer', cell('youngCarer'));
  const eal = readFlag(ctx, 'EAL', cell('eal'));
  const sexText = cell('sex');
  const sex = parseSex(sexText);
  if (sex === null)
    issue(ctx, 'Sex', `The sex "${sexText}" is not recognised. Use F (female) or M (male), or leave it blank.`);

  let leftOn: string | null = null;
  const leftText = cell('leftOn');
  if (leftText !== '') {
    const parsed = parseSchoolDate(leftText);
    if ('problem' in parsed) {
      issue(
        ctx,
        'Leaving date',
        parsed.problem === 'format'
          ? `The leaving date "${leftText}" is not a date Tandem can read. Write it as DD/MM/YYYY.`
          : `The leaving date "${leftText}" is not a real date.`,
      );
    } else if (parsed.date <= today) {
      // A leaving date still to come (a Year 11 leaving in July) leaves the pupil on roll until then.
      leftOn = parsed.date;
    }
  }

  if (
    ctx.issues.length > 0 ||
    upn === null ||
    !familyName ||
    !givenName ||
    preferred === undefined ||
    form === undefined ||
    dateOfBirth === null ||
    yearGroup === null ||
    send === null ||
    sex === null
  ) {
    return null;
  }
  return {
    line: ctx.line,
    upn,
    givenName,
    familyName,
    // An MIS often repeats the legal forename as the preferred one: only a different name is kept.
    preferredName: preferred === givenName ? null : preferred,
    dateOfBirth,
    yearGroup,
    form: form ?? '',
    send,
    pupilPremium,
    lookedAfter,
    childInNeed,
    youngCarer,
    eal,
    sex: sex || null,
    leftOn,
  };
}

/**
 * A title as a letter writes it: "Dr." is "Dr", and one in capitals ("MRS") or lower case is
 * written "Mrs", so an MIS that changes only the case does not make a change to review.
 */
function tidyTitle(text: string): string {
  const t = text.replace(/\.$/, '').trim();
  if (t !== t.toUpperCase() && t !== t.toLowerCase()) return t;
  return t.charAt(0).toUpperCase() + t.slice(1).toLowerCase();
}

/** A contact row as read: the priority is settled once the pupil's other rows are known. */
export type ContactRowRead = Omit<ContactImportRow, 'priority'> & { priority: number | null };

export function readContactRow(ctx: RowContext, cell: Cells<ContactColumn>): ContactRowRead | null {
  const upn = readUpn(ctx, cell('upn'));
  const composed = [cell('title'), cell('forename'), cell('surname')].filter((s) => s !== '').join(' ');
  const nameText = cell('name') || composed;
  const name = readText(ctx, 'Contact name', nameText.replace(/\s+/g, ' '), MAX.contactName, true);
  const relationship = readText(ctx, 'Relationship', cell('relationship'), MAX.relationship, false);
  const title = readText(ctx, 'Title', tidyTitle(cell('title')), MAX.title, false);
  // One line per part, however the MIS split it; a single cell keeps its own lines.
  const addressText = [
    ...cell('address').split(/\r?\n/),
    cell('addressLine1'),
    cell('addressLine2'),
    cell('addressLine3'),
    cell('town'),
    cell('county'),
    cell('postcode').toUpperCase(),
  ]
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '')
    .join('\n');
  const address = readText(ctx, 'Address', addressText, MAX.address, false);

  let email: string | null = null;
  const emailText = cell('email');
  if (emailText !== '') {
    if (emailText.length > MAX.email || !EMAIL.test(emailText)) {
      issue(ctx, 'Email', `"${emailText}" is not a valid email address.`);
    } else {
      email = emailText.toLowerCase();
    }
  }
  const phone = readText(ctx, 'Phone', cell('phone'), MAX.phone, false);

  let priority: number | null = null;
  const priorityText = cell('priority');
  if (priorityText !== '') {
    const n = /^\d{1,2}$/.test(priorityText) ? Number(priorityText) : NaN;
    if (!(n >= 1 && n <= 99)) {
      issue(ctx, 'Priority', `The priority "${priorityText}" should be a whole number from 1 (first contact) to 99.`);
    } else {
      priority = n;
    }
  }
  const prText = cell('parentalResponsibility');
  const parentalResponsibility = readFlag(ctx, 'Parental responsibility', prText);
  // The MIS says the school must not contact this person: they are never invited to Tandem.
  const noContact = readFlag(ctx, 'No contact', cell('noContact'));

  if (
    ctx.issues.length > 0 ||
    upn === null ||
    !name ||
    relationship === undefined ||
    phone === undefined ||
    title === undefined ||
    address === undefined
  ) {
    return null;
  }
  return {
    line: ctx.line,
    upn,
    name,
    title,
    address,
    relationship: relationship ?? 'Parent',
    email,
    phone,
    priority,
    parentalResponsibility,
    noContact,
  };
}

function readGroupRow(ctx: RowContext, cell: Cells<GroupColumn>): GroupImportRow | null {
  const code = readText(ctx, 'Group', cell('code'), MAX.code, true);
  const name = readText(ctx, 'Group name', cell('name'), MAX.groupName, false);
  const upn = readUpn(ctx, cell('upn'));
  const staffEmails: string[] = [];
  for (const part of cell('staffEmails').split(/[;,]/)) {
    const email = part.trim();
    if (email === '') continue;
    if (email.length > MAX.email || !EMAIL.test(email)) {
      issue(ctx, 'Staff email', `"${email}" is not a valid email address.`);
    } else if (!staffEmails.includes(email.toLowerCase())) {
      staffEmails.push(email.toLowerCase());
    }
  }
  if (ctx.issues.length > 0 || !code || name === undefined || upn === null) return null;
  return { line: ctx.line, code, name, staffEmails, upn };
}

/**
 * Read a CSV table (the header row first) as a kind of import. Returns every problem with the line
 * a spreadsheet shows it on; rows with a problem are left out of the payload. A file that cannot be
 * checked at all (empty, or a header with no rows) is refused with a message instead.
 */
export function readImportTable(
  kind: ImportKind,
  table: readonly (readonly string[])[],
  today: string,
): ReadImportResult {
  const headerAt = table.findIndex((r) => !isBlank(r));
  const header = table[headerAt];
  if (headerAt < 0 || !header) {
    return {
      ok: false,
      message: 'The file is empty. Export the list from your MIS as a CSV file and upload it again.',
    };
  }
  const data: { line: number; record: readonly string[] }[] = [];
  table.forEach((record, i) => {
    if (i > headerAt && !isBlank(record)) data.push({ line: i + 1, record });
  });
  if (data.length === 0) {
    return {
      ok: false,
      message: `The file has a header row but no ${kind === 'groups' ? 'group members' : kind} below it. Check the export from your MIS and upload it again.`,
    };
  }
  const headerLine = headerAt + 1;
  const fileProblem = (missing: string[], ignored: string[]): ReadImportResult => {
    const found = header.map((h) => h.trim()).filter((h) => h !== '');
    return {
      ok: true,
      totalRows: data.length,
      payload: emptyPayload(kind),
      ignoredColumns: ignored,
      issues: missing.map((label) => ({
        line: headerLine,
        column: label,
        message: `The file has no "${label}" column. The columns found were: ${found.length > 0 ? found.join(', ') : 'none'}.`,
      })),
    };
  };

  switch (kind) {
    case 'pupils': {
      const m = matchHeaders(PUPIL_COLUMNS, header);
      if (m.missing.length > 0) return fileProblem(m.missing, m.ignored);
      const fields = PUPIL_OPTIONAL_FIELDS.filter((f) => m.index[f] !== undefined);
      const issues: ImportIssue[] = [];
      const rows: PupilImportRow[] = [];
      const firstLineOf = new Map<string, number>();
      for (const { line, record } of data) {
        const ctx: RowContext = { line, issues: [] };
        const cell = cellsOf(record, m.index);
        const row = readPupilRow(ctx, cell, today);
        const upn = wellFormedUpn(cell('upn'));
        const first = upn === null ? undefined : firstLineOf.get(upn);
        if (upn !== null && first !== undefined) {
          issue(ctx, 'UPN', `The UPN ${upn} appears more than once in the file: it is also on line ${first}.`);
        } else if (upn !== null) {
          firstLineOf.set(upn, line);
        }
        const pupilName = [cell('givenName'), cell('familyName')].filter((n) => n !== '').join(' ');
        issues.push(...aboutPupil(ctx.issues, cell('upn'), pupilName));
        if (row && ctx.issues.length === 0) rows.push(row);
      }
      return { ok: true, totalRows: data.length, payload: { kind, fields, rows }, issues, ignoredColumns: m.ignored };
    }
    case 'contacts': {
      const m = matchHeaders(CONTACT_COLUMNS, header);
      const missing = [...m.missing];
      if (m.index.name === undefined && m.index.surname === undefined) missing.push('Contact name');
      if (missing.length > 0) return fileProblem(missing, m.ignored);
      const addressParts = ['addressLine1', 'addressLine2', 'addressLine3', 'town', 'county', 'postcode'] as const;
      const hasAddress = m.index.address !== undefined || addressParts.some((k) => m.index[k] !== undefined);
      const fields = CONTACT_OPTIONAL_FIELDS.filter((f) => (f === 'address' ? hasAddress : m.index[f] !== undefined));
      const issues: ImportIssue[] = [];
      const rows: ContactImportRow[] = [];
      const firstLineOf = new Map<string, number>();
      const countFor = new Map<string, number>();
      for (const { line, record } of data) {
        const ctx: RowContext = { line, issues: [] };
        const cells = cellsOf(record, m.index);
        const row = readContactRow(ctx, cells);
        if (row) {
          const key = `${row.upn}|${row.name.toLowerCase()}`;
          const first = firstLineOf.get(key);
          if (first !== undefined) {
            issue(ctx, 'Contact name', `${row.name} is listed twice for the pupil ${row.upn}: also on line ${first}.`);
          } else {
            firstLineOf.set(key, line);
          }
        }
        issues.push(...aboutPupil(ctx.issues, cells('upn'), ''));
        if (row && ctx.issues.length === 0) {
          // Without a priority column, the order of a pupil's contacts in the file is their priority.
          const position = (countFor.get(row.upn) ?? 0) + 1;
          countFor.set(row.upn, position);
          rows.push({ ...row, priority: row.priority ?? position });
        }
      }
      return { ok: true, totalRows: data.length, payload: { kind, fields, rows }, issues, ignoredColumns: m.ignored };
    }
    case 'ctf':
      return { ok: false, message: 'A common transfer file is an XML file: choose it as a CTF.' };
    case 'groups': {
      const m = matchHeaders(GROUP_COLUMNS, header);
      if (m.missing.length > 0) return fileProblem(m.missing, m.ignored);
      const issues: ImportIssue[] = [];
      const rows: GroupImportRow[] = [];
      for (const { line, record } of data) {
        const ctx: RowContext = { line, issues: [] };
        const cells = cellsOf(record, m.index);
        const row = readGroupRow(ctx, cells);
        issues.push(...aboutPupil(ctx.issues, cells('upn'), ''));
        if (row && ctx.issues.length === 0) rows.push(row);
      }
      return {
        ok: true,
        totalRows: data.length,
        payload: { kind, hasStaff: m.index.staffEmails !== undefined, rows },
        issues,
        ignoredColumns: m.ignored,
      };
    }
  }
}

/** A row's problems, each naming the pupil the row is about (as far as the row says). */
export function aboutPupil(issues: readonly ImportIssue[], upnCell: string, pupilName: string): ImportIssue[] {
  const upn = upnCell.replace(/\s+/g, '').toUpperCase();
  return issues.map((i) => ({
    ...i,
    ...(upn !== '' && { upn }),
    ...(pupilName !== '' && { pupilName }),
  }));
}

/**
 * Name the pupil of each problem that gives a UPN but no name (a contact or group row), from the
 * school's records, so office staff can find the record in their MIS.
 */
export function namePupilsInIssues(
  issues: readonly ImportIssue[],
  nameByUpn: ReadonlyMap<string, string>,
): ImportIssue[] {
  return issues.map((i) => {
    const name = i.upn !== undefined && i.pupilName === undefined ? nameByUpn.get(i.upn) : undefined;
    return name === undefined ? i : { ...i, pupilName: name };
  });
}

/** The upper-cased UPN of a cell if it is well formed, for spotting duplicates. */
export function wellFormedUpn(value: string): string | null {
  const upn = value.toUpperCase();
  return isValidUpn(upn) ? upn : null;
}

function emptyPayload(kind: ImportKind): ImportPayload {
  switch (kind) {
    case 'pupils':
      return { kind, fields: [], rows: [] };
    case 'contacts':
      return { kind, fields: [], rows: [] };
    case 'groups':
      return { kind, hasStaff: false, rows: [] };
    case 'ctf':
      return { kind, pupils: { fields: [], rows: [] }, contacts: { fields: [], rows: [] } };
  }
}

// ---------------------------------------------------------------------------------------------
// Checking against the school

/** What the school holds that rows refer to: pupils on roll by UPN, staff by e-mail (lower case). */
export interface SchoolLookups {
  pupilIdByUpn: ReadonlyMap<string, string>;
  staffIdByEmail: ReadonlyMap<string, string>;
  /** Every pupil's name by UPN (on roll or not), to name the pupil of a problem in the file. */
  pupilNameByUpn?: ReadonlyMap<string, string>;
}

/**
 * Problems only the school's records can show: a contact or group member whose UPN is not on roll,
 * a teacher who is not on the school's staff. Run at preview and again when the file is applied.
 */
export function checkAgainstSchool(payload: ImportPayload, lookups: SchoolLookups): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const notOnRoll = (line: number, upn: string, what: string) =>
    issues.push({
      line,
      upn,
      column: 'UPN',
      message: `No pupil with the UPN ${upn} is on roll at the school, so ${what}. Import the pupils file first, or check the UPN.`,
    });
  switch (payload.kind) {
    case 'pupils':
    case 'ctf':
      // A CTF's contacts belong to the pupils in the same file.
      break;
    case 'contacts':
      for (const row of payload.rows) {
        if (!lookups.pupilIdByUpn.has(row.upn)) notOnRoll(row.line, row.upn, 'this contact cannot be added');
      }
      break;
    case 'groups':
      for (const row of payload.rows) {
        if (!lookups.pupilIdByUpn.has(row.upn)) notOnRoll(row.line, row.upn, 'they cannot join the group');
        for (const email of row.staffEmails) {
          if (!lookups.staffIdByEmail.has(email)) {
            issues.push({
              line: row.line,
              upn: row.upn,
              column: 'Staff email',
              message: `${email} is not a member of staff at this school in Tandem. Invite them first, or correct the email address.`,
            });
          }
        }
      }
      break;
  }
  return issues;
}

/** Problems in line order, file-level ones first on their line. */
export function sortIssues(issues: readonly ImportIssue[]): ImportIssue[] {
  return [...issues].sort((a, b) => a.line - b.line);
}

// ---------------------------------------------------------------------------------------------
// Planning: what applying the rows would change

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const importChangeSchema = z.object({ field: z.string(), from: scalar, to: scalar });
export type ImportChange = z.infer<typeof importChangeSchema>;

export interface ExistingPupil {
  id: string;
  upn: string;
  givenName: string;
  familyName: string;
  preferredName: string | null;
  dateOfBirth: string;
  yearGroup: number;
  form: string;
  send: string;
  pupilPremium: boolean;
  lookedAfter: boolean;
  childInNeed: boolean;
  youngCarer: boolean;
  eal: boolean;
  sex: string | null;
  leftOn: string | null;
}

export interface ExistingContact {
  id: string;
  pupilId: string;
  name: string;
  title: string | null;
  address: string | null;
  relationship: string;
  email: string | null;
  phone: string | null;
  priority: number;
  parentalResponsibility: boolean;
  noContact: boolean;
}

export interface ExistingGroup {
  id: string;
  code: string;
  name: string;
  pupilIds: readonly string[];
  staffIds: readonly string[];
}

type Update<Row> = { id: string; row: Row; changes: ImportChange[] };

export interface PupilPlan {
  kind: 'pupils';
  /** Columns the file had, so absent ones are left as they are. */
  fields: readonly PupilOptionalField[];
  adds: PupilImportRow[];
  updates: Update<PupilImportRow>[];
  unchanged: number;
  leavers: ExistingPupil[];
}

export interface ContactPlan {
  kind: 'contacts';
  fields: readonly ContactOptionalField[];
  adds: (ContactImportRow & { pupilId: string })[];
  updates: Update<ContactImportRow & { pupilId: string }>[];
  unchanged: number;
}

export interface GroupTarget {
  line: number;
  code: string;
  name: string;
  pupilIds: string[];
  /** null when the file has no staff column: the group's staff are then left as they are. */
  staffIds: string[] | null;
}

export interface GroupPlan {
  kind: 'groups';
  adds: GroupTarget[];
  updates: {
    id: string;
    target: GroupTarget;
    changes: ImportChange[];
    nameChanged: boolean;
    addPupils: string[];
    removePupils: string[];
    addStaff: string[];
    removeStaff: string[];
  }[];
  unchanged: number;
}

export type ImportPlan = PupilPlan | ContactPlan | GroupPlan;

const FIELD_LABELS: Record<string, string> = {
  givenName: 'Forename',
  familyName: 'Surname',
  preferredName: 'Preferred name',
  dateOfBirth: 'Date of birth',
  yearGroup: 'Year group',
  form: 'Form',
  send: 'SEN',
  pupilPremium: 'Pupil premium',
  lookedAfter: 'Looked after',
  childInNeed: 'Child in need',
  youngCarer: 'Young carer',
  eal: 'EAL',
  sex: 'Sex',
  leftOn: 'Leaving date',
  name: 'Name',
  title: 'Title',
  address: 'Address',
  relationship: 'Relationship',
  email: 'Email',
  phone: 'Phone',
  priority: 'Priority',
  parentalResponsibility: 'Parental responsibility',
  noContact: 'No contact',
};

type Scalar = string | number | boolean | null;

function diffFields<K extends string>(
  keys: readonly K[],
  from: Record<K, Scalar>,
  to: Record<K, Scalar>,
): ImportChange[] {
  const changes: ImportChange[] = [];
  for (const k of keys) {
    if (from[k] !== to[k]) changes.push({ field: FIELD_LABELS[k] ?? k, from: from[k], to: to[k] });
  }
  return changes;
}

const PUPIL_REQUIRED_FIELDS = ['givenName', 'familyName', 'dateOfBirth', 'yearGroup', 'leftOn'] as const;

/**
 * Adds and updates by UPN. A pupil in the file is on roll unless the file gives a leaving date, so a
 * pupil marked as left who appears again is taken back on roll. With `markLeavers` (the file is the
 * full roll) pupils on roll who are missing from the file are listed as leavers; nobody is deleted.
 */
export function planPupilImport(
  payload: Extract<ImportPayload, { kind: 'pupils' }>,
  existing: readonly ExistingPupil[],
  options: { markLeavers: boolean },
): PupilPlan {
  const byUpn = new Map(existing.map((p) => [p.upn, p]));
  const keys = [...PUPIL_REQUIRED_FIELDS, ...payload.fields];
  const plan: PupilPlan = { kind: 'pupils', fields: payload.fields, adds: [], updates: [], unchanged: 0, leavers: [] };
  const inFile = new Set<string>();
  for (const row of payload.rows) {
    inFile.add(row.upn);
    const current = byUpn.get(row.upn);
    if (!current) {
      plan.adds.push(row);
      continue;
    }
    const changes = diffFields(keys, current, row);
    if (changes.length > 0) plan.updates.push({ id: current.id, row, changes });
    else plan.unchanged++;
  }
  if (options.markLeavers) {
    plan.leavers = existing.filter((p) => p.leftOn === null && !inFile.has(p.upn));
  }
  return plan;
}

/**
 * Contacts are matched by pupil and name (ignoring case): a match is updated, anyone else is added.
 * Contacts missing from the file are kept: an MIS export may hold only the first contacts.
 */
export function planContactImport(
  payload: Extract<ImportPayload, { kind: 'contacts' }>,
  existing: readonly ExistingContact[],
  lookups: SchoolLookups,
): ContactPlan {
  const byKey = new Map<string, ExistingContact>();
  for (const c of existing) {
    const key = `${c.pupilId}|${c.name.toLowerCase()}`;
    if (!byKey.has(key)) byKey.set(key, c);
  }
  const keys = ['name', ...payload.fields] as const;
  const plan: ContactPlan = { kind: 'contacts', fields: payload.fields, adds: [], updates: [], unchanged: 0 };
  for (const row of payload.rows) {
    const pupilId = lookups.pupilIdByUpn.get(row.upn);
    if (pupilId === undefined) continue;
    const current = byKey.get(`${pupilId}|${row.name.toLowerCase()}`);
    if (!current) {
      plan.adds.push({ ...row, pupilId });
      continue;
    }
    const changes = diffFields(keys, current, row);
    if (changes.length > 0) plan.updates.push({ id: current.id, row: { ...row, pupilId }, changes });
    else plan.unchanged++;
  }
  return plan;
}

/**
 * Groups are matched by code. Each group in the file ends up with exactly the pupils (and, if the
 * file has a staff column, the staff) the file lists; groups not in the file are left alone.
 */
export function planGroupImport(
  payload: Extract<ImportPayload, { kind: 'groups' }>,
  existing: readonly ExistingGroup[],
  lookups: SchoolLookups,
): GroupPlan {
  const targets = new Map<string, GroupTarget & { named: boolean }>();
  for (const row of payload.rows) {
    let t = targets.get(row.code);
    if (!t) {
      t = {
        line: row.line,
        code: row.code,
        name: row.name ?? row.code,
        named: row.name !== null,
        pupilIds: [],
        staffIds: payload.hasStaff ? [] : null,
      };
      targets.set(row.code, t);
    } else if (!t.named && row.name !== null) {
      t.name = row.name;
      t.named = true;
    }
    const pupilId = lookups.pupilIdByUpn.get(row.upn);
    if (pupilId !== undefined && !t.pupilIds.includes(pupilId)) t.pupilIds.push(pupilId);
    for (const email of row.staffEmails) {
      const userId = lookups.staffIdByEmail.get(email);
      if (userId !== undefined && t.staffIds && !t.staffIds.includes(userId)) t.staffIds.push(userId);
    }
  }
  const byCode = new Map(existing.map((g) => [g.code, g]));
  const plan: GroupPlan = { kind: 'groups', adds: [], updates: [], unchanged: 0 };
  for (const { named, ...target } of targets.values()) {
    const current = byCode.get(target.code);
    if (!current) {
      plan.adds.push(target);
      continue;
    }
    const had = new Set(current.pupilIds);
    const wants = new Set(target.pupilIds);
    const addPupils = target.pupilIds.filter((id) => !had.has(id));
    const removePupils = current.pupilIds.filter((id) => !wants.has(id));
    const hadStaff = new Set(current.staffIds);
    const wantsStaff = new Set(target.staffIds ?? current.staffIds);
    const addStaff = [...wantsStaff].filter((id) => !hadStaff.has(id));
    const removeStaff = current.staffIds.filter((id) => !wantsStaff.has(id));
    const nameChanged = named && target.name !== current.name;
    const changes: ImportChange[] = [];
    if (nameChanged) changes.push({ field: 'Name', from: current.name, to: target.name });
    if (addPupils.length > 0 || removePupils.length > 0) {
      changes.push({ field: 'Pupils', from: current.pupilIds.length, to: wants.size });
    }
    if (addStaff.length > 0 || removeStaff.length > 0) {
      changes.push({ field: 'Staff', from: current.staffIds.length, to: wantsStaff.size });
    }
    if (changes.length === 0) {
      plan.unchanged++;
      continue;
    }
    plan.updates.push({
      id: current.id,
      target: { ...target, name: nameChanged ? target.name : current.name },
      changes,
      nameChanged,
      addPupils,
      removePupils,
      addStaff,
      removeStaff,
    });
  }
  return plan;
}

// ---------------------------------------------------------------------------------------------
// Preview and results

export const importSampleItemSchema = z.object({
  /** The file's line, or null for a leaver (who is not in the file). */
  line: z.number().int().nullable(),
  /** The UPN, or the group code. */
  key: z.string(),
  /** The pupil's, contact's or group's name. */
  label: z.string(),
  detail: z.string().nullable(),
  /** For an update, each field that changes. */
  changes: z.array(importChangeSchema),
});
export type ImportSampleItem = z.infer<typeof importSampleItemSchema>;

export const importCountsSchema = z.object({
  /** Rows in the file, not counting the header and blank lines. */
  totalRows: z.number().int(),
  /** Pupils, contacts or groups to add, update, leave as they are, and (pupils) mark as left. */
  toAdd: z.number().int(),
  toUpdate: z.number().int(),
  unchanged: z.number().int(),
  toMarkLeft: z.number().int(),
  errorCount: z.number().int(),
});
export type ImportCounts = z.infer<typeof importCountsSchema>;

export const importSampleSchema = z.object({
  adds: z.array(importSampleItemSchema),
  updates: z.array(importSampleItemSchema),
  leavers: z.array(importSampleItemSchema),
});

/** The outcome of checking a file: counts and a sample of what would change. */
export function outlinePlan(plan: ImportPlan): {
  counts: Omit<ImportCounts, 'totalRows' | 'errorCount'>;
  sample: z.infer<typeof importSampleSchema>;
} {
  const n = IMPORT_SAMPLE_SIZE;
  switch (plan.kind) {
    case 'pupils': {
      const pupilItem = (row: PupilImportRow, changes: ImportChange[]): ImportSampleItem => ({
        line: row.line,
        key: row.upn,
        label: `${row.givenName} ${row.familyName}`,
        detail: [yearGroupLabel(row.yearGroup), row.form].filter((s) => s !== '').join(', '),
        changes,
      });
      return {
        counts: {
          toAdd: plan.adds.length,
          toUpdate: plan.updates.length,
          unchanged: plan.unchanged,
          toMarkLeft: plan.leavers.length,
        },
        sample: {
          adds: plan.adds.slice(0, n).map((r) => pupilItem(r, [])),
          updates: plan.updates.slice(0, n).map((u) => pupilItem(u.row, u.changes)),
          leavers: plan.leavers.slice(0, n).map((p) => ({
            line: null,
            key: p.upn,
            label: `${p.givenName} ${p.familyName}`,
            detail: [yearGroupLabel(p.yearGroup), p.form].filter((s) => s !== '').join(', '),
            changes: [],
          })),
        },
      };
    }
    case 'contacts': {
      const contactItem = (row: ContactImportRow, changes: ImportChange[]): ImportSampleItem => ({
        line: row.line,
        key: row.upn,
        label: row.name,
        detail: row.relationship,
        changes,
      });
      return {
        counts: { toAdd: plan.adds.length, toUpdate: plan.updates.length, unchanged: plan.unchanged, toMarkLeft: 0 },
        sample: {
          adds: plan.adds.slice(0, n).map((r) => contactItem(r, [])),
          updates: plan.updates.slice(0, n).map((u) => contactItem(u.row, u.changes)),
          leavers: [],
        },
      };
    }
    case 'groups': {
      const groupItem = (t: GroupTarget, changes: ImportChange[]): ImportSampleItem => ({
        line: t.line,
        key: t.code,
        label: t.name,
        detail: `${t.pupilIds.length} pupils`,
        changes,
      });
      return {
        counts: { toAdd: plan.adds.length, toUpdate: plan.updates.length, unchanged: plan.unchanged, toMarkLeft: 0 },
        sample: {
          adds: plan.adds.slice(0, n).map((t) => groupItem(t, [])),
          updates: plan.updates.slice(0, n).map((u) => groupItem(u.target, u.changes)),
          leavers: [],
        },
      };
    }
  }
}
