import { SCHOOL_STAFF_ROLES, londonToday, partiesRequiredFor, type CreatePlanBody } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { loadPupilInSchool } from '../../platform/directory';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { mutation } from '../plans.mapping';
import { addShares, insertPlan, insertVersion, requireSchoolPeople } from '../plans.queries';
import { checkSharingForKind, validation } from '../plans.rules';

/** A new plan for a pupil, as version 1, led by its writer and given to the staff named. */
export async function createPlan(deps: AppDeps, at: SchoolRequest, pupilId: string, body: CreatePlanBody) {
  return inSchool(deps, at, 'plan.write', async (s) => {
    const { tx, schoolId, actor, now } = s;
    checkSharingForKind(body.kind, body);
    await loadPupilInSchool(tx, schoolId, pupilId);
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
    await s.audit({ action: 'plan.created', detail: { kind: body.kind, pupilId } }, { type: 'plan', id: plan.id });
    return mutation(plan);
  });
}
