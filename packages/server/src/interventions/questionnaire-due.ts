/**
 * A baseline is asked for when a pupil starts an intervention and a follow-up when they finish: both
 * made due here, for the intervention's staff to ask (their "my work" lists them).
 */
import type { Timepoint } from '@tandem/core';
import { tellFamily } from '../platform/family-news';
import type { SchoolWork } from '../platform/gate';
import type { InterventionRow, PlaceRow } from './interventions.queries';
import { findMeasure } from './measures';
import { insertQuestionnaire } from './questionnaires.queries';

export async function makeDue(
  s: SchoolWork,
  i: InterventionRow,
  place: PlaceRow,
  timepoint: Timepoint,
  dueOn: string,
): Promise<string | null> {
  if (!i.measureKey) return null;
  const measure = await findMeasure(s.tx, s.schoolId, i.measureKey);
  if (!measure) return null;
  const row = await insertQuestionnaire(s.tx, {
    schoolId: s.schoolId,
    pupilId: place.pupilId,
    measureKey: measure.key,
    measureVersion: measure.version,
    placeId: place.id,
    timepoint,
    respondent: measure.respondents.includes('pupil') ? 'pupil' : (measure.respondents[0] ?? 'staff'),
    status: 'due',
    dueOn,
    createdBy: s.actor.userId,
    createdAt: s.now,
    updatedAt: s.now,
  });
  if (row) {
    await s.audit(
      { action: 'questionnaire.started', detail: { pupilId: place.pupilId, measureKey: measure.key, timepoint } },
      { type: 'questionnaire', id: row.id },
    );
    // Asked of the parents (a measure only they answer): something new for them in the portal.
    if (row.respondent === 'parent')
      await tellFamily(s.tx, { schoolId: s.schoolId, pupilId: place.pupilId, now: s.now });
  }
  return row?.id ?? null;
}
