import { AppError, type ActionProgressInput } from '@tandem/core';
import { improvementActionNotes, improvementActions } from '@tandem/core/schema';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { loadAction } from '../actions.queries';
import { isLead } from '../actions.rules';

/** The owner or the lead notes progress and where the action now stands; anyone else 403. */
export async function noteProgress(deps: AppDeps, at: SchoolRequest, actionId: string, input: ActionProgressInput) {
  return inSchool(deps, at, 'staff.wholeSchool', async (s) => {
    const action = await loadAction(s.tx, s.schoolId, actionId, true);
    if (action.ownerUserId !== s.actor.userId && !isLead(s.actor, s.schoolId)) {
      throw new AppError('forbidden', 'not the owner or the lead', {
        userMessage: 'Only the action’s owner and the lead can note progress on it.',
      });
    }
    const version = action.version + 1;
    await s.tx.insert(improvementActionNotes).values({
      schoolId: s.schoolId,
      actionId: action.id,
      note: input.note,
      statusAfter: input.status,
      writtenBy: s.actor.userId,
      writtenAt: s.now,
    });
    await s.tx
      .update(improvementActions)
      .set({ status: input.status, version, updatedAt: s.now })
      .where(eq(improvementActions.id, action.id));
    await s.audit(
      { action: 'action.progress_noted', detail: { status: input.status } },
      { type: 'improvement_action', id: action.id },
    );
    return { id: action.id, version };
  });
}
