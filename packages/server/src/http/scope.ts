/**
 * Access checks at the point where data is loaded. Outside the actor's school the answer is 404,
 * as if the thing did not exist; inside it, an action the role may not take is 403.
 */
import { belongsToSchool, canInSchool, canInTrust, AppError, type Actor, type Permission } from '@tandem/core';

export function requireSchoolPermission(actor: Actor, schoolId: string, permission: Permission): void {
  if (!belongsToSchool(actor, schoolId)) throw new AppError('not_found', 'school not in scope');
  if (!canInSchool(actor, permission, schoolId)) throw new AppError('forbidden', `missing ${permission}`);
}

export function requireTrustPermission(actor: Actor, trustId: string, permission: Permission): void {
  const inTrust = actor.assignments.some((a) => a.schoolId === null && a.trustId === trustId);
  if (!inTrust) throw new AppError('not_found', 'trust not in scope');
  if (!canInTrust(actor, permission, trustId)) throw new AppError('forbidden', `missing ${permission}`);
}
