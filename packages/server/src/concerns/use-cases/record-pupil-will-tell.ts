import { AppError, parentsMayBeInformed, pupilMayTellParentsFirst } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import type { SchoolRequest } from '../../platform/gate';
import { updateConcern } from '../concerns.queries';
import { auditConcern, workOn } from '../work-on';
import { NEVER_TELL, pupilTellsDeadline } from '../parents';

/** The pupil will tell their parents first: the school waits 24 hours, and Tandem reminds the lead. */
export async function recordPupilWillTell(deps: AppDeps, who: SchoolRequest, concernId: string): Promise<void> {
  await workOn(deps, who, concernId, async (s, c) => {
    if (!parentsMayBeInformed(c)) throw NEVER_TELL;
    if (!pupilMayTellParentsFirst(c)) {
      throw new AppError('conflict', 'immediate risk', {
        userMessage:
          'There is a risk of immediate harm, so the school cannot wait for the pupil to tell their parents.',
      });
    }
    if (c.parentsStatus === 'told')
      throw new AppError('conflict', 'already told', { userMessage: 'Parents have already been told.' });
    const by = pupilTellsDeadline(s.now);
    await updateConcern(s.tx, c.id, {
      parentsStatus: 'pupil_telling',
      pupilTellsBy: by,
      pupilTellsReminderSentAt: null,
      updatedAt: s.now,
    });
    await auditConcern(s, c.id, { action: 'concern.pupil_will_tell_parents', detail: { by: by.toISOString() } });
  });
}
