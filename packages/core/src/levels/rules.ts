import { AppError } from '../errors/app-error';
import { levelRank } from './framework';
import type { LevelCode } from './levels.values';

/**
 * Whether a level change may be made. Moving up needs at least one piece of evidence (seed 000: each
 * level says what evidence moves a pupil to the next); moving down or to Thriving needs a reason only.
 */
export function checkLevelChange(from: LevelCode | null, to: LevelCode | null, evidenceCount: number): void {
  if (from === to) {
    throw new AppError('validation', 'level unchanged', {
      userMessage: 'The pupil is already at this level.',
      fields: [{ path: 'level', message: 'Choose a different level' }],
    });
  }
  if (levelRank(to) > levelRank(from) && evidenceCount === 0) {
    throw new AppError('validation', 'moving up without evidence', {
      userMessage:
        'Moving a pupil up a level needs evidence. Add at least one piece of evidence that supports the change.',
      fields: [{ path: 'evidence', message: 'Add at least one piece of evidence' }],
    });
  }
}
