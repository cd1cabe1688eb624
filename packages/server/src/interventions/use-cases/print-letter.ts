import { AppError } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { loadPupilInSchool, pupilName, schoolNameOf } from '../../platform/directory';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { loadIntervention, loadPlace } from '../interventions.queries';
import { letterPdf } from '../interventions.letter';
import { requireOpen, requireRuns } from '../interventions.rules';
import { findMeasure } from '../measures';

/** The letter home for a pupil given a place (PDF). Printing it is audited. */
export async function printLetter(deps: AppDeps, at: SchoolRequest, interventionId: string, placeId: string) {
  return inSchool(deps, at, 'pupil.readList', async (s) => {
    const i = await loadIntervention(s.tx, s.schoolId, interventionId);
    requireRuns(await requireOpen(s.tx, s.actor, s.schoolId, interventionId));
    const place = await loadPlace(s.tx, s.schoolId, interventionId, placeId);
    if (place.startedOn === null) {
      throw new AppError('conflict', 'not started', {
        userMessage: 'The letter home is made when the pupil is given a place.',
      });
    }
    const pupil = await loadPupilInSchool(s.tx, s.schoolId, place.pupilId);
    const pdf = await letterPdf({
      schoolName: await schoolNameOf(s.tx, s.schoolId),
      pupilFirstName: pupil.preferredName ?? pupil.givenName,
      pupilFullName: pupilName(pupil),
      intervention: i,
      startedOn: place.startedOn,
      measure: i.measureKey ? await findMeasure(s.tx, s.schoolId, i.measureKey) : undefined,
      signedBy: s.actor.displayName,
      date: s.now,
    });
    await s.audit(
      { action: 'intervention.letter_printed', detail: { placeId, pupilId: place.pupilId } },
      { type: 'intervention', id: interventionId },
    );
    return { pdf, fileName: `letter-home-${i.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.pdf` };
  });
}
