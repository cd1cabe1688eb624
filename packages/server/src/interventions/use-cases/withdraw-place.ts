import { AppError, type WithdrawPlaceBody } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { loadIntervention, loadPlace, updatePlace } from '../interventions.queries';
import { requireOpen } from '../interventions.rules';

/** Take a pupil off the waiting list, with a reason: the lead, or whoever asked for the place. */
export async function withdrawPlace(
  deps: AppDeps,
  at: SchoolRequest,
  interventionId: string,
  placeId: string,
  body: WithdrawPlaceBody,
) {
  return inSchool(deps, at, 'pupil.readList', async (s) => {
    await loadIntervention(s.tx, s.schoolId, interventionId, true);
    const access = await requireOpen(s.tx, s.actor, s.schoolId, interventionId);
    const place = await loadPlace(s.tx, s.schoolId, interventionId, placeId);
    if (!access.manage && place.requestedBy !== s.actor.userId)
      throw new AppError('forbidden', 'not the lead or requester');
    if (place.status !== 'waiting') {
      throw new AppError('conflict', 'not waiting', { userMessage: 'This pupil is no longer on the waiting list.' });
    }
    await updatePlace(s.tx, placeId, {
      status: 'withdrawn',
      endedAt: s.now,
      endedBy: s.actor.userId,
      endReason: body.reason,
    });
    await s.audit(
      { action: 'intervention.place_withdrawn', detail: { placeId, pupilId: place.pupilId } },
      { type: 'intervention', id: interventionId },
    );
    return { ok: true as const };
  });
}
