/** Addresses and small words shared by the attendance import and a pupil's attendance. */
import { ATTENDANCE_IMPORT_KIND_LABELS, attendanceColumns, type AttendanceImportKind } from '@tandem/core';
import { enc } from '../api/client';
import { schoolApi, schoolPage } from '../pupils/pupilsApi';

export const attendanceImportsApi = (schoolId: string) => `${schoolApi(schoolId)}/attendance/imports`;
export const attendanceImportApi = (schoolId: string, importId: string) =>
  `${attendanceImportsApi(schoolId)}/${enc(importId)}`;
export const attendanceImportPage = (schoolId: string) => `${schoolPage(schoolId)}/attendance/import`;
export const attendanceImportPreviewPage = (schoolId: string, importId: string) =>
  `${attendanceImportPage(schoolId)}/${enc(importId)}`;
export const pupilAttendanceApi = (schoolId: string, pupilId: string) =>
  `${schoolApi(schoolId)}/pupils/${enc(pupilId)}/attendance`;

/** What each kind of file holds, in the school's words. */
export const KIND_WORDS: Record<AttendanceImportKind, { title: string; one: string; rows: string; hint: string }> = {
  weeks: {
    title: ATTENDANCE_IMPORT_KIND_LABELS.weeks,
    one: 'pupil week',
    rows: 'pupil weeks',
    hint: 'One row for each pupil and week. A week beginning on a day other than Monday is counted as the week of the Monday before it.',
  },
  marks: {
    title: ATTENDANCE_IMPORT_KIND_LABELS.marks,
    one: 'session mark',
    rows: 'session marks',
    hint: 'One row for each pupil and register (AM or PM), with its national code such as /, \\, L, I, M, N or C2.',
  },
};

export function columnsHint(kind: AttendanceImportKind): string {
  return `${KIND_WORDS[kind].hint} Columns it needs: ${attendanceColumns(kind).join(', ')}.`;
}

/** "93.5%", or a dash when no session was possible. */
export function percentText(percent: number | null): string {
  return percent === null ? '–' : `${percent.toLocaleString('en-GB', { maximumFractionDigits: 1 })}%`;
}
