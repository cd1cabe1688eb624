import { actorRequiresMfa, permissionsInSchool, type SessionResponse } from '@tandem/core';
import type { AuthState } from '../../http/context';
import type { AppDeps } from '../../platform/deps';
import { schoolsByIds, trustsByIds } from '../auth.queries';

/**
 * What the web app needs to know about the session: its stage (signed out, second factor or
 * enrolment still needed, complete), the person, and once complete their schools and trusts with
 * their roles and permissions in each. It reads only the actor's own schools and trusts.
 */
export async function describeSession(deps: AppDeps, auth: AuthState | null): Promise<SessionResponse> {
  const demo = deps.config.demo;
  if (!auth) {
    return {
      signedIn: false,
      stage: 'signed_out',
      user: null,
      schools: [],
      trusts: [],
      idleTimeoutSeconds: null,
      demo,
      handedTo: null,
    };
  }
  const { actor } = auth;
  const stage = auth.mfaSatisfied ? 'complete' : auth.totpEnabled ? 'mfa_required' : 'mfa_enrolment_required';
  const user = {
    id: actor.userId,
    email: actor.email,
    displayName: actor.displayName,
    mfaEnabled: auth.totpEnabled,
    mfaRequired: actorRequiresMfa(actor),
  };
  const idleTimeoutSeconds = auth.idleTimeoutSeconds;
  if (!auth.mfaSatisfied) {
    return { signedIn: true, stage, user, schools: [], trusts: [], idleTimeoutSeconds, demo, handedTo: null };
  }
  const { db } = deps.database;
  const schoolIds = [...new Set(actor.assignments.flatMap((a) => (a.schoolId ? [a.schoolId] : [])))];
  const trustIds = [...new Set(actor.assignments.filter((a) => a.schoolId === null).map((a) => a.trustId))];
  const schoolRows = await schoolsByIds(db, schoolIds);
  const trustRows = await trustsByIds(db, trustIds);
  return {
    signedIn: true,
    stage,
    user,
    schools: schoolRows.map((s) => ({
      id: s.id,
      name: s.name,
      trustId: s.trustId,
      roles: actor.assignments.filter((a) => a.schoolId === s.id).map((a) => a.role),
      permissions: permissionsInSchool(actor, s.id),
    })),
    trusts: trustRows.map((t) => ({
      id: t.id,
      name: t.name,
      roles: actor.assignments.filter((a) => a.schoolId === null && a.trustId === t.id).map((a) => a.role),
    })),
    idleTimeoutSeconds,
    demo,
    handedTo: auth.handedTo,
  };
}
