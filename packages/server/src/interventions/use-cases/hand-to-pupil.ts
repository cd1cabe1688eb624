import { AppError } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { handDeviceTo } from '../../platform/device-lock';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { requireQuestionnaireAccess } from '../questionnaires.access';
import { loadQuestionnaire } from '../questionnaires.queries';

/**
 * Hand this device to the pupil: from now the session answers only this questionnaire, until the
 * member of staff takes it back with their own password (POST /api/auth/hand-back).
 */
export async function handToPupil(deps: AppDeps, at: SchoolRequest, id: string, sessionId: string) {
  return inSchool(deps, at, 'pupil.readList', async (s) => {
    const q = await loadQuestionnaire(s.tx, s.schoolId, id);
    await requireQuestionnaireAccess(s.tx, s.actor, s.schoolId, q);
    if (q.status === 'complete') {
      throw new AppError('conflict', 'complete', { userMessage: 'This questionnaire is already finished.' });
    }
    await handDeviceTo(s.tx, sessionId, { schoolId: s.schoolId, questionnaireId: id });
    await s.audit(
      { action: 'questionnaire.handed_to_pupil', detail: { pupilId: q.pupilId } },
      { type: 'questionnaire', id },
    );
    return { ok: true as const };
  });
}
