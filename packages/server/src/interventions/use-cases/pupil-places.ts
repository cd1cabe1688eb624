import type { PupilPlaces } from '@tandem/core';
import { requireCaseAccess } from '../../platform/case-access';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { loadIntervention, placesOfPupil } from '../interventions.queries';
import { queueOf } from '../interventions.rules';

/** A pupil's places on interventions, with their position and expected start where waiting (case roles). */
export async function pupilPlaces(deps: AppDeps, at: SchoolRequest, pupilId: string): Promise<PupilPlaces> {
  return inSchool(deps, at, 'pupil.readCase', async (s) => {
    await requireCaseAccess(s.tx, s.actor, s.schoolId, pupilId);
    const rows = await placesOfPupil(s.tx, s.schoolId, pupilId);
    const places = [];
    for (const { place, name } of rows) {
      let position: number | null = null;
      let expectedStart: string | null = null;
      if (place.status === 'waiting') {
        const i = await loadIntervention(s.tx, s.schoolId, place.interventionId);
        const q = await queueOf(s.tx, s.schoolId, i, s.now);
        const n = q.waiting.findIndex((w) => w.id === place.id);
        position = n + 1;
        expectedStart = q.starts[n] ?? null;
      }
      places.push({
        placeId: place.id,
        interventionId: place.interventionId,
        interventionName: name,
        status: place.status,
        position,
        expectedStart,
        requestedAt: place.requestedAt.toISOString(),
        startedOn: place.startedOn,
        endedAt: place.endedAt?.toISOString() ?? null,
      });
    }
    if (rows.length > 0) {
      await s.audit(
        {
          action: 'intervention.viewed',
          detail: { waiting: places.filter((p) => p.position).length, in: 0, names: false },
        },
        { type: 'pupil', id: pupilId },
      );
    }
    return { places };
  });
}
