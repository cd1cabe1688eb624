/**
 * What attendance writes to the audit trail: imports, every read of a pupil's attendance and of
 * the missing list, and every change to the list; identifiers only. Gathered in audit/events.ts.
 */
import type { AttendanceImportKind, MissingActionTaken, Session } from './attendance.values';

export type AttendanceAuditEvent =
  | { action: 'attendance.import_previewed'; detail: { kind: AttendanceImportKind; rows: number; problems: number } }
  | { action: 'attendance.import_applied'; detail: { kind: AttendanceImportKind; rows: number } }
  | { action: 'attendance.import_discarded'; detail: { kind: AttendanceImportKind } }
  | { action: 'attendance.viewed'; detail: { weeks: number } }
  | { action: 'attendance.exported'; detail: { what: 'pupil' | 'missing_education'; rows: number } }
  | { action: 'missing.list_viewed'; detail: { pupils: number } }
  | { action: 'missing.pupil_viewed'; detail: { onList: boolean } }
  | { action: 'missing.added'; detail: Record<string, never> }
  | { action: 'missing.removed'; detail: Record<string, never> }
  | { action: 'missing.alert_raised'; detail: { on: string; session: Session; code: string; alerted: number } }
  | { action: 'missing.action_recorded'; detail: { alertId: string; action: MissingActionTaken } };

export const ATTENDANCE_AUDIT_LABELS: Record<AttendanceAuditEvent['action'], string> = {
  'attendance.import_previewed': 'Checked an attendance file from the MIS',
  'attendance.import_applied': 'Imported attendance from the MIS',
  'attendance.import_discarded': 'Discarded an attendance file',
  'attendance.viewed': "Viewed a pupil's attendance",
  'attendance.exported': 'Exported attendance',
  'missing.list_viewed': 'Viewed the missing list',
  'missing.pupil_viewed': "Viewed a pupil's place on the missing list",
  'missing.added': 'Added a pupil to the missing list',
  'missing.removed': 'Took a pupil off the missing list',
  'missing.alert_raised': 'Alerted the DSL: a pupil on the missing list was absent without a reason',
  'missing.action_recorded': 'Recorded what was done about a missing pupil',
};

export const ATTENDANCE_SUBJECT_TYPES = ['attendance_import', 'missing_list'] as const;
export const ATTENDANCE_SUBJECT_LABELS: Record<(typeof ATTENDANCE_SUBJECT_TYPES)[number], string> = {
  attendance_import: 'Attendance import',
  missing_list: 'Missing list',
};
