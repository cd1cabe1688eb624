/**
 * The SMHL's "pupils to review": every pupil the reader may see for whom an enabled rule fires,
 * unless the last review (within the quiet days) already covered every rule firing now; a rule the
 * review did not cover brings the pupil back. Also the pupils reviewed recently. Audited once.
 */
import { EARLY_REVIEW_QUIET_DAYS, type EarlyListResponse } from '@tandem/core';
import { earlyReviews, pupils } from '@tandem/core/schema';
import type { AppDeps } from '../../platform/deps';
import { caseScopeSql, caseScopesOf } from '../../platform/case-access';
import { pupilsForList } from '../../platform/directory';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { firedRules } from '../early.fired';
import { reviewSummaryOf } from '../early.mapping';
import { latestReviews } from '../early.queries';
import { rulesOfSchool } from '../early.rules';

export async function listPupilsToReview(deps: AppDeps, at: SchoolRequest): Promise<EarlyListResponse> {
  return inSchool(deps, at, 'early.review', async (s) => {
    const { tx, actor, schoolId, now } = s;
    const scopes = await caseScopesOf(tx, actor, schoolId);
    const { settings } = await rulesOfSchool(tx, schoolId);
    const fired = await firedRules(deps, tx, { schoolId, now, rules: settings });
    const since = new Date(now.getTime() - EARLY_REVIEW_QUIET_DAYS * 86_400_000);
    const reviews = await latestReviews(
      tx,
      schoolId,
      since,
      caseScopeSql(scopes, actor.userId, schoolId, earlyReviews.pupilId),
    );
    const ids = new Set([...fired.keys(), ...reviews.keys()]);
    const shown = await pupilsForList(tx, schoolId, [...ids], caseScopeSql(scopes, actor.userId, schoolId, pupils.id));
    const out: EarlyListResponse = {
      pupils: [],
      reviewed: [],
      rulesOn: settings.filter((r) => r.enabled).length,
      quietDays: EARLY_REVIEW_QUIET_DAYS,
    };
    for (const pupil of shown) {
      const rules = fired.get(pupil.id) ?? [];
      const review = reviews.get(pupil.id);
      const covered = new Set(review?.fired.map((f) => f.kind) ?? []);
      if (review && rules.every((r) => covered.has(r.kind))) {
        out.reviewed.push({ ...pupil, review: reviewSummaryOf(review) });
      } else if (rules.length > 0) {
        out.pupils.push({ ...pupil, fired: rules, lastReview: review ? reviewSummaryOf(review) : null });
      }
    }
    // The most rules first; within that, by name (pupilsForList's order, kept by a stable sort).
    out.pupils.sort((a, b) => b.fired.length - a.fired.length);
    out.reviewed.sort((a, b) => b.review.at.localeCompare(a.review.at));
    await s.audit({ action: 'early.list_viewed', detail: { pupils: out.pupils.length } });
    return out;
  });
}
