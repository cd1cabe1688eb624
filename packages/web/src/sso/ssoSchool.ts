/**
 * Whether the person signed in may keep a school's single sign-on, mirroring the server (never
 * trusted by it): the school's administrator and head (school.sso), and a trust administrator
 * (trust.manageSchools) for the schools of their trust, who holds no role in the school itself and
 * so finds its name in the trust's list of schools. A role in the school without school.sso is
 * refused there, as the server refuses it.
 */
import { schoolCan, trustCan, useSession } from '../auth/session';
import { useResource } from '../api/useResource';
import { schoolsResponse, trustSchoolsPath } from '../schools/schoolsApi';

/** null: not theirs to keep ("not found", as the server says); loading: the trust's list is on its way. */
export type SsoSchool = { status: 'ready'; name: string } | { status: 'loading'; caption: string } | null;

export function useSsoSchool(schoolId: string): SsoSchool {
  const { session } = useSession();
  const school = session.schools.find((s) => s.id === schoolId);
  const trust = school === undefined ? session.trusts.find((t) => trustCan(t, 'trust.manageSchools')) : undefined;
  const { resource } = useResource(trust === undefined ? null : trustSchoolsPath(trust.id), schoolsResponse);
  if (school !== undefined) return schoolCan(school, 'school.sso') ? { status: 'ready', name: school.name } : null;
  if (trust === undefined || resource.status === 'error') return null;
  if (resource.status === 'loading') return { status: 'loading', caption: trust.name };
  const found = resource.data.schools.find((s) => s.id === schoolId);
  return found === undefined ? null : { status: 'ready', name: found.name };
}
