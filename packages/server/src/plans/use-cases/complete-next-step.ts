import { AppError } from '@tandem/core';
import { requireCaseAccessToPupilOf } from '../../platform/case-access';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { actionExists, completeAction, loadMeeting } from '../meetings.queries';

/** A next step agreed at a meeting is done. Marking it done again changes nothing. */
export async function completeNextStep(
  deps: AppDeps,
  at: SchoolRequest,
  meetingId: string,
  actionId: string,
  note: string,
) {
  return inSchool(deps, at, 'plan.write', async (s) => {
    const { tx, schoolId, actor, now } = s;
    const m = await loadMeeting(tx, schoolId, meetingId);
    await requireCaseAccessToPupilOf(tx, actor, schoolId, m);
    const done = await completeAction(
      tx,
      { schoolId, meetingId, actionId },
      { userId: actor.userId, at: now, note: note || null },
    );
    if (!done) {
      if (!(await actionExists(tx, meetingId, actionId))) throw new AppError('not_found', 'next step not found');
      return { ok: true as const };
    }
    await s.audit({ action: 'meeting.next_step_completed', detail: { actionId } }, { type: 'meeting', id: meetingId });
    return { ok: true as const };
  });
}
