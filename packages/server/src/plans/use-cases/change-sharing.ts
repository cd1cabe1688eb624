import { SCHOOL_STAFF_ROLES, type PlanSharingBody } from '@tandem/core';
import { joinCaseTeam, requireCaseAccessToPupilOf } from '../../platform/case-access';
import type { AppDeps } from '../../platform/deps';
import { tellFamily } from '../../platform/family-news';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { mutation } from '../plans.mapping';
import { addShares, clearShares, lockPlan, requireSchoolPeople, updatePlan } from '../plans.queries';
import { CASE_ROLES, checkSharingForKind, requireCurrent, requireNotEnded } from '../plans.rules';

/** Who leads the plan, which staff are given it, and whether parents see its parent-facing parts. */
export async function changeSharing(deps: AppDeps, at: SchoolRequest, planId: string, body: PlanSharingBody) {
  return inSchool(deps, at, 'plan.write', async (s) => {
    const { tx, schoolId, actor, now } = s;
    const plan = await lockPlan(tx, schoolId, planId);
    await requireCaseAccessToPupilOf(tx, actor, schoolId, plan);
    requireNotEnded(plan);
    await requireCurrent(tx, plan, body.version);
    checkSharingForKind(plan.kind, body);
    await requireSchoolPeople(
      tx,
      schoolId,
      [body.leadUserId],
      CASE_ROLES,
      'leadUserId',
      'Choose a lead who works on cases at this school',
    );
    await requireSchoolPeople(
      tx,
      schoolId,
      body.sharedWith,
      SCHOOL_STAFF_ROLES,
      'sharedWith',
      'Choose staff of this school',
    );
    const named = [...new Set(body.sharedWith)];
    // Shares are a current list; who was given the plan and when stays in the audit trail.
    await clearShares(tx, schoolId, planId);
    await addShares(tx, { schoolId, planId }, named, { userId: actor.userId, at: now });
    const updated = await updatePlan(tx, planId, {
      leadUserId: body.leadUserId,
      shareWithTeaching: body.shareWithTeaching,
      parentShareable: body.parentShareable,
      updatedAt: now,
    });
    await joinCaseTeam(tx, {
      schoolId,
      pupilId: plan.pupilId,
      userId: body.leadUserId,
      source: 'plan_lead',
      addedBy: null,
      at: now,
    });
    await s.audit(
      {
        action: 'plan.sharing_changed',
        detail: {
          named: named.length,
          teaching: body.shareWithTeaching,
          parents: body.parentShareable,
          leadUserId: body.leadUserId,
        },
      },
      { type: 'plan', id: planId },
    );
    // Parents see an agreed plan they could not see before.
    if (body.parentShareable && !plan.parentShareable && plan.agreedVersion !== null) {
      await tellFamily(tx, { schoolId, pupilId: plan.pupilId, now });
    }
    return mutation(updated ?? plan);
  });
}
