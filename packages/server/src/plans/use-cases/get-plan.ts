import { londonToday, type PlanDetailResponse } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { loadPupilInSchool } from '../../platform/directory';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { caseDetailOf, staffDetailOf } from '../plans.mapping';
import {
  agreementsOf,
  leadName as leadNameOf,
  loadPlan,
  loadVersion,
  planAccessFor,
  planReaders,
  readsOf,
  reviewsOf,
  versionHistory,
} from '../plans.queries';
import { requireVisible } from '../plans.rules';

/**
 * A plan as its reader may see it: the case team the whole plan and its history, staff given it
 * the current staff sections. Every reading is audited. The statements run in this order, one
 * after another in one transaction, as the benchmark's raw SQL (bench/plans.ts) mirrors.
 */
export async function getPlan(deps: AppDeps, at: SchoolRequest, planId: string): Promise<PlanDetailResponse> {
  return inSchool(deps, at, 'pupil.readList', async (s) => {
    const { tx, schoolId, actor, now } = s;
    const plan = await loadPlan(tx, schoolId, planId);
    const access = await planAccessFor(tx, actor, plan);
    requireVisible(access);
    const pupil = await loadPupilInSchool(tx, schoolId, plan.pupilId);
    const current = await loadVersion(tx, planId, plan.version);
    const leadName = await leadNameOf(tx, plan.leadUserId);
    const readAt = await readsOf(tx, planId, plan.version);

    if (access === 'staff') {
      await s.audit(
        { action: 'plan.viewed', detail: { view: 'staff', version: plan.version } },
        { type: 'plan', id: planId },
      );
      return staffDetailOf({ plan, pupil, current, leadName, confirmedAt: readAt.get(actor.userId) ?? null });
    }

    const versions = await versionHistory(tx, planId);
    const agreements = await agreementsOf(tx, planId);
    const reviews = await reviewsOf(tx, planId);
    const readers = await planReaders(tx, plan);
    const agreedContent =
      plan.agreedVersion === null
        ? null
        : plan.agreedVersion === plan.version
          ? current.content
          : (await loadVersion(tx, planId, plan.agreedVersion)).content;
    const response = caseDetailOf({
      plan,
      pupil,
      current,
      leadName,
      readAt,
      versions,
      agreements,
      reviews,
      readers,
      agreedContent,
      today: londonToday(now),
    });
    await s.audit(
      { action: 'plan.viewed', detail: { view: 'case', version: plan.version } },
      { type: 'plan', id: planId },
    );
    return response;
  });
}
