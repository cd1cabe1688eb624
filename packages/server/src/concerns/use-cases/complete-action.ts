import { AppError } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import type { SchoolRequest } from '../../platform/gate';
import { markActionDone } from '../concerns.queries';
import { auditConcern, workOn } from '../work-on';

/** Mark an action on a concern done, with an optional note. An action already done is not found. */
export async function completeAction(
  deps: AppDeps,
  who: SchoolRequest,
  concernId: string,
  actionId: string,
  note: string | undefined,
): Promise<void> {
  await workOn(deps, who, concernId, async (s, c) => {
    const done = await markActionDone(s.tx, c.id, actionId, { at: s.now, by: s.actor.userId, note: note ?? null });
    if (!done) throw new AppError('not_found', 'action not found or already done');
    await auditConcern(s, c.id, { action: 'concern.action_completed', detail: { actionId } });
  });
}
