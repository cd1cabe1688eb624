/**
 * Adding a pupil to a waiting list, whoever asks: staff now (use-cases/request-place.ts), a parent
 * from the portal later, as a second source calling the same function with `source: 'parent'`.
 */
import { AppError, type RequestSource } from '@tandem/core';
import type { SchoolWork } from '../platform/gate';
import { loadPupilInSchool, pupilName } from '../platform/directory';
import { findPlaceSubmission, insertPlace, openPlaceOfPupil, type InterventionRow } from './interventions.queries';
import { requireNotRetired } from './interventions.rules';

export async function addRequest(
  s: SchoolWork,
  i: InterventionRow,
  o: { pupilId: string; reason: string; source: RequestSource; submissionKey: string },
) {
  const first = await findPlaceSubmission(s.tx, s.schoolId, s.actor.userId, o.submissionKey);
  if (first) return first;
  requireNotRetired(i);
  const pupil = await loadPupilInSchool(s.tx, s.schoolId, o.pupilId);
  const open = await openPlaceOfPupil(s.tx, i.id, o.pupilId);
  if (open) {
    const where = open.status === 'in' ? `is already in ${i.name}` : `is already on the waiting list for ${i.name}`;
    throw new AppError('conflict', 'already requested', {
      userMessage: `${pupilName(pupil)} ${where}, so no second place was asked for.`,
      fields: [{ path: 'pupilId', message: `This pupil ${where}` }],
    });
  }
  const row = await insertPlace(s.tx, {
    schoolId: s.schoolId,
    interventionId: i.id,
    pupilId: o.pupilId,
    status: 'waiting',
    source: o.source,
    reason: o.reason,
    requestedBy: s.actor.userId,
    requestedAt: s.now,
    submissionKey: o.submissionKey,
  });
  await s.audit(
    { action: 'intervention.place_requested', detail: { placeId: row.id, pupilId: o.pupilId, source: o.source } },
    { type: 'intervention', id: i.id },
  );
  return row;
}
