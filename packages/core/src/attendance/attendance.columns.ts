/**
 * The columns of the attendance files MIS exports hold, with the header spellings of SIMS, Arbor and
 * Bromcom, and how a header row is matched to them (headers are normalised as for the pupil import).
 */
import { normaliseHeader } from '../pupils/import';
import type { AttendanceImportKind } from './attendance.values';

export const MAX_WEEK_SESSIONS = 10;

interface ColumnSpec<K extends string> {
  key: K;
  label: string;
  /** Header spellings used by MIS exports, normalised (see normaliseHeader), best first. */
  aliases: readonly string[];
}

const UPN_COLUMN = { key: 'upn', label: 'UPN', aliases: ['upn', 'uniquepupilnumber', 'pupilupn'] } as const;

/** Weekly totals, as SIMS ("Week Beginning", "Present + AEA"), Arbor ("Possible Marks") and Bromcom name them. */
export const WEEK_COLUMNS = [
  UPN_COLUMN,
  {
    key: 'weekStart',
    label: 'Week beginning',
    aliases: [
      'weekbeginning',
      'weekstart',
      'weekstartdate',
      'weekstarting',
      'weekcommencing',
      'wc',
      'weekbeginningdate',
      'week',
      'startdate',
      'date',
    ],
  },
  {
    key: 'possible',
    label: 'Possible sessions',
    aliases: [
      'possiblesessions',
      'possible',
      'sessionspossible',
      'possiblemarks',
      'possibleattendance',
      'totalpossible',
    ],
  },
  {
    key: 'attended',
    label: 'Attended sessions',
    aliases: [
      'attendedsessions',
      'attended',
      'sessionsattended',
      'presentsessions',
      'present',
      'presentaea',
      'presentmarks',
      'attendance',
      'sessionspresent',
    ],
  },
  {
    key: 'authorised',
    label: 'Authorised absence',
    aliases: [
      'authorisedabsence',
      'authorisedabsences',
      'authorised',
      'authorisedsessions',
      'authorisedabsencemarks',
      'authabsence',
      'authorisedabsencesessions',
    ],
  },
  {
    key: 'unauthorised',
    label: 'Unauthorised absence',
    aliases: [
      'unauthorisedabsence',
      'unauthorisedabsences',
      'unauthorised',
      'unauthorisedsessions',
      'unauthorisedabsencemarks',
      'unauthabsence',
      'unauthorisedabsencesessions',
    ],
  },
] as const satisfies readonly ColumnSpec<string>[];

/** Session marks, one row per pupil per morning or afternoon. */
export const MARK_COLUMNS = [
  UPN_COLUMN,
  { key: 'on', label: 'Date', aliases: ['date', 'sessiondate', 'attendancedate', 'markdate', 'day'] },
  { key: 'session', label: 'Session', aliases: ['session', 'ampm', 'sessionampm', 'amorpm', 'sessionname', 'period'] },
  {
    key: 'code',
    label: 'Mark',
    aliases: [
      'mark',
      'code',
      'attendancecode',
      'attendancemark',
      'markcode',
      'sessionmark',
      'absencecode',
      'reasoncode',
    ],
  },
] as const satisfies readonly ColumnSpec<string>[];

export type WeekColumn = (typeof WEEK_COLUMNS)[number]['key'];
export type MarkColumn = (typeof MARK_COLUMNS)[number]['key'];

/** The columns each kind of file needs (every one is required), for the upload page's help text. */
export function attendanceColumns(kind: AttendanceImportKind): string[] {
  return (kind === 'weeks' ? WEEK_COLUMNS : MARK_COLUMNS).map((c) => c.label);
}

/** Which header holds which column: each header is used once, the best alias first. */
export function matchHeaders<K extends string>(specs: readonly ColumnSpec<K>[], header: readonly string[]) {
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
  const missing = specs.filter((s) => index[s.key] === undefined).map((s) => s.label);
  const ignored = header.map((h) => h.trim()).filter((h, i) => h !== '' && !claimed.has(i));
  return { index, missing, ignored };
}

/** A reader for one row's cells by column; a missing column or cell reads as blank. */
export function cellsOf<K extends string>(record: readonly string[], index: Partial<Record<K, number>>) {
  return (key: K): string => {
    const i = index[key];
    const raw = i === undefined ? '' : (record[i] ?? '');
    const formula = /^="(.*)"$/.exec(raw.trim());
    return (formula ? (formula[1] ?? '') : raw).trim();
  };
}

export const isBlank = (record: readonly string[]) => record.every((c) => c.trim() === '');
