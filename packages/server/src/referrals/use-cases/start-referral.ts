import { AppError, type StartReferralBody } from '@tandem/core';
import { joinCaseTeam, requireCaseAccess } from '../../platform/case-access';
import type { AppDeps } from '../../platform/deps';
import { holdersOf, loadPupilInSchool, referralWaitDaysOf } from '../../platform/directory';
import { notify } from '../../platform/alerts';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { findReferralSubmission, insertReferral } from '../referrals.queries';

/**
 * Start a referral as a draft: a case role, for a pupil whose case they may open. In an emergency
 * any member of staff may start a CAMHS referral, saying what is happening: the SENDCO and the
 * Mental Health Lead are alerted at once (the alert says only that there is one, never who or why).
 */
export async function startReferral(deps: AppDeps, at: SchoolRequest, pupilId: string, body: StartReferralBody) {
  return inSchool(deps, at, body.emergency ? 'concern.log' : 'referral.write', async (s) => {
    const { tx, schoolId, actor, now } = s;
    // In an emergency any member of staff may start it, whatever their scope; otherwise the case scope.
    if (body.emergency) {
      await loadPupilInSchool(tx, schoolId, pupilId);
    } else {
      await requireCaseAccess(tx, actor, schoolId, pupilId);
    }
    const first = await findReferralSubmission(tx, schoolId, actor.userId, body.submissionKey);
    if (first) return { id: first.id, standardDays: await referralWaitDaysOf(tx, schoolId) };
    const row = await insertReferral(tx, {
      schoolId,
      pupilId,
      service: body.service,
      parts: body.reason ? { reason: body.reason } : {},
      consent: null,
      status: 'draft',
      emergency: body.emergency,
      madeBy: actor.userId,
      submissionKey: body.submissionKey,
      createdAt: now,
      updatedAt: now,
    });
    await s.audit(
      { action: 'referral.started', detail: { pupilId, service: body.service, emergency: body.emergency } },
      { type: 'referral', id: row.id },
    );
    if (body.emergency) {
      const leads = (await holdersOf(tx, schoolId, ['sendco', 'smhl'])).filter((p) => p.id !== actor.userId);
      if (leads.length === 0) throw new AppError('internal', 'no SENDCO or SMHL to alert');
      await notify(s, { schoolId, kind: 'emergency_referral_started', concernId: null, people: leads });
      // Those alerted must be able to open it, whatever their usual scope (the SENDCO's is SEND).
      for (const lead of leads) {
        await joinCaseTeam(tx, {
          schoolId,
          pupilId,
          userId: lead.id,
          source: 'emergency_referral',
          addedBy: null,
          at: now,
        });
      }
    }
    return { id: row.id, standardDays: await referralWaitDaysOf(tx, schoolId) };
  });
}
