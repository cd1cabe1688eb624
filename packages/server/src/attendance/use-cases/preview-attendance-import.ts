import { createHash } from 'node:crypto';
import {
  AppError,
  checkAttendanceRoll,
  readAttendanceTable,
  schoolDate,
  sortIssues,
  type AttendanceImportKind,
  type AttendanceImportResponse,
  type AttendanceImportSummary,
  type AttendanceRows,
  type AttendanceStoredRows,
  type RollPupil,
} from '@tandem/core';
import { decodeCsvFile, readCsvTable } from '../../platform/csv';
import type { AppDeps } from '../../platform/deps';
import { checkSchool, inSchool, type SchoolRequest } from '../../platform/gate';
import { sampleOf, spanOf, toAttendanceImport } from '../import/attendance-import.mapping';
import {
  countReplacing,
  insertAttendancePreview,
  recentAttendanceImports,
  rollByUpn,
} from '../import/attendance-import.queries';

/** Only the last part of a path, without control characters: the name is shown back to people. */
function cleanFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean === '' ? 'attendance.csv' : clean;
}

/** The file's rows with each pupil resolved; rows of pupils not on roll are left out (they are problems). */
function resolve(payload: AttendanceRows, roll: ReadonlyMap<string, RollPupil>): AttendanceStoredRows {
  const id = (upn: string) => {
    const p = roll.get(upn);
    return p?.onRoll ? p.id : null;
  };
  if (payload.kind === 'weeks') {
    return {
      kind: 'weeks',
      rows: payload.rows.flatMap((r) => {
        const pupilId = id(r.upn);
        return pupilId ? [{ ...r, pupilId }] : [];
      }),
    };
  }
  return {
    kind: 'marks',
    rows: payload.rows.flatMap((r) => {
      const pupilId = id(r.upn);
      return pupilId ? [{ ...r, pupilId }] : [];
    }),
  };
}

/**
 * Check an attendance export against the school's roll and keep the preview for applying. A file
 * with any problem is kept without its rows: it can never be applied.
 */
export async function previewAttendanceImport(
  deps: AppDeps,
  request: SchoolRequest,
  input: { kind: AttendanceImportKind; fileName?: string | undefined },
  file: Uint8Array | undefined,
): Promise<AttendanceImportResponse> {
  checkSchool(request.actor, request.schoolId, 'attendance.import');
  const bytes = file ?? new Uint8Array();
  const table = readCsvTable(decodeCsvFile(bytes));
  const now = deps.clock.now();
  const today = schoolDate(now);
  const read = readAttendanceTable(input.kind, table, today);
  if (!read.ok) throw new AppError('bad_request', 'attendance file has no rows', { userMessage: read.message });
  const fileName = cleanFileName(input.fileName);

  return inSchool(deps, request, 'attendance.import', async (w) => {
    const upns = [...read.payload.rows.map((r) => r.upn), ...read.issues.flatMap((i) => (i.upn ? [i.upn] : []))];
    const roll = await rollByUpn(w.tx, w.schoolId, upns, today);
    // Each problem names its pupil when the school knows them, so the row can be found in the MIS.
    const errors = sortIssues([...read.issues, ...checkAttendanceRoll(read.payload, roll)]).map((i) => {
      const known = i.upn === undefined || i.pupilName !== undefined ? undefined : roll.get(i.upn);
      return known ? { ...i, pupilName: known.name } : i;
    });
    const stored = resolve(read.payload, roll);
    const usable: AttendanceStoredRows = errors.length > 0 ? { kind: stored.kind, rows: [] } : stored;
    const summary: AttendanceImportSummary = {
      totalRows: read.totalRows,
      rows: stored.rows.length,
      pupils: new Set(stored.rows.map((r) => r.pupilId)).size,
      replacing: await countReplacing(w.tx, w.schoolId, stored),
      ...spanOf(stored),
      errorCount: errors.length,
      errors,
      notes: read.notes,
      ignoredColumns: read.ignoredColumns,
      sample: sampleOf(stored, roll),
      applied: null,
    };
    const importId = await insertAttendancePreview(w.tx, {
      schoolId: w.schoolId,
      kind: input.kind,
      fileName,
      fileSha256: createHash('sha256').update(bytes).digest('hex'),
      rows: usable,
      summary,
      createdBy: w.actor.userId,
      createdAt: now,
    });
    await w.audit(
      {
        action: 'attendance.import_previewed',
        detail: { kind: input.kind, rows: read.totalRows, problems: errors.length },
      },
      { type: 'attendance_import', id: importId },
    );
    const [row] = await recentAttendanceImports(w.tx, w.schoolId, 1, importId);
    if (!row) throw new Error('attendance import not stored');
    return toAttendanceImport(row);
  });
}
