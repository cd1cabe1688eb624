/**
 * Who may read and change a school's single sign-on connection: its school administrator and head
 * (school.sso), and a trust administrator for the schools of their trust (trust.manageSchools).
 * Outside that, as everywhere, another school's is a 404 and a missing permission a 403.
 */
import { AppError, canInSchool, type AuditEvent } from '@tandem/core';
import type { Tx } from '../db/client';
import type { AppDeps } from '../platform/deps';
import { inSchool, inTrust, type SchoolRequest } from '../platform/gate';
import { schoolTrust } from './sso.queries';

export interface SsoAdminWork {
  readonly tx: Tx;
  readonly now: Date;
  readonly userId: string;
  readonly schoolId: string;
  /** Audit about the school (never a secret in the detail). */
  audit(event: AuditEvent): Promise<void>;
}

export async function asSsoAdmin<T>(
  deps: AppDeps,
  at: SchoolRequest,
  work: (w: SsoAdminWork) => Promise<T>,
): Promise<T> {
  const { actor, schoolId } = at;
  const subject = { type: 'school' as const, id: schoolId };
  const inThisSchool = actor.assignments.some((a) => a.schoolId === schoolId);
  const trustRoles = actor.assignments.filter((a) => a.schoolId === null);
  // A trust administrator goes through the trust's gate, also when they hold some other role here
  // (an SMHL who is also the trust's administrator); a school role that may keep it goes through
  // the school's.
  if (!canInSchool(actor, 'school.sso', schoolId) && trustRoles.length > 0) {
    const trustId = await schoolTrust(deps.database.db, schoolId);
    const ofThisTrust = trustId !== undefined && trustRoles.some((a) => a.trustId === trustId);
    if (!ofThisTrust && !inThisSchool) throw new AppError('not_found', 'school not in scope');
    if (ofThisTrust)
      return inTrust(deps, { actor, trustId, ip: at.ip }, 'trust.manageSchools', (t) =>
        work({ tx: t.tx, now: t.now, userId: actor.userId, schoolId, audit: (event) => t.audit(event, subject) }),
      );
  }
  return inSchool(deps, at, 'school.sso', (s) =>
    work({ tx: s.tx, now: s.now, userId: actor.userId, schoolId, audit: (event) => s.audit(event, subject) }),
  );
}
