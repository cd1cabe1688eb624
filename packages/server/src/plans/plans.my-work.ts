/**
 * The plans feature's part of a person's "my work": plans given to them whose current version they
 * have not confirmed reading, next steps they own from meetings, and reviews of plans they lead.
 * Each plan to read is checked with planAccessFor, the rule the plan page itself applies; next
 * steps and reviews carry the case scope in their query (the same rule for case roles); so nothing
 * is listed that the person could not open.
 */
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import { type NextStepDue, type PlanToRead, type ReviewDueItem } from '@tandem/core';
import {
  planReads,
  planShares,
  plans,
  planVersions,
  pupils,
  teachingGroupPupils,
  teachingGroupStaff,
  users,
} from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';
import { addDays } from '../platform/dates';
import { pupilName } from '../platform/directory';
import type { MyWorkReader, MyWorkSource } from '../platform/registries';
import { openNextStepsOwned } from './meetings.queries';
import { planAccessFor, reviewsLedBy } from './plans.queries';

/** Reviews due within this many days are listed (as on the reviews-due list). */
const REVIEW_HORIZON_DAYS = 14;
/** A section lists at most this many; the header count says if there are more to read. */
const LIMIT = 50;

async function plansToRead(db: DbOrTx, r: MyWorkReader): Promise<PlanToRead[]> {
  const { actor, schoolId } = r;
  const named = db
    .select({ id: planShares.planId })
    .from(planShares)
    .where(and(eq(planShares.schoolId, schoolId), eq(planShares.userId, actor.userId)));
  const taught = db
    .select({ id: teachingGroupPupils.pupilId })
    .from(teachingGroupPupils)
    .innerJoin(teachingGroupStaff, eq(teachingGroupStaff.groupId, teachingGroupPupils.groupId))
    .where(and(eq(teachingGroupPupils.schoolId, schoolId), eq(teachingGroupStaff.userId, actor.userId)));
  const rows = await db
    .select({ p: plans, pupil: pupils, lead: users.displayName, since: planVersions.createdAt })
    .from(plans)
    .innerJoin(pupils, eq(pupils.id, plans.pupilId))
    .innerJoin(users, eq(users.id, plans.leadUserId))
    .innerJoin(planVersions, and(eq(planVersions.planId, plans.id), eq(planVersions.version, plans.version)))
    .leftJoin(
      planReads,
      and(eq(planReads.planId, plans.id), eq(planReads.version, plans.version), eq(planReads.userId, actor.userId)),
    )
    .where(
      and(
        eq(plans.schoolId, schoolId),
        isNull(plans.endedAt),
        isNull(pupils.leftOn),
        isNull(planReads.userId),
        or(inArray(plans.id, named), and(eq(plans.shareWithTeaching, true), inArray(plans.pupilId, taught))),
      ),
    )
    .orderBy(planVersions.createdAt)
    .limit(LIMIT);
  const out: PlanToRead[] = [];
  for (const row of rows) {
    // Only those who read the staff view confirm reading; the plan page's own rule decides.
    if ((await planAccessFor(db, actor, row.p)) !== 'staff') continue;
    out.push({
      planId: row.p.id,
      kind: row.p.kind,
      version: row.p.version,
      pupil: { id: row.pupil.id, name: pupilName(row.pupil) },
      leadName: row.lead,
      since: row.since.toISOString(),
    });
  }
  return out;
}

async function nextStepsOwned(db: DbOrTx, r: MyWorkReader): Promise<NextStepDue[]> {
  const { actor, schoolId, today } = r;
  const visible = await openNextStepsOwned(db, actor, schoolId, LIMIT);
  return visible.map(({ a, pupil }) => ({
    meetingId: a.meetingId,
    actionId: a.id,
    description: a.description,
    dueOn: a.dueOn,
    overdue: a.dueOn < today,
    pupil: { id: pupil.id, name: pupilName(pupil) },
  }));
}

async function reviewsILead(db: DbOrTx, r: MyWorkReader): Promise<ReviewDueItem[]> {
  const { actor, schoolId, today } = r;
  const rows = await reviewsLedBy(db, actor, schoolId, LIMIT, { to: addDays(today, REVIEW_HORIZON_DAYS) });
  return rows.map(({ p, pupil }) => ({
    planId: p.id,
    kind: p.kind,
    reviewDue: p.reviewDue,
    overdue: p.reviewDue < today,
    pupil: { id: pupil.id, name: pupilName(pupil) },
  }));
}

export const planMyWork: MyWorkSource = {
  name: 'plans',
  items: async (db, r) => ({
    toRead: await plansToRead(db, r),
    nextSteps: await nextStepsOwned(db, r),
    reviewsDue: await reviewsILead(db, r),
  }),
};
