/** Requests and answers of the attendance import and of a pupil's attendance over time. */
import { z } from 'zod';
import { importIssueSchema } from '../pupils/import';
import { IMPORT_STORED_STATUSES } from '../pupils/pupils.values';
import { ATTENDANCE_IMPORT_KINDS, SESSIONS } from './attendance.values';

export const attendanceImportKindSchema = z.enum(ATTENDANCE_IMPORT_KINDS, {
  error: 'Choose what the file holds: weekly totals or session marks',
});

export const attendanceImportQuery = z.strictObject({
  kind: attendanceImportKindSchema,
  fileName: z.string().trim().max(200, 'The file name must be 200 characters or fewer').optional(),
});
export type AttendanceImportQuery = z.infer<typeof attendanceImportQuery>;

const day = z.iso.date();

/** A checked row, ready to apply: the pupil is resolved from the UPN. */
export const attendanceWeekRowSchema = z.object({
  line: z.number().int(),
  upn: z.string(),
  pupilId: z.uuid(),
  weekStart: day,
  possible: z.number().int(),
  attended: z.number().int(),
  authorised: z.number().int(),
  unauthorised: z.number().int(),
});
export const attendanceMarkRowSchema = z.object({
  line: z.number().int(),
  upn: z.string(),
  pupilId: z.uuid(),
  on: day,
  session: z.enum(SESSIONS),
  code: z.string(),
});
/** What is stored with a preview (attendance_imports.rows): empty when the file had problems. */
export const attendanceStoredRowsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('weeks'), rows: z.array(attendanceWeekRowSchema) }),
  z.object({ kind: z.literal('marks'), rows: z.array(attendanceMarkRowSchema) }),
]);
export type AttendanceStoredRows = z.infer<typeof attendanceStoredRowsSchema>;

/** One row of the preview's sample: the line, whose it is, and the row in words. */
export const attendanceSampleRowSchema = z.object({
  line: z.number().int(),
  upn: z.string(),
  pupilName: z.string(),
  /** The week's Monday, or the session's day. */
  on: day,
  detail: z.string(),
});

/** The preview as shown, kept with the import (attendance_imports.summary). */
export const attendanceImportSummarySchema = z.object({
  totalRows: z.number().int(),
  /** Weeks or marks the file would store. */
  rows: z.number().int(),
  pupils: z.number().int(),
  /** Of those, how many replace what is already stored (a week or session imported before). */
  replacing: z.number().int(),
  /** The first and last day the file covers, or null when it has no usable rows. */
  from: day.nullable(),
  to: day.nullable(),
  errorCount: z.number().int(),
  /** Every problem found, in line order. Any problem means the file cannot be applied. */
  errors: z.array(importIssueSchema),
  /** What Tandem did that the school should know (a week moved to its Monday). */
  notes: z.array(z.string()),
  ignoredColumns: z.array(z.string()),
  sample: z.array(attendanceSampleRowSchema),
  /** Once applied: how many rows were stored. */
  applied: z.number().int().nullable(),
});
export type AttendanceImportSummary = z.infer<typeof attendanceImportSummarySchema>;

export const attendanceImportResponse = attendanceImportSummarySchema.extend({
  importId: z.uuid(),
  kind: attendanceImportKindSchema,
  fileName: z.string(),
  status: z.enum(IMPORT_STORED_STATUSES),
  createdAt: z.string(),
  createdByName: z.string(),
  appliedAt: z.string().nullable(),
});
export type AttendanceImportResponse = z.infer<typeof attendanceImportResponse>;

export const attendanceImportListResponse = z.object({
  imports: z.array(
    attendanceImportResponse.pick({
      importId: true,
      kind: true,
      fileName: true,
      status: true,
      createdAt: true,
      createdByName: true,
      totalRows: true,
      errorCount: true,
      applied: true,
    }),
  ),
});
export type AttendanceImportListResponse = z.infer<typeof attendanceImportListResponse>;

/** A pupil's attendance: `before` pages to older weeks (the week start of the oldest one shown). */
export const pupilAttendanceQuery = z.strictObject({
  before: z.iso.date({ error: 'Give the day as YYYY-MM-DD' }).optional(),
});

const counts = {
  possible: z.number().int(),
  attended: z.number().int(),
  authorised: z.number().int(),
  unauthorised: z.number().int(),
  /** Attended as a percentage of possible, one decimal place; null when no session was possible. */
  percent: z.number().nullable(),
};

export const attendanceWeekSchema = z.object({ weekStart: day, ...counts });
export type AttendanceWeek = z.infer<typeof attendanceWeekSchema>;

export const attendanceTermSchema = z.object({
  key: z.string(),
  label: z.string(),
  weeks: z.number().int(),
  ...counts,
});
export type AttendanceTerm = z.infer<typeof attendanceTermSchema>;

/** The groups of session marks counted for a pupil (reduced timetable, medical, elsewhere, unexplained). */
export const ATTENDANCE_CODE_GROUPS = ['reduced', 'medical', 'elsewhere', 'unexplained'] as const;
export type AttendanceCodeGroup = (typeof ATTENDANCE_CODE_GROUPS)[number];
export const ATTENDANCE_CODE_GROUP_LABELS: Record<AttendanceCodeGroup, string> = {
  reduced: 'Part-time timetable (C2)',
  medical: 'Illness or medical appointment (I, M)',
  elsewhere: 'Taught elsewhere (B, K, D)',
  unexplained: 'Absent, reason not known (N, O)',
};
export const ATTENDANCE_CODE_GROUP_CODES: Record<AttendanceCodeGroup, readonly string[]> = {
  reduced: ['C2'],
  medical: ['I', 'M'],
  elsewhere: ['B', 'K', 'D'],
  unexplained: ['N', 'O'],
};

export const pupilAttendanceResponse = z.object({
  /** Newest first: up to a year of weeks with data. */
  weeks: z.array(attendanceWeekSchema),
  /** Pass as `before` for older weeks; null when there are none. */
  olderBefore: day.nullable(),
  /** The weeks shown, totalled by term, newest first. */
  terms: z.array(attendanceTermSchema),
  /** Session marks over the same days, counted by group. */
  codes: z.array(z.object({ group: z.enum(ATTENDANCE_CODE_GROUPS), sessions: z.number().int() })),
  /** Session marks of any code over those days (0 when only weekly totals were imported). */
  markedSessions: z.number().int(),
});
export type PupilAttendanceResponse = z.infer<typeof pupilAttendanceResponse>;
