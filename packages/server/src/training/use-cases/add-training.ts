import { AppError, TRAINING_DEFAULT_RENEWAL_MONTHS, canInSchool, type AddTraining } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { staffOfSchool } from '../../platform/directory';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { findSubmission, insertRecord } from '../training.queries';
import { checkCertificate, checkCompletedOn } from '../training.rules';

/**
 * Record training done. Any member of staff records their own, which waits for the lead's
 * confirmation; the lead (training.manage) records anyone's, confirmed at once.
 */
export async function addTraining(deps: AppDeps, at: SchoolRequest, body: AddTraining) {
  return inSchool(deps, at, 'staff.wholeSchool', async (s) => {
    const userId = body.userId ?? s.actor.userId;
    const manages = canInSchool(s.actor, 'training.manage', s.schoolId);
    if (userId !== s.actor.userId && !manages) {
      throw new AppError('forbidden', 'only the lead records training for others', {
        userMessage:
          'You can only add your own training. Ask your Senior Mental Health Lead to add it for someone else.',
      });
    }
    if (body.submissionKey !== undefined) {
      const earlier = await findSubmission(s.tx, s.schoolId, s.actor.userId, body.submissionKey);
      if (earlier) return { id: earlier.id, version: earlier.version };
    }
    const staff = await staffOfSchool(s.tx, s.schoolId);
    if (!staff.some((p) => p.id === userId)) {
      throw new AppError('validation', 'not a member of staff here', {
        userMessage: 'Choose a member of staff of this school.',
        fields: [{ path: 'userId', message: 'Choose a member of staff of this school' }],
      });
    }
    checkCompletedOn(body.completedOn, s.now);
    await checkCertificate(s.tx, s, body.certificateDocumentId);
    const status = manages ? 'confirmed' : 'awaiting_confirmation';
    const row = await insertRecord(s.tx, {
      schoolId: s.schoolId,
      userId,
      course: body.course,
      otherName: body.course === 'other' ? body.otherName : '',
      completedOn: body.completedOn,
      provider: body.provider,
      renewalMonths:
        body.renewalMonths === undefined ? TRAINING_DEFAULT_RENEWAL_MONTHS[body.course] : body.renewalMonths,
      certificateDocumentId: body.certificateDocumentId,
      notes: body.notes,
      status,
      recordedBy: s.actor.userId,
      at: s.now,
      submissionKey: body.submissionKey ?? null,
    });
    await s.audit(
      { action: 'training.recorded', detail: { userId, course: body.course, confirmed: status === 'confirmed' } },
      { type: 'training_record', id: row.id },
    );
    return { id: row.id, version: row.version };
  });
}
