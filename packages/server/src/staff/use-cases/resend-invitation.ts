import { AppError, type Actor } from '@tandem/core';
import { issueOneTimeToken } from '../../auth/one-time-tokens';
import type { AppDeps } from '../../platform/deps';
import { schoolNameOf } from '../../platform/directory';
import { inSchool } from '../../platform/gate';
import { queueAccessEmail } from '../staff.email';
import { memberOrNotFound } from '../staff.queries';

/** Send a member of staff who has not yet set up their account a new invitation (the old link stops). */
export function resendInvitation(deps: AppDeps, actor: Actor, schoolId: string, userId: string, ip: string) {
  return inSchool(deps, { actor, schoolId, ip }, 'school.manageStaff', async (s) => {
    const member = await memberOrNotFound(s.tx, schoolId, userId);
    if (!member.invitationPending) {
      throw new AppError('conflict', 'already accepted', {
        userMessage: `${member.displayName} has already set up their account. They can use "Forgot your password?" if they need to.`,
      });
    }
    const schoolName = await schoolNameOf(s.tx, schoolId);
    const token = await issueOneTimeToken(s.tx, deps, userId, 'invitation');
    await s.audit({ action: 'staff.invitation_resent', detail: { userId } }, { type: 'user', id: userId });
    await queueAccessEmail(s, member, schoolName, actor.displayName, token);
  });
}
