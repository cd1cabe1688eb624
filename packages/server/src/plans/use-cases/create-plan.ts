import { SCHOOL_STAFF_ROLES, londonToday, partiesRequiredFor, type CreatePlanBody } from '@tandem/core';
import { joinCaseTeam, requireCaseAccess } from '../../platform/case-access';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { mutation } from '../plans.mapping';
import {
  addShares,
  findPlanSubmission,
  insertPlan,
  insertVersion,
  lockPupilForCreate,
  requireSchoolPeople,
} from '../plans.queries';
import { checkSharingForKind, validation } from '../plans.rules';

/**
 * A new plan for a pupil, as version 1, led by its writer and given to the staff named. A second
 * send with the same submission key answers the first plan, unchanged, and audits nothing.
 */
export async function createPlan(deps: AppDeps, at: SchoolRequest, pupilId: string, body: CreatePlanBody) {
  return inSchool(deps, at, 'plan.write', async (s) => {
    const { tx, schoolId, actor, now } = s;
    checkSharingForKind(body.kind, body);
    await requireCaseAccess(tx, actor, schoolId, pupilId);
    await lockPupilForCreate(tx, schoolId, pupilId);
    const first = await findPlanSubmission(tx, schoolId, actor.userId, body.submissionKey);
    if (first) return { answer: mutation(first), alreadyReceived: true };
    if (body.reviewDue <= londonToday(now)) throw validation('reviewDue', 'The review date must be after today');
    await requireSchoolPeople(
      tx,
      schoolId,
      body.sharedWith,
      SCHOOL_STAFF_ROLES,
      'sharedWith',
      'Choose staff of this school',
    );
    const plan = await insertPlan(tx, {
      schoolId,
      pupilId,
      kind: body.kind,
      version: 1,
      agreementsNeeded: partiesRequiredFor(body.kind, body.agreementsNeeded),
      reviewDue: body.reviewDue,
      leadUserId: actor.userId,
      shareWithTeaching: body.shareWithTeaching,
      parentShareable: body.parentShareable,
      createdBy: actor.userId,
      submissionKey: body.submissionKey,
      createdAt: now,
      updatedAt: now,
    });
    await insertVersion(tx, {
      schoolId,
      planId: plan.id,
      version: 1,
      content: body.content,
      reason: null,
      createdBy: actor.userId,
      createdAt: now,
    });
    await addShares(tx, { schoolId, planId: plan.id }, [...new Set(body.sharedWith)], {
      userId: actor.userId,
      at: now,
    });
    await joinCaseTeam(tx, { schoolId, pupilId, userId: actor.userId, source: 'plan_lead', addedBy: null, at: now });
    await s.audit({ action: 'plan.created', detail: { kind: body.kind, pupilId } }, { type: 'plan', id: plan.id });
    return { answer: mutation(plan), alreadyReceived: false };
  });
}
