/**
 * Reading the attendance files a school's MIS (SIMS, Arbor, Bromcom) exports: a week's totals per
 * pupil, or each session's mark with its national code. Everything that decides what a file means
 * lives here, with no I/O: which header is which column, whether each row is usable and why not,
 * and whether each pupil is on roll. Like the pupil import, any problem row means nothing is applied.
 */
import { parseSchoolDate, type ImportIssue } from '../pupils/import';
import { isValidUpn } from '../pupils/upn';
import {
  cellsOf,
  isBlank,
  MARK_COLUMNS,
  matchHeaders,
  MAX_WEEK_SESSIONS,
  WEEK_COLUMNS,
  type MarkColumn,
  type WeekColumn,
} from './attendance.columns';
import { parseSession, weekBeginningOf, ATTENDANCE_WEEKDAY_NAMES, weekdayNumberOf } from './attendance.days';
import { ATTENDANCE_CODES, attendanceCode, type AttendanceImportKind, type Session } from './attendance.values';

/** The codes the import accepts, for messages: "/, \\, L, K, …". */
export const ACCEPTED_CODES_TEXT = ATTENDANCE_CODES.map((c) => c.code).join(', ');

export { attendanceColumns, MAX_WEEK_SESSIONS } from './attendance.columns';

export interface WeekRow {
  line: number;
  upn: string;
  weekStart: string;
  possible: number;
  attended: number;
  authorised: number;
  unauthorised: number;
}
export interface MarkRow {
  line: number;
  upn: string;
  on: string;
  session: Session;
  code: string;
}

export type AttendanceRows = { kind: 'weeks'; rows: WeekRow[] } | { kind: 'marks'; rows: MarkRow[] };

export type ReadAttendanceResult =
  | { ok: false; message: string }
  | {
      ok: true;
      totalRows: number;
      payload: AttendanceRows;
      issues: ImportIssue[];
      /** What Tandem did that the school should know (a week moved to its Monday, rows with no mark). */
      notes: string[];
      ignoredColumns: string[];
    };

// ---------------------------------------------------------------------------------------------
// Rows

class RowIssues {
  readonly issues: ImportIssue[] = [];
  constructor(
    readonly line: number,
    private readonly upnCell: string,
  ) {}
  add(column: string, message: string): void {
    const upn = this.upnCell.replace(/\s+/g, '').toUpperCase();
    this.issues.push({ line: this.line, column, message, ...(upn !== '' && { upn }) });
  }
}

function readUpn(r: RowIssues, value: string): string | null {
  const upn = value.replace(/\s+/g, '').toUpperCase();
  if (upn === '') {
    r.add('UPN', 'The UPN is missing.');
    return null;
  }
  if (!/^[A-Z]\d{11}[0-9A-Z]$/.test(upn) || !isValidUpn(upn)) {
    r.add('UPN', `"${value}" is not a UPN: a UPN is 13 characters, a letter then 12 digits, as the MIS shows it.`);
    return null;
  }
  return upn;
}

function readDay(r: RowIssues, column: string, value: string, today: string): string | null {
  if (value === '') {
    r.add(column, `The ${column.toLowerCase()} is missing.`);
    return null;
  }
  const parsed = parseSchoolDate(value);
  if ('problem' in parsed) {
    r.add(
      column,
      parsed.problem === 'format'
        ? `The ${column.toLowerCase()} "${value}" is not a date Tandem can read. Write it as DD/MM/YYYY.`
        : `The ${column.toLowerCase()} "${value}" is not a real date.`,
    );
    return null;
  }
  if (parsed.date > today) {
    r.add(
      column,
      `The ${column.toLowerCase()} "${value}" is in the future: attendance can only be imported once it is taken.`,
    );
    return null;
  }
  return parsed.date;
}

function readCount(r: RowIssues, column: string, value: string): number | null {
  if (value === '') {
    r.add(column, `The number of ${column.toLowerCase()} is missing.`);
    return null;
  }
  if (!/^\d+$/.test(value)) {
    r.add(column, `${column} "${value}" should be a whole number of sessions, such as 10.`);
    return null;
  }
  const n = Number(value);
  if (n > MAX_WEEK_SESSIONS) {
    r.add(
      column,
      `${column} is ${n}, but a week has at most ${MAX_WEEK_SESSIONS} sessions (5 mornings and 5 afternoons).`,
    );
    return null;
  }
  return n;
}

function readWeekRow(
  r: RowIssues,
  cell: (k: WeekColumn) => string,
  today: string,
  moved: { n: number },
): WeekRow | null {
  const upn = readUpn(r, cell('upn'));
  const day = readDay(r, 'Week beginning', cell('weekStart'), today);
  let weekStart: string | null = null;
  if (day !== null) {
    weekStart = weekBeginningOf(day);
    if (weekStart !== day) moved.n++;
  }
  const possible = readCount(r, 'Possible sessions', cell('possible'));
  const attended = readCount(r, 'Attended sessions', cell('attended'));
  const authorised = readCount(r, 'Authorised absence', cell('authorised'));
  const unauthorised = readCount(r, 'Unauthorised absence', cell('unauthorised'));
  if (possible !== null && attended !== null && authorised !== null && unauthorised !== null) {
    const sum = attended + authorised + unauthorised;
    if (sum > possible) {
      r.add(
        'Possible sessions',
        `Attended (${attended}), authorised absence (${authorised}) and unauthorised absence (${unauthorised}) add up to ${sum}, more than the ${possible} possible sessions.`,
      );
    }
  }
  if (r.issues.length > 0 || upn === null || weekStart === null) return null;
  return {
    line: r.line,
    upn,
    weekStart,
    possible: possible ?? 0,
    attended: attended ?? 0,
    authorised: authorised ?? 0,
    unauthorised: unauthorised ?? 0,
  };
}

function readMarkRow(r: RowIssues, cell: (k: MarkColumn) => string, today: string): MarkRow | null {
  const upn = readUpn(r, cell('upn'));
  const on = readDay(r, 'Date', cell('on'), today);
  if (on !== null && weekdayNumberOf(on) > 5) {
    r.add(
      'Date',
      `${cell('on')} is a ${ATTENDANCE_WEEKDAY_NAMES[weekdayNumberOf(on) - 1] ?? ''}: session marks are for school days, Monday to Friday.`,
    );
  }
  const sessionText = cell('session');
  const session = parseSession(sessionText);
  if (session === null) {
    r.add(
      'Session',
      sessionText === ''
        ? 'The session is missing: write AM or PM.'
        : `The session "${sessionText}" should be AM or PM.`,
    );
  }
  const codeText = cell('code');
  const code = attendanceCode(codeText);
  if (code === null) {
    r.add(
      'Mark',
      `"${codeText}" is not a national attendance code. Tandem accepts the Department for Education's codes: ${ACCEPTED_CODES_TEXT}.`,
    );
  }
  if (r.issues.length > 0 || upn === null || on === null || session === null || code === null) return null;
  return { line: r.line, upn, on, session, code: code.code };
}

/** Marks an MIS writes for a session with no mark yet: such rows are left out, and the preview says so. */
const NO_MARK = new Set(['', '-']);

/** Read a whole file (header first): the usable rows, and every problem with its line. */
export function readAttendanceTable(
  kind: AttendanceImportKind,
  table: readonly (readonly string[])[],
  today: string,
): ReadAttendanceResult {
  const headerAt = table.findIndex((r) => !isBlank(r));
  const header = table[headerAt];
  if (headerAt < 0 || !header) {
    return {
      ok: false,
      message: 'The file is empty. Export the attendance from your MIS as a CSV file and upload it again.',
    };
  }
  const data: { line: number; record: readonly string[] }[] = [];
  table.forEach((record, i) => {
    if (i > headerAt && !isBlank(record)) data.push({ line: i + 1, record });
  });
  if (data.length === 0) {
    return {
      ok: false,
      message:
        'The file has a header row but no attendance below it. Check the export from your MIS and upload it again.',
    };
  }
  const m = kind === 'weeks' ? matchHeaders(WEEK_COLUMNS, header) : matchHeaders(MARK_COLUMNS, header);
  if (m.missing.length > 0) {
    const found = header.map((h) => h.trim()).filter((h) => h !== '');
    return {
      ok: true,
      totalRows: data.length,
      payload: kind === 'weeks' ? { kind, rows: [] } : { kind, rows: [] },
      notes: [],
      ignoredColumns: m.ignored,
      issues: m.missing.map((label) => ({
        line: headerAt + 1,
        column: label,
        message: `The file has no "${label}" column. The columns found were: ${found.length > 0 ? found.join(', ') : 'none'}.`,
      })),
    };
  }
  const issues: ImportIssue[] = [];
  const notes: string[] = [];
  const firstLineOf = new Map<string, number>();
  const duplicate = (r: RowIssues, key: string, what: string) => {
    const first = firstLineOf.get(key);
    if (first !== undefined) r.add('UPN', `${what} appears more than once in the file: it is also on line ${first}.`);
    else firstLineOf.set(key, r.line);
  };
  if (kind === 'weeks') {
    const index = m.index as Partial<Record<WeekColumn, number>>;
    const rows: WeekRow[] = [];
    const moved = { n: 0 };
    for (const { line, record } of data) {
      const cell = cellsOf(record, index);
      const r = new RowIssues(line, cell('upn'));
      const row = readWeekRow(r, cell, today, moved);
      if (row) duplicate(r, `${row.upn}|${row.weekStart}`, `The week beginning ${row.weekStart} for UPN ${row.upn}`);
      issues.push(...r.issues);
      if (row && r.issues.length === 0) rows.push(row);
    }
    if (moved.n > 0) {
      notes.push(
        `${moved.n} ${moved.n === 1 ? 'row gives' : 'rows give'} a week beginning that is not a Monday: Tandem counts each as the week starting on the Monday before it.`,
      );
    }
    return { ok: true, totalRows: data.length, payload: { kind, rows }, issues, notes, ignoredColumns: m.ignored };
  }
  const index = m.index as Partial<Record<MarkColumn, number>>;
  const rows: MarkRow[] = [];
  let unmarked = 0;
  for (const { line, record } of data) {
    const cell = cellsOf(record, index);
    if (NO_MARK.has(cell('code'))) {
      unmarked++;
      continue;
    }
    const r = new RowIssues(line, cell('upn'));
    const row = readMarkRow(r, cell, today);
    if (row)
      duplicate(
        r,
        `${row.upn}|${row.on}|${row.session}`,
        `The ${row.session.toUpperCase()} session of ${row.on} for UPN ${row.upn}`,
      );
    issues.push(...r.issues);
    if (row && r.issues.length === 0) rows.push(row);
  }
  if (unmarked > 0) {
    notes.push(
      `${unmarked} ${unmarked === 1 ? 'row has' : 'rows have'} no mark yet (blank or "-"): Tandem leaves ${unmarked === 1 ? 'it' : 'them'} out.`,
    );
  }
  return { ok: true, totalRows: data.length, payload: { kind, rows }, issues, notes, ignoredColumns: m.ignored };
}

/** A pupil of the school as the roll check needs them. */
export interface RollPupil {
  id: string;
  name: string;
  onRoll: boolean;
}

/**
 * Every row's pupil must be on roll: an unknown UPN, or a pupil who has left, is a problem row
 * (and so the whole file is refused). Returns the problems, each naming the pupil when known.
 */
export function checkAttendanceRoll(rows: AttendanceRows, byUpn: ReadonlyMap<string, RollPupil>): ImportIssue[] {
  const issues: ImportIssue[] = [];
  for (const row of rows.rows) {
    const p = byUpn.get(row.upn);
    if (!p) {
      issues.push({
        line: row.line,
        column: 'UPN',
        upn: row.upn,
        message: `No pupil on roll has the UPN ${row.upn}: this pupil is not on roll. Import the pupil first, or take the row out.`,
      });
    } else if (!p.onRoll) {
      issues.push({
        line: row.line,
        column: 'UPN',
        upn: row.upn,
        pupilName: p.name,
        message: `${p.name} (UPN ${row.upn}) has left the school, so is not on roll: take the row out.`,
      });
    }
  }
  return issues;
}

/** Attended sessions as a percentage of possible ones, to one decimal place; null when none were possible. */
export function attendancePercent(attended: number, possible: number): number | null {
  return possible > 0 ? Math.round((attended / possible) * 1000) / 10 : null;
}
