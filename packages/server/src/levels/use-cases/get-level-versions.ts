import type { LevelCode, LevelDefinition } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { readInSchool, type SchoolRequest } from '../../platform/gate';
import { definitionVersions } from '../levels.queries';

/** Every version of one level's wording, oldest first, for any member of staff. */
export async function getLevelVersions(
  deps: AppDeps,
  request: Omit<SchoolRequest, 'ip'>,
  code: LevelCode,
): Promise<LevelDefinition[]> {
  return readInSchool(deps, request, 'pupil.readList', (r) => definitionVersions(r.db, r.schoolId, code));
}
