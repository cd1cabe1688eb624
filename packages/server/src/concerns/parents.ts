/** Telling parents: when the school must not, and how long a pupil is given to tell them first. */
import { AppError, PUPIL_TELLS_PARENTS_HOURS } from '@tandem/core';

/** Refused whenever parents must not be told by Tandem, saying why. */
export const NEVER_TELL = new AppError('conflict', 'parents must not be told', {
  userMessage:
    'Parents must not be told about this concern by Tandem: it is, or may be, a child-protection matter. Speak to the DSL about what happens next.',
});

/** When the time a pupil is given to tell their parents first runs out, counted from now. */
export function pupilTellsDeadline(now: Date): Date {
  return new Date(now.getTime() + PUPIL_TELLS_PARENTS_HOURS * 3_600_000);
}
