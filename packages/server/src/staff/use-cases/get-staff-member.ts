import type { Actor, StaffMember } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { readInSchool } from '../../platform/gate';
import { memberOrNotFound } from '../staff.queries';

/** One member of staff with their roles, for those who manage staff; 404 if not on the staff. */
export function getStaffMember(deps: AppDeps, actor: Actor, schoolId: string, userId: string): Promise<StaffMember> {
  return readInSchool(deps, { actor, schoolId }, 'school.manageStaff', (s) => memberOrNotFound(s.db, schoolId, userId));
}
