/**
 * The DSL records what was done about a pupil on the missing list absent without a reason: who
 * was contacted, what was found, what happens next. Recorded once; a second record is refused
 * (409) with who recorded it, so two people working at once never overwrite each other.
 */
import { AppError, type MissingActionBody } from '@tandem/core';
import { requireCaseAccess } from '../../platform/case-access';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { lockAlert, recordAction } from '../missing.queries';

export async function recordMissingAction(
  deps: AppDeps,
  at: SchoolRequest,
  alertId: string,
  body: MissingActionBody,
): Promise<{ ok: true }> {
  return inSchool(deps, at, 'missing.manage', async (w) => {
    const alert = await lockAlert(w.tx, w.schoolId, alertId);
    if (alert === null) throw new AppError('not_found', 'no such missing alert');
    await requireCaseAccess(w.tx, w.actor, w.schoolId, alert.pupilId);
    if (alert.actionAt !== null) {
      throw new AppError('conflict', 'action already recorded', {
        userMessage: 'What was done about this absence has already been recorded. Reload the page to read it.',
      });
    }
    await recordAction(w.tx, alertId, { action: body.action, note: body.note, by: w.actor.userId, at: w.now });
    await w.audit(
      { action: 'missing.action_recorded', detail: { alertId, action: body.action } },
      { type: 'pupil', id: alert.pupilId },
    );
    return { ok: true as const };
  });
}
