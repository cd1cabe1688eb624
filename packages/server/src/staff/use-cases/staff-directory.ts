import type { Actor, Permission } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { readInSchool } from '../../platform/gate';
import { staffOf } from '../staff.queries';

/** Those who assign work to staff or give them plans: triage, the DSL team, staff managers, case roles. */
const DIRECTORY_READERS: readonly Permission[] = [
  'concern.triage',
  'safeguarding.read',
  'school.manageStaff',
  'plan.write',
];

/** Staff names and roles (no e-mail or account state), for choosing whom to give work or a plan. */
export function staffDirectory(deps: AppDeps, actor: Actor, schoolId: string) {
  return readInSchool(deps, { actor, schoolId }, DIRECTORY_READERS, async (s) =>
    (await staffOf(s.db, schoolId)).map((m) => ({ userId: m.userId, displayName: m.displayName, roles: m.roles })),
  );
}
