import { SAFETY_SCALE_MESSAGE, SAFETY_SCALE_ONLY_SOS_MESSAGE, londonToday, type RecordReviewBody } from '@tandem/core';
import { requireCaseAccessToPupilOf } from '../../platform/case-access';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { findSameReview, insertReview, lockPlan, setPlan } from '../plans.queries';
import { requireCurrent, requireNotEnded, validation } from '../plans.rules';

/**
 * A review (assess, plan, do, review): what was done, what changed, and when the next one is due.
 * The same review sent again (a double click, a retry) answers the first and audits nothing.
 */
export async function recordReview(deps: AppDeps, at: SchoolRequest, planId: string, body: RecordReviewBody) {
  return inSchool(deps, at, 'plan.write', async (s) => {
    const { tx, schoolId, actor, now } = s;
    const plan = await lockPlan(tx, schoolId, planId);
    await requireCaseAccessToPupilOf(tx, actor, schoolId, plan);
    requireNotEnded(plan);
    await requireCurrent(tx, plan, body.version);
    const today = londonToday(now);
    if (body.reviewedOn > today) throw validation('reviewedOn', 'The review date cannot be in the future');
    if (body.nextReviewOn <= body.reviewedOn || body.nextReviewOn <= today) {
      throw validation('nextReviewOn', 'The next review must be after today');
    }
    const sos = plan.kind === 'signs_of_safety';
    if (sos && body.safetyScale === null) throw validation('safetyScale', SAFETY_SCALE_MESSAGE);
    if (!sos && body.safetyScale !== null) throw validation('safetyScale', SAFETY_SCALE_ONLY_SOS_MESSAGE);
    const same = await findSameReview(tx, { ...body, planId, version: plan.version, recordedBy: actor.userId });
    if (same) return { id: same };
    const id = await insertReview(tx, {
      schoolId,
      planId,
      version: plan.version,
      reviewedOn: body.reviewedOn,
      whatWasDone: body.whatWasDone,
      whatChanged: body.whatChanged,
      nextReviewOn: body.nextReviewOn,
      safetyScale: body.safetyScale,
      recordedBy: actor.userId,
      recordedAt: now,
    });
    await setPlan(tx, planId, { reviewDue: body.nextReviewOn, updatedAt: now });
    await s.audit(
      { action: 'plan.reviewed', detail: { reviewId: id, nextReviewOn: body.nextReviewOn } },
      { type: 'plan', id: planId },
    );
    return { id };
  });
}
