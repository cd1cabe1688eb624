import { AppError, type AttendanceImportResponse } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { toAttendanceImport } from '../import/attendance-import.mapping';
import {
  loadAttendanceImport,
  lockAttendanceImports,
  recentAttendanceImports,
  setImportStatus,
} from '../import/attendance-import.queries';
import { refuseUnlessPreviewed } from '../attendance.rules';

/** Throw away a checked file that has not been applied: its rows are dropped, nothing is imported. */
export async function discardAttendanceImport(
  deps: AppDeps,
  request: SchoolRequest,
  importId: string,
): Promise<AttendanceImportResponse> {
  return inSchool(deps, request, 'attendance.import', async (w) => {
    await lockAttendanceImports(w.tx, w.schoolId);
    const imp = await loadAttendanceImport(w.tx, w.schoolId, importId);
    if (!imp) throw new AppError('not_found', 'attendance import not found');
    refuseUnlessPreviewed(imp.status);
    await setImportStatus(w.tx, importId, { status: 'discarded', clearRows: true });
    await w.audit(
      { action: 'attendance.import_discarded', detail: { kind: imp.kind } },
      { type: 'attendance_import', id: importId },
    );
    const [row] = await recentAttendanceImports(w.tx, w.schoolId, 1, importId);
    if (!row) throw new Error('attendance import vanished');
    return toAttendanceImport(row);
  });
}
