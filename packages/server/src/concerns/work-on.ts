/**
 * The one way a use case changes a concern: through the gate, with the concern loaded and locked,
 * and the concern's own need-to-know rule applied (404 when out of sight, 403 when visible but not
 * the actor's to work, 409 when closed unless the change is one that may follow a close).
 */
import { AppError, concernAccessFor, mayTriage, type AuditEvent } from '@tandem/core';
import type { AppDeps } from '../platform/deps';
import { inSchool, type Allowed, type SchoolRequest, type SchoolWork } from '../platform/gate';
import { loadConcern, type ConcernRow } from './concerns.queries';

export interface WorkOptions {
  /** What the school role must allow first; any member of staff (concern.log) unless said. */
  allowed?: Allowed;
  /** The person who logged the concern may do this too (add to it), not only those who triage. */
  allowLogger?: boolean;
  /** This may be done to a closed concern (adding to it, correcting it, telling parents). */
  allowClosed?: boolean;
}

const REFUSED: unique symbol = Symbol('refused');

/** Run a change on a concern the actor may work, in one transaction with its audit and alerts. */
export async function workOn<T>(
  deps: AppDeps,
  who: SchoolRequest,
  concernId: string,
  change: (s: SchoolWork, c: ConcernRow) => Promise<T>,
  options: WorkOptions = {},
): Promise<T> {
  const result = await inSchool(deps, who, options.allowed ?? 'concern.log', async (s) => {
    const c = await loadConcern(s.tx, s.schoolId, concernId, true);
    const access = concernAccessFor(s.actor, s.schoolId, c);
    if (access === 'none') {
      // A refused attempt on the restricted record is audited: returned, not thrown, so it commits.
      if (c.restricted) await auditConcern(s, c.id, { action: 'concern.access_refused', detail: {} });
      return REFUSED;
    }
    const isOwnLogger = access === 'logger_own';
    if (!mayTriage(s.actor, s.schoolId, c) && !(options.allowLogger && isOwnLogger)) {
      throw new AppError('forbidden', 'may not work this concern');
    }
    if (c.status === 'closed' && !options.allowClosed) {
      throw new AppError('conflict', 'concern closed', {
        userMessage: 'This concern has been closed. You can still add to it.',
      });
    }
    return change(s, c);
  });
  if (result === REFUSED) throw new AppError('not_found', 'concern not visible');
  return result;
}

/** Record an event about a concern in the work's audit trail. */
export function auditConcern(s: SchoolWork, concernId: string, event: AuditEvent): Promise<void> {
  return s.audit(event, { type: 'concern', id: concernId });
}
