/** The plans given to a member of staff for a pupil, for the pupil's staff summary. */
import type { PlansGivenSource } from '../platform/registries';
import { sharedPlansFor } from './plans.service';

export const plansGivenToStaff: PlansGivenSource = {
  plansGiven: (db, r) => sharedPlansFor(db, r.userId, r.schoolId, r.pupilId, r.teachesPupil),
};
