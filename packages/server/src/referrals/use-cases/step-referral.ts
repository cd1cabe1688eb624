import { AppError, londonToday, stepProblem, type ReferralStepBody } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { tellFamily } from '../../platform/family-news';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { requireReferralAccess } from '../referrals.access';
import { insertStep, loadReferral, updateReferral } from '../referrals.queries';

/**
 * The referral's next step (sent, acknowledged, accepted or declined, waiting, first appointment,
 * closed), dated as it happened. The one path is in core (REFERRAL_TRANSITIONS); a step out of
 * order, a date before the referral was sent, or sending an incomplete referral is refused with why.
 */
export async function stepReferral(deps: AppDeps, at: SchoolRequest, referralId: string, body: ReferralStepBody) {
  return inSchool(deps, at, 'pupil.readList', async (s) => {
    const { tx, schoolId, actor, now } = s;
    const r = await loadReferral(tx, schoolId, referralId, true);
    await requireReferralAccess(tx, actor, schoolId, r);
    if (r.version !== body.version) {
      throw new AppError('conflict', 'stale referral', {
        userMessage: 'Someone changed this referral while you were looking at it. Load it again to see the change.',
      });
    }
    const problem = stepProblem(r, body, londonToday(now));
    if (problem) throw new AppError('validation', 'step refused', { userMessage: problem.message, fields: [problem] });
    const row = await updateReferral(tx, referralId, {
      status: body.to,
      sentOn: body.to === 'sent' ? body.on : r.sentOn,
      firstAppointmentOn: body.to === 'first_appointment' ? body.on : r.firstAppointmentOn,
      lastStepOn: body.on,
      declineReason: body.to === 'declined' ? (body.declineReason ?? null) : r.declineReason,
      signpostedTo: body.to === 'declined' ? (body.signpostedTo ?? null) : r.signpostedTo,
      version: r.version + 1,
      updatedAt: now,
    });
    await insertStep(tx, {
      schoolId,
      referralId,
      status: body.to,
      on: body.on,
      note: body.note,
      recordedBy: actor.userId,
      recordedAt: now,
    });
    await s.audit(
      { action: 'referral.stepped', detail: { from: r.status, to: body.to, on: body.on } },
      { type: 'referral', id: referralId },
    );
    // Parents who were told about the referral see where it now stands.
    if (r.sharedWithParentsAt !== null && !r.restricted) await tellFamily(tx, { schoolId, pupilId: r.pupilId, now });
    return { id: referralId, version: row.version, status: row.status };
  });
}
