import type { RequestPlaceBody } from '@tandem/core';
import { AppError } from '@tandem/core';
import { requireCaseAccess } from '../../platform/case-access';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { loadIntervention } from '../interventions.queries';
import { requireOpen } from '../interventions.rules';
import { addRequest } from '../places';

/**
 * Ask for a place for a pupil: a case role (for a pupil whose case they may open) or the
 * intervention's own staff. A pupil already waiting or in is refused with the reason.
 */
export async function requestPlace(deps: AppDeps, at: SchoolRequest, interventionId: string, body: RequestPlaceBody) {
  return inSchool(deps, at, 'pupil.readList', async (s) => {
    // Held for update: one change to an intervention's list at a time.
    const i = await loadIntervention(s.tx, s.schoolId, interventionId, true);
    const access = await requireOpen(s.tx, s.actor, s.schoolId, interventionId);
    if (!access.runs && !access.manage) {
      if (!access.caseRole) throw new AppError('forbidden', 'may not ask for places');
      await requireCaseAccess(s.tx, s.actor, s.schoolId, body.pupilId);
    }
    const row = await addRequest(s, i, { ...body, source: 'staff' });
    return { id: row.id };
  });
}
