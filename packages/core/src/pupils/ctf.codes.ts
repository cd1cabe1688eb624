/**
 * The codes a common transfer file (CTF, the Department for Education's XML format for moving
 * pupils between schools) uses, and what each means in Tandem. The element names follow the CTF
 * specification; the codes are those of the common basic data set (CBDS). Pure: no I/O.
 */
import { parseSend, parseSex, parseYesNo } from './import';
import type { SendStatus, Sex } from './pupils.values';

/** SEN provision (CBDS): N no special educational need, K SEN support, E education, health and care plan. */
export function ctfSenProvision(code: string): SendStatus | null {
  const c = code.trim().toUpperCase();
  if (!['', 'N', 'K', 'E'].includes(c)) return null;
  return parseSend(c);
}

/** Sex (CBDS): F or M. */
export function ctfSex(code: string): Sex | '' | null {
  return parseSex(code);
}

/** A CTF boolean: true or false (1 and 0 are allowed by XML Schema); blank is false. */
export function ctfBoolean(text: string): boolean | null {
  return parseYesNo(text);
}

/**
 * Language codes (CBDS) that mean English: ENG English, ENB believed to be English. NOT (not yet
 * obtained) and REF (refused) say nothing about the pupil's first language.
 */
const ENGLISH = new Set(['ENG', 'ENB']);
const LANGUAGE_NOT_KNOWN = new Set(['', 'NOT', 'REF']);

/** Whether the first language makes the pupil EAL: true, false, or null when it is not known. */
export function ctfEal(firstLanguage: string | null): boolean | null {
  if (firstLanguage === null) return null;
  const c = firstLanguage.trim().toUpperCase();
  if (LANGUAGE_NOT_KNOWN.has(c)) return null;
  return !ENGLISH.has(c);
}

/** Relationship to the pupil (CBDS), in the words the school's contact list uses. */
export const CTF_RELATIONSHIPS: Readonly<Record<string, string>> = {
  PAR: 'Parent',
  CAR: 'Carer',
  STP: 'Step-parent',
  FOF: 'Foster parent',
  FAM: 'Family member',
  REL: 'Relative',
  SWR: 'Social worker',
  CHM: 'Childminder',
  DOC: 'Doctor',
  HTC: 'Head teacher',
  OTH: 'Other contact',
};

/** A relationship code as words; a code Tandem does not know is kept as the file gives it. */
export function ctfRelationship(code: string): string {
  const c = code.trim();
  return CTF_RELATIONSHIPS[c.toUpperCase()] ?? c;
}

/** Telephone types (CBDS) in the order a school rings them: mobile, home, work, then any other. */
const PHONE_ORDER = ['M', 'H', 'W'];

/** The number to keep of a contact's phones: the first mobile, else home, else work, else the first. */
export function ctfBestPhone(phones: readonly { type: string; number: string }[]): string {
  const usable = phones.filter((p) => p.number.trim() !== '');
  const rank = (t: string) => {
    const i = PHONE_ORDER.indexOf(t.trim().toUpperCase());
    return i < 0 ? PHONE_ORDER.length : i;
  };
  const best = [...usable].sort((a, b) => rank(a.type) - rank(b.type))[0];
  return best?.number.trim() ?? '';
}

/**
 * Free school meals in the last six years ("Ever 6"), the main route to the pupil premium: any
 * period still running, or ending on or after the day six years ago.
 */
export function ctfEverFsm6(periods: readonly { start: string; end: string | null }[], today: string): boolean {
  const [y, m, d] = today.split('-');
  const sixYearsAgo = `${String(Number(y) - 6)}-${m ?? '01'}-${d ?? '01'}`;
  return periods.some((p) => p.start !== '' && p.start <= today && (p.end === null || p.end >= sixYearsAgo));
}

/**
 * Destination LA codes that name no school (CTF specification, file names): MMM when the pupil's
 * destination is not known (the file goes to the lost pupils database), XXX when the pupil leaves
 * for a school outside the maintained sector in England and Wales.
 */
const NO_DESTINATION_LA = new Set(['MMM', 'XXX']);

export interface CtfSchoolRef {
  lea: string;
  estab: string;
  urn: string;
  name: string;
}

/** The school a CTF is addressed to, or null when it is addressed to none in particular. */
export function ctfDestination(dest: CtfSchoolRef | null): CtfSchoolRef | null {
  if (dest === null) return null;
  const lea = dest.lea.trim().toUpperCase();
  const estab = dest.estab.trim().toUpperCase();
  if (dest.urn.trim() === '' && (lea === '' || NO_DESTINATION_LA.has(lea) || estab === '' || /^[MX]{4}$/.test(estab))) {
    return null;
  }
  return dest;
}

/** A school as a CTF names it: "Name (DfE 123/4567, URN 100001)", as far as the file says. */
export function ctfSchoolLabel(school: CtfSchoolRef): string {
  const numbers = [
    school.lea !== '' && school.estab !== '' ? `DfE ${school.lea}/${school.estab}` : '',
    school.urn !== '' ? `URN ${school.urn}` : '',
  ].filter((s) => s !== '');
  const name = school.name.trim();
  if (name === '') return numbers.length > 0 ? numbers.join(', ') : 'an unnamed school';
  return numbers.length > 0 ? `${name} (${numbers.join(', ')})` : name;
}

/** The importing school as a CTF would name it: its name, DfE number (seven digits) and URN. */
export interface CtfOurSchool {
  name: string;
  urn: string | null;
  dfeNumber: string | null;
}

/** The importing school in the words of `ctfSchoolLabel`: "Kingsmead Academy (DfE 999/4001, URN 900001)". */
export function ctfOurSchoolLabel(school: CtfOurSchool): string {
  const dfe = school.dfeNumber ?? '';
  return ctfSchoolLabel({
    name: school.name,
    lea: dfe.slice(0, 3),
    estab: dfe.slice(3),
    urn: school.urn ?? '',
  });
}

/**
 * Whether a CTF addressed to `dest` is for the importing school:
 * - `ours` when it is addressed to no school in particular, or its URN is the school's URN, or its
 *   LEA and Estab together are the school's DfE number;
 * - `another` when it names a number the school also has, and that number is different;
 * - `unchecked` when there is nothing to compare (the school has neither the URN nor the DfE
 *   number the file gives), so the importer is asked to confirm it.
 */
export function ctfAddressedTo(dest: CtfSchoolRef | null, school: CtfOurSchool): 'ours' | 'another' | 'unchecked' {
  const addressed = ctfDestination(dest);
  if (addressed === null) return 'ours';
  const fileUrn = addressed.urn.trim();
  const lea = addressed.lea.trim();
  const estab = addressed.estab.trim();
  const fileDfe = /^\d{3}$/.test(lea) && /^\d{4}$/.test(estab) ? `${lea}${estab}` : '';
  const pairs = [
    [fileUrn, school.urn?.trim() ?? ''],
    [fileDfe, school.dfeNumber?.trim() ?? ''],
  ].filter(([theirs, ours]) => theirs !== '' && ours !== '');
  if (pairs.some(([theirs, ours]) => theirs === ours)) return 'ours';
  return pairs.length > 0 ? 'another' : 'unchecked';
}
