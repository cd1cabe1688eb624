import { AppError, type MovePlaceBody } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { loadIntervention, updatePlace } from '../interventions.queries';
import { queueOf, requireManage, requireOpen } from '../interventions.rules';

/**
 * The lead moves a waiting pupil to another position, with a reason. The order the lead saw is sent
 * back: when the list changed meanwhile the move is refused, so no one reorders a list they did not see.
 */
export async function movePlace(deps: AppDeps, at: SchoolRequest, interventionId: string, body: MovePlaceBody) {
  return inSchool(deps, at, 'intervention.manage', async (s) => {
    const i = await loadIntervention(s.tx, s.schoolId, interventionId, true);
    requireManage(await requireOpen(s.tx, s.actor, s.schoolId, interventionId));
    const { waiting } = await queueOf(s.tx, s.schoolId, i, s.now);
    const order = waiting.map((w) => w.id);
    if (order.join() !== body.expectedOrder.join()) {
      throw new AppError('conflict', 'stale waiting list', {
        userMessage:
          'The waiting list changed while you were looking at it. Here it is again: check the order and move the pupil again if you still need to.',
      });
    }
    const from = order.indexOf(body.placeId) + 1;
    if (from === 0) {
      throw new AppError('validation', 'not waiting', {
        fields: [{ path: 'placeId', message: 'Choose a pupil who is on the waiting list' }],
      });
    }
    const to = Math.min(body.toPosition, order.length);
    await updatePlace(s.tx, body.placeId, {
      movedToPosition: to,
      movedReason: body.reason,
      movedAt: s.now,
      movedBy: s.actor.userId,
    });
    await s.audit(
      { action: 'intervention.waiting_list_reordered', detail: { placeId: body.placeId, from, to } },
      { type: 'intervention', id: interventionId },
    );
    return { ok: true as const };
  });
}
