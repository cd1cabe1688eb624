/** A new school starts with the MH1..MH5 framework, which it may then reword. */
import type { SchoolCreatedHook } from '../platform/registries';
import { seedLevelFramework } from './levels.queries';

export const seedFrameworkForNewSchool: SchoolCreatedHook = (tx, { schoolId, actorUserId }) =>
  seedLevelFramework(tx, schoolId, actorUserId);
