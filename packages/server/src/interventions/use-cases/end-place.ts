import { AppError, londonToday, type EndPlaceBody } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { loadIntervention, loadPlace, updatePlace } from '../interventions.queries';
import { requireOpen, requireRuns } from '../interventions.rules';
import { makeDue } from '../questionnaire-due';

/** A pupil completes or leaves early (with a reason): the place frees, and a follow-up falls due. */
export async function endPlace(
  deps: AppDeps,
  at: SchoolRequest,
  interventionId: string,
  placeId: string,
  body: EndPlaceBody,
) {
  return inSchool(deps, at, 'pupil.readList', async (s) => {
    const i = await loadIntervention(s.tx, s.schoolId, interventionId, true);
    requireRuns(await requireOpen(s.tx, s.actor, s.schoolId, interventionId));
    const current = await loadPlace(s.tx, s.schoolId, interventionId, placeId);
    if (current.status !== 'in') {
      throw new AppError('conflict', 'place not open', { userMessage: 'This pupil is not in the intervention now.' });
    }
    const place = await updatePlace(s.tx, placeId, {
      status: body.ending,
      endedAt: s.now,
      endedBy: s.actor.userId,
      endReason: body.reason,
    });
    await s.audit(
      { action: 'intervention.place_ended', detail: { placeId, pupilId: place.pupilId, ending: body.ending } },
      { type: 'intervention', id: interventionId },
    );
    const followUpQuestionnaireId = await makeDue(s, i, place, 'follow_up', londonToday(s.now));
    return { id: placeId, followUpQuestionnaireId };
  });
}
