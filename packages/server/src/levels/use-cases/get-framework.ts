import type { LevelDefinition } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { readInSchool, type SchoolRequest } from '../../platform/gate';
import { currentDefinitions } from '../levels.queries';

/** The school's levels MH1..MH5 in the wording now in force, for any member of staff. */
export async function getFramework(deps: AppDeps, request: Omit<SchoolRequest, 'ip'>): Promise<LevelDefinition[]> {
  return readInSchool(deps, request, 'pupil.readList', async (r) => [
    ...(await currentDefinitions(r.db, r.schoolId)).values(),
  ]);
}
