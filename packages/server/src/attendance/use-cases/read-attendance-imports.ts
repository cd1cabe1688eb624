import { AppError, type AttendanceImportResponse } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { readInSchool, type SchoolRequest } from '../../platform/gate';
import { toAttendanceImport } from '../import/attendance-import.mapping';
import { recentAttendanceImports } from '../import/attendance-import.queries';

const LIST_LIMIT = 20;

/**
 * One checked attendance file (its preview, or what it imported), or the school's latest ones.
 * A preview holds UPNs and pupils' names, so only those who may import see it.
 */
export async function readAttendanceImports(
  deps: AppDeps,
  request: Omit<SchoolRequest, 'ip'>,
  importId?: string,
): Promise<AttendanceImportResponse[]> {
  return readInSchool(deps, request, 'attendance.import', async (r) => {
    const rows = await recentAttendanceImports(r.db, r.schoolId, importId ? 1 : LIST_LIMIT, importId);
    if (importId && rows.length === 0) throw new AppError('not_found', 'attendance import not found');
    return rows.map(toAttendanceImport);
  });
}
