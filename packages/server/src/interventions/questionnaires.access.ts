/**
 * Who may open a questionnaire and its scores: case roles who may open the pupil's case, and the
 * staff of the intervention the questionnaire belongs to (for pupils on their groups). Anyone else
 * gets 404, as if it were not there.
 */
import { AppError, canInSchool, type Actor } from '@tandem/core';
import { mayOpenCase } from '../platform/case-access';
import type { DbOrTx } from '../db/client';
import { runsIntervention } from './interventions.queries';
import { interventionOfPlace, type QuestionnaireRow } from './questionnaires.queries';

export async function requireQuestionnaireAccess(
  db: DbOrTx,
  actor: Actor,
  schoolId: string,
  q: Pick<QuestionnaireRow, 'pupilId' | 'placeId'>,
): Promise<{ interventionId: string | null; interventionName: string | null }> {
  const intervention = await interventionOfPlace(db, schoolId, q.placeId);
  if (intervention && (await runsIntervention(db, actor.userId, intervention.id))) {
    return { interventionId: intervention.id, interventionName: intervention.name };
  }
  if (await mayOpenCase(db, actor, schoolId, q.pupilId)) {
    return { interventionId: intervention?.id ?? null, interventionName: intervention?.name ?? null };
  }
  throw new AppError('not_found', 'questionnaire not open to reader');
}

/** Whether the reader may see answers to risk items (they live in the restricted record once raised). */
export function seesRiskAnswers(actor: Actor, schoolId: string): boolean {
  return canInSchool(actor, 'safeguarding.read', schoolId);
}
