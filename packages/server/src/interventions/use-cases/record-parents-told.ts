import { AppError } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { loadIntervention, loadPlace, updatePlace } from '../interventions.queries';
import { requireOpen, requireRuns } from '../interventions.rules';

/** Record that the pupil's parents were told the intervention is starting (the letter went home). */
export async function recordParentsTold(deps: AppDeps, at: SchoolRequest, interventionId: string, placeId: string) {
  return inSchool(deps, at, 'pupil.readList', async (s) => {
    await loadIntervention(s.tx, s.schoolId, interventionId);
    requireRuns(await requireOpen(s.tx, s.actor, s.schoolId, interventionId));
    const place = await loadPlace(s.tx, s.schoolId, interventionId, placeId);
    if (place.startedOn === null) {
      throw new AppError('conflict', 'not started', {
        userMessage: 'Parents are told when the pupil is given a place.',
      });
    }
    if (place.parentsToldAt) return { ok: true as const };
    await updatePlace(s.tx, placeId, { parentsToldAt: s.now, parentsToldBy: s.actor.userId });
    await s.audit(
      { action: 'intervention.parents_told', detail: { placeId, pupilId: place.pupilId } },
      { type: 'intervention', id: interventionId },
    );
    return { ok: true as const };
  });
}
