import { AppError, type Questionnaire } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { loadPupilInSchool, pupilName } from '../../platform/directory';
import { URGENT_MESSAGE } from './complete-questionnaire';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { findMeasure } from '../measures';
import { requireQuestionnaireAccess, seesRiskAnswers } from '../questionnaires.access';
import { questionnaireOf } from '../questionnaires.mapping';
import { loadQuestionnaire } from '../questionnaires.queries';

/** One questionnaire with its measure, the answers so far and, once complete, its scores. Audited. */
export async function getQuestionnaire(
  deps: AppDeps,
  at: SchoolRequest,
  id: string,
  handedTo: string | null,
): Promise<Questionnaire> {
  return inSchool(deps, at, 'pupil.readList', async (s) => {
    const q = await loadQuestionnaire(s.tx, s.schoolId, id);
    const { interventionId, interventionName } = await requireQuestionnaireAccess(s.tx, s.actor, s.schoolId, q);
    const measure = await findMeasure(s.tx, s.schoolId, q.measureKey, q.measureVersion);
    if (!measure) throw new AppError('internal', `measure ${q.measureKey}@${q.measureVersion} missing`);
    const pupil = await loadPupilInSchool(s.tx, s.schoolId, q.pupilId);
    await s.audit(
      { action: 'questionnaire.viewed', detail: { pupilId: q.pupilId, status: q.status } },
      { type: 'questionnaire', id },
    );
    const answer = questionnaireOf(q, {
      measure,
      pupilFirstName: pupil.preferredName ?? pupil.givenName,
      pupilName: pupilName(pupil),
      urgentMessage: q.riskRaised ? URGENT_MESSAGE : null,
      onDuty: q.riskRaised ? await deps.registries.urgentRoute.onDuty(s.tx, s.schoolId, s.now) : [],
      interventionName,
      interventionId,
      handedToPupil: handedTo === id,
      hideRiskAnswers: !seesRiskAnswers(s.actor, s.schoolId),
    });
    // On a device handed to the pupil: the questions and their own answers, never scores or a
    // safety message (those are for the member of staff once they have the device back).
    return handedTo === id ? { ...answer, scores: null, riskRaised: false, urgentMessage: null, onDuty: [] } : answer;
  });
}
