/**
 * Reading a common transfer file (CTF) once the server has parsed its XML into a tree of elements:
 * the header (who sent it, to whom), each pupil and each pupil's contacts. Every pupil and contact
 * is checked by the same rules as a CSV row (import.ts), so the preview, its problems and the
 * all-or-nothing apply are the same. Element names follow the DfE's CTF specification.
 */
import {
  aboutPupil,
  CONTACT_OPTIONAL_FIELDS,
  issue,
  PUPIL_OPTIONAL_FIELDS,
  readContactRow,
  readPupilRow,
  wellFormedUpn,
  type ContactColumn,
  type ContactImportRow,
  type ContactOptionalField,
  type ImportIssue,
  type ImportPayload,
  type PupilColumn,
  type PupilImportRow,
  type PupilOptionalField,
  type RowContext,
} from './import';
import {
  ctfBestPhone,
  ctfBoolean,
  ctfEal,
  ctfEverFsm6,
  ctfRelationship,
  ctfSenProvision,
  type CtfSchoolRef,
} from './ctf.codes';

/** A parsed element: text, a child element by name, or a list of same-named children. */
type Node = unknown;

function child(node: Node, name: string): Node {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
  return (node as Record<string, unknown>)[name];
}

/** Repeated elements arrive as a list, a single one as itself: always a list here. */
function list(node: Node): Node[] {
  if (node === undefined || node === null || node === '') return [];
  return Array.isArray(node) ? node : [node];
}

/** An element's text, or '' when it is absent or holds elements rather than text. */
function text(node: Node): string {
  if (typeof node === 'string') return node.trim();
  if (typeof node === 'number' || typeof node === 'boolean') return String(node);
  return '';
}

function at(node: Node, ...path: string[]): Node {
  return path.reduce<Node>((n, name) => child(Array.isArray(n) ? n[0] : n, name), node);
}

function has(node: Node, name: string): boolean {
  return child(node, name) !== undefined;
}

function schoolRef(node: Node): CtfSchoolRef | null {
  if (node === undefined) return null;
  return {
    lea: text(child(node, 'LEA')),
    estab: text(child(node, 'Estab')),
    urn: text(child(node, 'URN')),
    name: text(child(node, 'SchoolName')),
  };
}

export interface CtfHeader {
  version: string;
  /** full or partial (the specification's DocumentQualifier). */
  qualifier: string;
  source: CtfSchoolRef | null;
  destination: CtfSchoolRef | null;
}

export type ReadCtfResult =
  | { ok: false; message: string }
  | {
      ok: true;
      header: CtfHeader;
      /** Pupils in the file; a problem's line is the pupil's place in the file (1 = the first). */
      totalRows: number;
      totalContacts: number;
      payload: Extract<ImportPayload, { kind: 'ctf' }>;
      issues: ImportIssue[];
      /** Tandem's pupil and contact details the file does not carry, left as they are. */
      unchangedFields: string[];
    };

const FIELD_WORDS: Record<PupilOptionalField | ContactOptionalField, string> = {
  preferredName: 'Preferred name',
  form: 'Form (a CTF has no registration group)',
  send: 'SEN',
  pupilPremium: 'Pupil premium',
  lookedAfter: 'Looked after',
  childInNeed: 'Child in need (not in a CTF)',
  youngCarer: 'Young carer (not in a CTF)',
  eal: 'EAL (first language not given for every pupil)',
  sex: 'Sex',
  title: 'Contact title',
  address: 'Contact address',
  relationship: 'Contact relationship',
  email: 'Contact email',
  phone: 'Contact phone',
  priority: 'Contact order',
  parentalResponsibility: 'Parental responsibility',
  noContact: 'No contact (not in a CTF)',
};

/** The pupil's latest SEN provision, by start date; none when the history is empty. */
function senOf(basic: Node): string {
  const entries = list(at(basic, 'SENhistory', 'SEN')).map((s) => ({
    start: text(child(s, 'StartDate')),
    provision: text(child(s, 'SENprovision')),
  }));
  entries.sort((a, b) => b.start.localeCompare(a.start));
  return entries[0]?.provision ?? 'N';
}

/** The first language's code, or null when the file gives none. */
function firstLanguageOf(basic: Node): string | null {
  const first = list(at(basic, 'Languages', 'Type')).find((t) => text(child(t, 'LanguageType')).toUpperCase() === 'F');
  return first === undefined ? null : text(child(first, 'Language'));
}

function fsmPeriodsOf(pupil: Node): { start: string; end: string | null }[] {
  return list(at(pupil, 'FSMhistory', 'FSMinstance')).map((i) => {
    const end = text(child(i, 'FSMendDate'));
    return { start: text(child(i, 'FSMstartDate')), end: end === '' ? null : end };
  });
}

function emailOf(contact: Node): string {
  for (const e of list(child(contact, 'Email'))) {
    const address = typeof e === 'string' ? e.trim() : text(child(e, 'EmailAddress'));
    if (address !== '') return address;
  }
  return '';
}

function phoneOf(contact: Node): string {
  return ctfBestPhone(
    list(at(contact, 'Phones', 'Phone')).map((p) => ({
      type: text(child(p, 'TelephoneType')),
      number: text(child(p, 'PhoneNo')),
    })),
  );
}

/**
 * Read the parsed XML of a CTF. A file that is not a CTF, or holds no pupils, is refused with a
 * message; each pupil's or contact's problem is listed against the pupil, and rows with problems
 * are left out of the payload.
 */
export function readCtf(doc: Node, today: string): ReadCtfResult {
  const root = child(doc, 'CTfile');
  if (root === undefined || typeof root !== 'object') {
    return {
      ok: false,
      message:
        'This is not a common transfer file: its first element should be <CTfile>. Export a CTF from your MIS and upload it again.',
    };
  }
  const headerNode = child(root, 'Header');
  const header: CtfHeader = {
    version: text(child(headerNode, 'CTFversion')),
    qualifier: text(child(headerNode, 'DocumentQualifier')).toLowerCase(),
    source: schoolRef(child(headerNode, 'SourceSchool')),
    destination: schoolRef(child(headerNode, 'DestSchool')),
  };
  const pupilNodes = list(at(root, 'CTFpupilData', 'Pupil'));
  if (pupilNodes.length === 0) {
    return {
      ok: false,
      message: 'The file has no pupils in it (no <Pupil> inside <CTFpupilData>). Check the export from your MIS.',
    };
  }

  const issues: ImportIssue[] = [];
  const pupilRows: PupilImportRow[] = [];
  const contactRows: ContactImportRow[] = [];
  const firstPupilAt = new Map<string, number>();
  // An optional field is written only when every pupil (or contact) in the file gives it.
  const everyPupil = new Set<PupilOptionalField>([
    'preferredName',
    'send',
    'pupilPremium',
    'lookedAfter',
    'eal',
    'sex',
  ]);
  const everyContact = new Set<ContactOptionalField>([
    'title',
    'relationship',
    'email',
    'phone',
    'priority',
    'parentalResponsibility',
  ]);
  let totalContacts = 0;

  pupilNodes.forEach((pupil, index) => {
    const line = index + 1;
    const basic = child(pupil, 'BasicDetails');
    const firstLanguage = firstLanguageOf(basic);
    const eal = ctfEal(firstLanguage);
    const inCare = ctfBoolean(text(at(basic, 'InCare', 'Current'))) ?? false;
    const senCode = senOf(basic);
    if (!has(basic, 'PreferredForename')) everyPupil.delete('preferredName');
    if (!has(pupil, 'Sex')) everyPupil.delete('sex');
    if (eal === null) everyPupil.delete('eal');

    const values: Record<PupilColumn, string> = {
      upn: text(child(pupil, 'UPN')),
      familyName: text(child(pupil, 'Surname')),
      givenName: text(child(pupil, 'Forename')),
      preferredName: text(child(basic, 'PreferredForename')),
      dateOfBirth: text(child(pupil, 'DOB')),
      yearGroup: text(child(basic, 'NCyearActual')),
      form: '',
      send: ctfSenProvision(senCode) === null ? senCode : senCode.toUpperCase(),
      pupilPremium: ctfEverFsm6(fsmPeriodsOf(pupil), today) || inCare ? 'true' : 'false',
      lookedAfter: inCare ? 'true' : 'false',
      childInNeed: '',
      youngCarer: '',
      eal: eal === true ? 'true' : 'false',
      sex: text(child(pupil, 'Sex')),
      leftOn: '',
    };
    const ctx: RowContext = { line, issues: [] };
    const row = readPupilRow(ctx, (k) => values[k], today);
    const upn = wellFormedUpn(values.upn);
    const first = upn === null ? undefined : firstPupilAt.get(upn);
    if (upn !== null && first !== undefined) {
      issue(ctx, 'UPN', `The UPN ${upn} appears more than once in the file: it is also pupil ${String(first)}.`);
    } else if (upn !== null) {
      firstPupilAt.set(upn, line);
    }

    // The pupil's contacts: the same checks as a contacts file, each named by the pupil's UPN.
    const seen = new Set<string>();
    list(at(pupil, 'Contacts', 'Contact')).forEach((contact, position) => {
      totalContacts++;
      if (!has(contact, 'Title')) everyContact.delete('title');
      if (!has(contact, 'Email')) everyContact.delete('email');
      if (!has(contact, 'Phones')) everyContact.delete('phone');
      if (!has(contact, 'Order')) everyContact.delete('priority');
      if (!has(contact, 'Responsibility')) everyContact.delete('parentalResponsibility');
      if (!has(contact, 'Relationship')) everyContact.delete('relationship');
      const cells: Partial<Record<ContactColumn, string>> = {
        upn: values.upn,
        title: text(child(contact, 'Title')),
        forename: text(child(contact, 'Forename')),
        surname: text(child(contact, 'Surname')),
        relationship: ctfRelationship(text(child(contact, 'Relationship'))),
        email: emailOf(contact),
        phone: phoneOf(contact),
        priority: text(child(contact, 'Order')),
        parentalResponsibility: text(child(contact, 'Responsibility')),
      };
      const contactCtx: RowContext = { line, issues: [] };
      if (cells.surname === '') issue(contactCtx, 'Contact surname', `Contact ${String(position + 1)} has no surname.`);
      const read = readContactRow(contactCtx, (k) => cells[k] ?? '');
      if (read) {
        const key = read.name.toLowerCase();
        if (seen.has(key)) issue(contactCtx, 'Contact name', `${read.name} is listed twice as a contact.`);
        seen.add(key);
      }
      ctx.issues.push(...contactCtx.issues);
      if (read && contactCtx.issues.length === 0)
        contactRows.push({ ...read, priority: read.priority ?? position + 1 });
    });

    const pupilName = [values.givenName, values.familyName].filter((n) => n !== '').join(' ');
    issues.push(...aboutPupil(ctx.issues, values.upn, pupilName));
    if (row && ctx.issues.length === 0) pupilRows.push(row);
  });

  const pupilFields = PUPIL_OPTIONAL_FIELDS.filter((f) => everyPupil.has(f));
  const contactFields = CONTACT_OPTIONAL_FIELDS.filter((f) => everyContact.has(f));
  const unchangedFields = [
    ...PUPIL_OPTIONAL_FIELDS.filter((f) => !everyPupil.has(f)),
    ...CONTACT_OPTIONAL_FIELDS.filter((f) => !everyContact.has(f)),
  ].map((f) => FIELD_WORDS[f]);
  return {
    ok: true,
    header,
    totalRows: pupilNodes.length,
    totalContacts,
    payload: {
      kind: 'ctf',
      pupils: { fields: pupilFields, rows: pupilRows },
      contacts: { fields: contactFields, rows: contactRows },
    },
    issues,
    unchangedFields,
  };
}
