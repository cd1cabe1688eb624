/**
 * Where a family-only account has its home, from the session alone. Kept apart from familyApi
 * (and its schemas) so that the app's first chunk stays small.
 */
import { SCHOOL_FAMILY_ROLES, type SessionResponse } from '@tandem/core';

const FAMILY_ROLES: readonly string[] = SCHOOL_FAMILY_ROLES;

/**
 * '/pupil' for a pupil, '/family' for a parent or carer, when every role the account holds is
 * parent or pupil (in any school, and none in a trust). Null for staff, who keep the staff home
 * even when they are also a parent.
 */
export function familyHomeFor(session: SessionResponse): string | null {
  if (session.stage !== 'complete' || session.trusts.length > 0 || session.schools.length === 0) return null;
  const roles = session.schools.flatMap((s) => s.roles);
  if (roles.length === 0 || !roles.every((r) => FAMILY_ROLES.includes(r))) return null;
  return roles.includes('pupil') ? '/pupil' : '/family';
}
