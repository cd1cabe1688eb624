import type { Actor, StaffMember } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { readInSchool } from '../../platform/gate';
import { staffOf } from '../staff.queries';

/** A school's staff with their roles and account state, for those who manage staff. */
export function listStaff(deps: AppDeps, actor: Actor, schoolId: string): Promise<StaffMember[]> {
  return readInSchool(deps, { actor, schoolId }, 'school.manageStaff', (s) => staffOf(s.db, schoolId));
}
