import {
  AppError,
  attendanceImportSummarySchema,
  attendanceStoredRowsSchema,
  checkAttendanceRoll,
  IMPORT_PREVIEW_HOURS,
  schoolDate,
  type AttendanceImportResponse,
  type Session,
} from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { toAttendanceImport } from '../import/attendance-import.mapping';
import {
  loadAttendanceImport,
  lockAttendanceImports,
  recentAttendanceImports,
  rollByUpn,
  setImportStatus,
  upsertAttendance,
} from '../import/attendance-import.queries';
import { checkMissingList } from '../missing.check';
import { refuseUnlessPreviewed } from '../attendance.rules';

/**
 * Apply a checked attendance file: every row in one transaction, or none. A week or session
 * already held is replaced. After session marks, the missing list is checked in the same
 * transaction (a listed pupil absent without a reason alerts the DSL).
 */
export async function applyAttendanceImport(
  deps: AppDeps,
  request: SchoolRequest,
  importId: string,
): Promise<AttendanceImportResponse> {
  return inSchool(deps, request, 'attendance.import', async (w) => {
    await lockAttendanceImports(w.tx, w.schoolId);
    const imp = await loadAttendanceImport(w.tx, w.schoolId, importId);
    if (!imp) throw new AppError('not_found', 'attendance import not found');
    refuseUnlessPreviewed(imp.status);
    const summary = attendanceImportSummarySchema.parse(imp.summary);
    if (summary.errorCount > 0) {
      throw new AppError('bad_request', 'attendance import has problems', {
        userMessage: 'Correct the rows listed and upload the file again: nothing has been imported.',
      });
    }
    if (w.now.getTime() - imp.createdAt.getTime() > IMPORT_PREVIEW_HOURS * 3600_000) {
      throw new AppError('conflict', 'attendance preview expired', {
        userMessage: `This file was checked more than ${IMPORT_PREVIEW_HOURS} hours ago. Upload it again so it is checked against today's roll: nothing has been imported.`,
      });
    }
    const stored = attendanceStoredRowsSchema.parse(imp.rows);
    const roll = await rollByUpn(
      w.tx,
      w.schoolId,
      stored.rows.map((r) => r.upn),
      schoolDate(w.now),
    );
    if (checkAttendanceRoll(stored, roll).length > 0) {
      throw new AppError('conflict', 'roll changed since preview', {
        userMessage:
          'A pupil in this file has left the school since it was checked. Upload the file again to see which rows to take out: nothing has been imported.',
      });
    }
    await upsertAttendance(w.tx, w.schoolId, importId, stored, w.now);
    if (stored.kind === 'marks') {
      const sessions = new Map<string, { on: string; session: Session }>();
      for (const r of stored.rows) sessions.set(`${r.on}|${r.session}`, { on: r.on, session: r.session });
      await checkMissingList(w, { sessions: [...sessions.values()] });
    }
    await setImportStatus(w.tx, importId, {
      status: 'applied',
      summary: { ...summary, applied: stored.rows.length },
      appliedAt: w.now,
      clearRows: true,
    });
    await w.audit(
      { action: 'attendance.import_applied', detail: { kind: stored.kind, rows: stored.rows.length } },
      { type: 'attendance_import', id: importId },
    );
    const [row] = await recentAttendanceImports(w.tx, w.schoolId, 1, importId);
    if (!row) throw new Error('attendance import vanished');
    return toAttendanceImport(row);
  });
}
