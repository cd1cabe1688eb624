import { AppError, type ImportStatusResponse } from '@tandem/core';
import type { AppDeps } from '../../../platform/deps';
import { readInSchool, type SchoolRequest } from '../../../platform/gate';
import { toImportStatus } from '../import.mapping';
import { recentImports } from '../import.queries';

const LIST_LIMIT = 20;

/** One import's status, with progress while it is being applied. */
export async function getImport(
  deps: AppDeps,
  request: Omit<SchoolRequest, 'ip'>,
  importId: string,
): Promise<ImportStatusResponse> {
  return readInSchool(deps, request, 'pupil.import', async (r) => {
    const [row] = await recentImports(r.db, r.schoolId, 1, importId);
    if (!row) throw new AppError('not_found', 'import not found');
    return toImportStatus(row);
  });
}

/** The school's latest imports, newest first. */
export async function listImports(deps: AppDeps, request: Omit<SchoolRequest, 'ip'>): Promise<ImportStatusResponse[]> {
  return readInSchool(deps, request, 'pupil.import', async (r) =>
    (await recentImports(r.db, r.schoolId, LIST_LIMIT)).map(toImportStatus),
  );
}
