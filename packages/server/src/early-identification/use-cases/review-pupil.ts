/**
 * The lead records a decision on a pupil (reviewed: no action, a level change, or a referral) with
 * the reason. Any pupil the lead may open may be reviewed; the rules recorded are those firing now,
 * each with its words, so the reasons stay auditable. Nothing here changes a level.
 */
import type { EarlyReviewBody, EarlyReviewResponse } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { requireCaseAccess } from '../../platform/case-access';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { firedRules } from '../early.fired';
import { insertReview } from '../early.queries';
import { rulesOfSchool } from '../early.rules';

export async function reviewPupil(
  deps: AppDeps,
  at: SchoolRequest,
  pupilId: string,
  body: EarlyReviewBody,
): Promise<EarlyReviewResponse> {
  return inSchool(deps, at, 'early.review', async (s) => {
    const { tx, actor, schoolId, now } = s;
    await requireCaseAccess(tx, actor, schoolId, pupilId);
    const { settings } = await rulesOfSchool(tx, schoolId);
    const fired = (await firedRules(deps, tx, { schoolId, now, rules: settings })).get(pupilId) ?? [];
    const id = await insertReview(tx, {
      schoolId,
      pupilId,
      outcome: body.outcome,
      reason: body.reason,
      fired: fired.map((f) => ({ kind: f.kind, because: f.because })),
      reviewedBy: actor.userId,
      reviewedAt: now,
    });
    await s.audit(
      { action: 'early.reviewed', detail: { outcome: body.outcome, rules: fired.map((f) => f.kind) } },
      { type: 'pupil', id: pupilId },
    );
    return { id, fired };
  });
}
