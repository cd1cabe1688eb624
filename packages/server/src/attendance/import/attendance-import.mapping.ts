/** Attendance imports as the API gives them, and the sample rows a preview shows. */
import {
  attendanceImportSummarySchema,
  SESSION_LABELS,
  type AttendanceImportResponse,
  type AttendanceStoredRows,
  type RollPupil,
} from '@tandem/core';
import type { recentAttendanceImports } from './attendance-import.queries';

type ImportRow = Awaited<ReturnType<typeof recentAttendanceImports>>[number];

/** How many rows of the file the preview shows. */
export const SAMPLE_SIZE = 10;

export function toAttendanceImport(row: ImportRow): AttendanceImportResponse {
  return {
    importId: row.id,
    kind: row.kind,
    fileName: row.fileName,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    createdByName: row.createdByName,
    appliedAt: row.appliedAt?.toISOString() ?? null,
    ...attendanceImportSummarySchema.parse(row.summary),
  };
}

/** The first rows of the file in words, with each pupil's name from the school's records. */
export function sampleOf(stored: AttendanceStoredRows, roll: ReadonlyMap<string, RollPupil>) {
  const name = (upn: string) => roll.get(upn)?.name ?? '';
  if (stored.kind === 'weeks') {
    return stored.rows.slice(0, SAMPLE_SIZE).map((r) => ({
      line: r.line,
      upn: r.upn,
      pupilName: name(r.upn),
      on: r.weekStart,
      detail: `${r.attended} of ${r.possible} sessions attended, ${r.authorised} authorised and ${r.unauthorised} unauthorised absence`,
    }));
  }
  return stored.rows.slice(0, SAMPLE_SIZE).map((r) => ({
    line: r.line,
    upn: r.upn,
    pupilName: name(r.upn),
    on: r.on,
    detail: `${SESSION_LABELS[r.session]}: ${r.code}`,
  }));
}

/** The first and last day the rows cover. */
export function spanOf(stored: AttendanceStoredRows): { from: string | null; to: string | null } {
  const days = stored.kind === 'weeks' ? stored.rows.map((r) => r.weekStart) : stored.rows.map((r) => r.on);
  if (days.length === 0) return { from: null, to: null };
  days.sort();
  return { from: days[0] ?? null, to: days[days.length - 1] ?? null };
}
