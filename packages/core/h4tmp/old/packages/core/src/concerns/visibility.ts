/**
 * Who may see a concern (need-to-know, decided in one place):
 *  - a concern in the restricted safeguarding record: the DSL team only. Its logger sees only that
 *    they logged something that was sent to the DSL; everyone else (the headteacher included,
 *    unless also DSL) sees nothing, not even that it exists;
 *  - any other concern: case roles of the school; its logger sees what they logged.
 */
import { canInSchool, type Actor } from '../auth/roles';

export type ConcernAccess = 'full' | 'logger_own' | 'logger_stub' | 'none';

export function concernAccessFor(
  actor: Actor,
  schoolId: string,
  concern: { restricted: boolean; loggedBy: string },
): ConcernAccess {
  const isLogger = concern.loggedBy === actor.userId;
  if (concern.restricted) {
    if (canInSchool(actor, 'safeguarding.read', schoolId)) return 'full';
    return isLogger ? 'logger_stub' : 'none';
  }
  if (canInSchool(actor, 'pupil.readCase', schoolId)) return 'full';
  return isLogger ? 'logger_own' : 'none';
}

/** Whether the actor may work a concern (acknowledge, add actions, escalate, close). */
export function mayTriage(actor: Actor, schoolId: string, concern: { restricted: boolean; route: string }): boolean {
  if (concern.restricted || concern.route === 'dsl') return canInSchool(actor, 'safeguarding.read', schoolId);
  return canInSchool(actor, 'concern.triage', schoolId);
}
