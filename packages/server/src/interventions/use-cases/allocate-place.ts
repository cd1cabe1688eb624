import { AppError, type AllocatePlaceBody } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { tellFamily } from '../../platform/family-news';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { loadIntervention, updatePlace } from '../interventions.queries';
import { queueOf, requireManage, requireNotRetired, requireOpen } from '../interventions.rules';
import { makeDue } from '../questionnaire-due';

/**
 * The lead gives a waiting pupil a place: the first in the queue, or another with a reason. More
 * pupils than places is refused. The baseline questionnaire is made due for the start date.
 */
export async function allocatePlace(deps: AppDeps, at: SchoolRequest, interventionId: string, body: AllocatePlaceBody) {
  return inSchool(deps, at, 'intervention.manage', async (s) => {
    const i = await loadIntervention(s.tx, s.schoolId, interventionId, true);
    requireManage(await requireOpen(s.tx, s.actor, s.schoolId, interventionId));
    requireNotRetired(i);
    const { waiting, inPlaces } = await queueOf(s.tx, s.schoolId, i, s.now);
    if (inPlaces.length >= i.places) {
      throw new AppError('conflict', 'no place free', {
        userMessage: `All ${i.places} places on ${i.name} are taken. A place frees when a pupil completes or leaves.`,
      });
    }
    const position = waiting.findIndex((w) => w.id === body.placeId) + 1;
    if (position === 0) {
      throw new AppError('validation', 'not waiting', {
        fields: [{ path: 'placeId', message: 'Choose a pupil who is on the waiting list' }],
      });
    }
    const outOfTurn = position > 1;
    if (outOfTurn && body.reason === '') {
      throw new AppError('validation', 'reason needed', {
        fields: [{ path: 'reason', message: 'Say why this pupil is given the place before those ahead of them' }],
      });
    }
    const place = await updatePlace(s.tx, body.placeId, {
      status: 'in',
      allocatedAt: s.now,
      allocatedBy: s.actor.userId,
      allocationReason: outOfTurn ? body.reason : null,
      startedOn: body.startOn,
    });
    await s.audit(
      { action: 'intervention.place_allocated', detail: { placeId: place.id, pupilId: place.pupilId, outOfTurn } },
      { type: 'intervention', id: interventionId },
    );
    // Something new for the child's parents: their child has a place (the parent portal shows it).
    await tellFamily(s.tx, { schoolId: s.schoolId, pupilId: place.pupilId, now: s.now });
    const baselineQuestionnaireId = await makeDue(s, i, place, 'baseline', body.startOn);
    return { id: place.id, baselineQuestionnaireId };
  });
}
