/**
 * The review: everything held about the pupil, each item with its suggested decision and the
 * decision made. Only once the requester's identity is checked. The safeguarding record's items
 * are shown to the DSL team only; others see a note in their place, never their text or count.
 * Opening it the first time starts the review. Audited.
 */
import { londonToday, RESTRICTED_REVIEW_NOTE, type SubjectAccessReviewResponse } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { requestView } from '../subject-access.mapping';
import { requestIn, updateRequest } from '../subject-access.queries';
import { buildReview, decidesRestricted, requireIdentity } from '../subject-access.rules';

export async function readReview(
  deps: AppDeps,
  at: SchoolRequest,
  requestId: string,
): Promise<SubjectAccessReviewResponse> {
  return inSchool(deps, at, 'records.subjectAccess', async (s) => {
    const { tx, schoolId, actor, now } = s;
    const { r, p, recordedByName } = await requestIn(tx, schoolId, requestId);
    requireIdentity(r);
    const sees = decidesRestricted(actor, schoolId);
    const review = await buildReview(deps, tx, { schoolId, request: r, seeRestricted: sees });
    let row = r;
    if (r.reviewStartedAt === null && r.closedAt === null && r.sentOn === null) {
      await updateRequest(tx, r.id, { reviewStartedAt: now, updatedAt: now });
      row = { ...r, reviewStartedAt: now };
    }
    const current = review.items.filter((i) => !i.gone);
    const decided = current.filter((i) => i.decision !== null).length;
    await s.audit(
      {
        action: 'subject_access.review_viewed',
        detail: { pupilId: p.id, items: current.length, restrictedIncluded: sees },
      },
      { type: 'subject_access_request', id: r.id },
    );
    const disclosesRestricted = review.all.some(
      (x) => x.item.restricted && x.decision !== null && x.decision.decision !== 'withhold',
    );
    return {
      request: requestView(row, p, {
        today: londonToday(now),
        recordedByName,
        decidesRestricted: sees,
        decided: review.items.filter((i) => i.decision !== null).length,
      }),
      items: review.items,
      progress: { decided, total: current.length },
      restrictedNote: sees ? null : RESTRICTED_REVIEW_NOTE,
      complete: review.complete,
      exportNeedsDsl: review.complete && disclosesRestricted && !sees,
    };
  });
}
