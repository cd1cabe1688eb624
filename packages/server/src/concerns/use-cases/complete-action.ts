import { AppError } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import type { SchoolRequest } from '../../platform/gate';
import { actionOf, markActionDone } from '../concerns.queries';
import { auditConcern, workOn } from '../work-on';

/**
 * Mark an action on a concern done, with an optional note. An action already done (or dropped) is
 * not found. On a closed concern only an action carried to the pupil's case is still open to do.
 */
export async function completeAction(
  deps: AppDeps,
  who: SchoolRequest,
  concernId: string,
  actionId: string,
  note: string | undefined,
): Promise<void> {
  await workOn(
    deps,
    who,
    concernId,
    async (s, c) => {
      if (c.status === 'closed' && !(await actionOf(s.tx, c.id, actionId))?.carriedAt) {
        throw new AppError('conflict', 'concern closed', {
          userMessage: 'This concern has been closed. You can still add to it.',
        });
      }
      const done = await markActionDone(s.tx, c.id, actionId, { at: s.now, by: s.actor.userId, note: note ?? null });
      if (!done) throw new AppError('not_found', 'action not found or already done');
      await auditConcern(s, c.id, { action: 'concern.action_completed', detail: { actionId } });
    },
    { allowClosed: true },
  );
}
