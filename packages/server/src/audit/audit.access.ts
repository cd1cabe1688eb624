/**
 * Who sees entries about the restricted safeguarding record in a school's trail: the DSL team
 * only (safeguarding.read), as for the record itself. The headteacher who is not DSL, the school
 * administrator and trust roles see that there was restricted record activity, as a count, and
 * nothing that names a pupil, a concern or who did it.
 */
import { canInSchool, type Actor } from '@tandem/core';

export function seeing(s: { actor: Actor; schoolId: string }): { seeRestricted: boolean } {
  return { seeRestricted: canInSchool(s.actor, 'safeguarding.read', s.schoolId) };
}
