/**
 * The DSL team adds a pupil to the missing list or takes them off, always with the reason. A pupil
 * at MH4 or above is on it without being added; taking them off lasts until their level is next
 * set. Adding a pupil who is already on it, or taking off one who is not, is refused (409) and
 * changes nothing. A pupil added after this morning's register is checked against it at once.
 */
import { AppError, type MissingListChangeBody } from '@tandem/core';
import { requireCaseAccess } from '../../platform/case-access';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { checkLatestSessionFor } from '../missing.check';
import { insertChange, isOnList } from '../missing.queries';

export async function changeMissingList(
  deps: AppDeps,
  at: SchoolRequest,
  pupilId: string,
  action: 'added' | 'removed',
  body: MissingListChangeBody,
): Promise<{ onList: boolean; alertsRaised: number }> {
  return inSchool(deps, at, 'missing.manage', async (w) => {
    const pupil = await requireCaseAccess(w.tx, w.actor, w.schoolId, pupilId);
    if (pupil.leftOn !== null) {
      throw new AppError('conflict', 'pupil has left', {
        userMessage: 'This pupil has left the school, so they cannot be put on the missing list.',
      });
    }
    const onList = (await isOnList(w.tx, w.schoolId, pupilId)) !== null;
    if (action === 'added' && onList) {
      throw new AppError('conflict', 'already on the list', {
        userMessage: 'This pupil is already on the missing list.',
      });
    }
    if (action === 'removed' && !onList) {
      throw new AppError('conflict', 'not on the list', { userMessage: 'This pupil is not on the missing list.' });
    }
    await insertChange(w.tx, {
      schoolId: w.schoolId,
      pupilId,
      action,
      reason: body.reason,
      byUserId: w.actor.userId,
      at: w.now,
    });
    await w.audit(
      { action: action === 'added' ? 'missing.added' : 'missing.removed', detail: {} },
      { type: 'pupil', id: pupilId },
    );
    const alertsRaised = action === 'added' ? await checkLatestSessionFor(w, pupilId) : 0;
    return { onList: action === 'added', alertsRaised };
  });
}
