/**
 * Plan queries and the one access decision for plans. Every query is scoped to one school, directly
 * or through a plan already loaded in it.
 *
 * Who may read a plan (need-to-know):
 *  - case roles of the school whose scope reaches the pupil (platform/case-access.ts): the whole
 *    plan, every version, agreements and reviews;
 *  - staff the plan was given to (named, or everyone who teaches the pupil when the lead chose
 *    that): the current version's staff sections only, while the plan is in force;
 *  - anyone else: nothing, not even that it exists (404).
 */
import { and, asc, desc, eq, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import {
  AppError,
  KIND_SHAREABLE_WITH_STAFF,
  SCHOOL_STAFF_ROLES,
  canInSchool,
  isStaffRole,
  rolesInSchool,
  type Actor,
  type PlanReaderReason,
  type Role,
} from '@tandem/core';
import {
  planAgreements,
  planReads,
  planReviews,
  planShares,
  plans,
  planVersions,
  pupils,
  roleAssignments,
  teachingGroupPupils,
  teachingGroupStaff,
  users,
} from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';
import { caseScopeSql, caseScopesOf, mayOpenCase } from '../platform/case-access';
import { teachesPupil } from '../platform/directory';

export type PlanRow = typeof plans.$inferSelect;
export type PlanAccess = 'case' | 'staff' | 'none';

export async function loadPlan(db: DbOrTx, schoolId: string, planId: string): Promise<PlanRow> {
  const [plan] = await db
    .select()
    .from(plans)
    .where(and(eq(plans.id, planId), eq(plans.schoolId, schoolId)));
  if (!plan) throw new AppError('not_found', 'plan not found');
  return plan;
}

/**
 * The plan, locked until the transaction ends: a change that checks the version and then writes
 * (an agreement, a review, sharing, ending) cannot interleave with a new version being saved.
 */
export async function lockPlan(tx: DbOrTx, schoolId: string, planId: string): Promise<PlanRow> {
  const [plan] = await tx
    .select()
    .from(plans)
    .where(and(eq(plans.id, planId), eq(plans.schoolId, schoolId)))
    .for('update');
  if (!plan) throw new AppError('not_found', 'plan not found');
  return plan;
}

/** Whether a member of staff was given this plan, by name or as one of the pupil's teachers. */
async function givenTo(db: DbOrTx, actor: Actor, plan: PlanRow): Promise<boolean> {
  const [named] = await db
    .select({ u: planShares.userId })
    .from(planShares)
    .where(and(eq(planShares.planId, plan.id), eq(planShares.userId, actor.userId)));
  if (named) return true;
  return plan.shareWithTeaching && teachesPupil(db, actor.userId, plan.schoolId, plan.pupilId);
}

export async function planAccessFor(db: DbOrTx, actor: Actor, plan: PlanRow): Promise<PlanAccess> {
  // Case roles read the whole plan only within their scope (need-to-know by caseload); outside
  // it they are like any other member of staff.
  if (
    canInSchool(actor, 'pupil.readCase', plan.schoolId) &&
    (await mayOpenCase(db, actor, plan.schoolId, plan.pupilId))
  ) {
    return 'case';
  }
  if (!rolesInSchool(actor, plan.schoolId).some(isStaffRole)) return 'none';
  if (plan.endedAt || !KIND_SHAREABLE_WITH_STAFF[plan.kind]) return 'none';
  return (await givenTo(db, actor, plan)) ? 'staff' : 'none';
}

export async function loadVersion(db: DbOrTx, planId: string, version: number) {
  const [row] = await db
    .select({ v: planVersions, by: users.displayName })
    .from(planVersions)
    .innerJoin(users, eq(users.id, planVersions.createdBy))
    .where(and(eq(planVersions.planId, planId), eq(planVersions.version, version)));
  if (!row) throw new AppError('not_found', 'plan version not found');
  return { ...row.v, createdByName: row.by };
}

/** Ids of people who hold one of these roles in the school now; refuses any that do not. */
export async function requireSchoolPeople(
  db: DbOrTx,
  schoolId: string,
  userIds: readonly string[],
  roles: readonly Role[],
  field: string,
  message: string,
): Promise<Map<string, string>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectDistinct({ id: users.id, name: users.displayName })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        eq(roleAssignments.schoolId, schoolId),
        inArray(roleAssignments.userId, ids),
        inArray(roleAssignments.role, [...roles]),
        isNull(roleAssignments.revokedAt),
        isNull(users.disabledAt),
      ),
    );
  if (rows.length !== ids.length) {
    throw new AppError('validation', 'person not staff of school', { fields: [{ path: field, message }] });
  }
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Staff a plan is given to: those named, and (when chosen) everyone who teaches the pupil, with
 * why. Only people who still hold a staff role in the school.
 */
export async function planReaders(db: DbOrTx, plan: PlanRow) {
  const named = await db
    .select({ id: users.id, name: users.displayName })
    .from(planShares)
    .innerJoin(users, eq(users.id, planShares.userId))
    .where(and(eq(planShares.schoolId, plan.schoolId), eq(planShares.planId, plan.id)))
    .orderBy(asc(users.displayName));
  const teaching = plan.shareWithTeaching
    ? await db
        .selectDistinct({ id: users.id, name: users.displayName })
        .from(teachingGroupPupils)
        .innerJoin(teachingGroupStaff, eq(teachingGroupStaff.groupId, teachingGroupPupils.groupId))
        .innerJoin(users, eq(users.id, teachingGroupStaff.userId))
        .where(and(eq(teachingGroupPupils.schoolId, plan.schoolId), eq(teachingGroupPupils.pupilId, plan.pupilId)))
    : [];
  const out = new Map<string, { id: string; name: string; why: PlanReaderReason }>();
  for (const t of teaching) out.set(t.id, { ...t, why: 'teaches' });
  for (const n of named) out.set(n.id, { ...n, why: 'named' });
  const ids = [...out.keys()];
  if (ids.length === 0) return [];
  const stillStaff = await db
    .selectDistinct({ id: roleAssignments.userId })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        eq(roleAssignments.schoolId, plan.schoolId),
        inArray(roleAssignments.userId, ids),
        inArray(roleAssignments.role, [...SCHOOL_STAFF_ROLES]),
        isNull(roleAssignments.revokedAt),
        isNull(users.disabledAt),
      ),
    );
  const keep = new Set(stillStaff.map((s) => s.id));
  return [...out.values()].filter((r) => keep.has(r.id)).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

// ---- Writing ----

/**
 * Hold the pupil's row until the transaction ends, so that two sends of one form (a double click,
 * a retry) are written one after the other and the second finds the first by its submission key.
 */
export async function lockPupilForCreate(tx: DbOrTx, schoolId: string, pupilId: string): Promise<void> {
  await tx
    .select({ id: pupils.id })
    .from(pupils)
    .where(and(eq(pupils.id, pupilId), eq(pupils.schoolId, schoolId)))
    .for('update');
}

/** The plan this person already created with this submission key, if any. */
export async function findPlanSubmission(
  db: DbOrTx,
  schoolId: string,
  userId: string,
  submissionKey: string,
): Promise<PlanRow | undefined> {
  const [row] = await db
    .select()
    .from(plans)
    .where(and(eq(plans.schoolId, schoolId), eq(plans.createdBy, userId), eq(plans.submissionKey, submissionKey)));
  return row;
}

/** A new plan row (version 1); its content goes in `insertVersion`. */
export async function insertPlan(tx: DbOrTx, values: typeof plans.$inferInsert): Promise<PlanRow> {
  const [plan] = await tx.insert(plans).values(values).returning();
  if (!plan) throw new Error('insert returned nothing');
  return plan;
}

/** One version's content: written once, never updated but to record its agreement. */
export async function insertVersion(tx: DbOrTx, values: typeof planVersions.$inferInsert): Promise<void> {
  await tx.insert(planVersions).values(values);
}

/**
 * The next version, only if the plan is still at the version the writer started from (decision
 * 0006): undefined when someone else saved first, so nothing is overwritten.
 */
export async function bumpVersion(
  tx: DbOrTx,
  planId: string,
  from: number,
  set: Pick<typeof plans.$inferInsert, 'reviewDue' | 'agreementsNeeded' | 'updatedAt'>,
): Promise<PlanRow | undefined> {
  const [updated] = await tx
    .update(plans)
    .set({ version: from + 1, ...set })
    .where(and(eq(plans.id, planId), eq(plans.version, from)))
    .returning();
  return updated;
}

/** Changes a plan the caller has locked (`lockPlan`) and checked, returning the new row. */
export async function updatePlan(
  tx: DbOrTx,
  planId: string,
  set: Partial<typeof plans.$inferInsert>,
): Promise<PlanRow | undefined> {
  const [updated] = await tx.update(plans).set(set).where(eq(plans.id, planId)).returning();
  return updated;
}

/** Changes a plan the caller has locked (`lockPlan`) and checked. */
export async function setPlan(tx: DbOrTx, planId: string, set: Partial<typeof plans.$inferInsert>): Promise<void> {
  await tx.update(plans).set(set).where(eq(plans.id, planId));
}

/** Gives the plan to these staff by name. */
export async function addShares(
  tx: DbOrTx,
  plan: { schoolId: string; planId: string },
  userIds: readonly string[],
  by: { userId: string; at: Date },
): Promise<void> {
  if (userIds.length === 0) return;
  await tx
    .insert(planShares)
    .values(userIds.map((userId) => ({ ...plan, userId, sharedBy: by.userId, sharedAt: by.at })));
}

/** Takes the plan back from everyone named (the caller names the new list straight after). */
export async function clearShares(tx: DbOrTx, schoolId: string, planId: string): Promise<void> {
  await tx.delete(planShares).where(and(eq(planShares.planId, planId), eq(planShares.schoolId, schoolId)));
}

/**
 * The same agreement already recorded by this person (a double click, a retry): one party agrees
 * to one version once, so it is never a second agreement.
 */
export async function findSameAgreement(
  db: DbOrTx,
  a: Pick<
    typeof planAgreements.$inferInsert,
    'planId' | 'version' | 'party' | 'name' | 'how' | 'agreedOn' | 'recordedBy'
  >,
): Promise<string | undefined> {
  const [row] = await db
    .select({ id: planAgreements.id })
    .from(planAgreements)
    .where(
      and(
        eq(planAgreements.planId, a.planId),
        eq(planAgreements.version, a.version),
        eq(planAgreements.party, a.party),
        eq(planAgreements.name, a.name),
        eq(planAgreements.how, a.how),
        eq(planAgreements.agreedOn, a.agreedOn),
        eq(planAgreements.recordedBy, a.recordedBy),
      ),
    );
  return row?.id;
}

export async function insertAgreement(tx: DbOrTx, values: typeof planAgreements.$inferInsert): Promise<string> {
  const [row] = await tx.insert(planAgreements).values(values).returning({ id: planAgreements.id });
  if (!row) throw new Error('insert returned nothing');
  return row.id;
}

/** The parties who have agreed to one version. */
export async function partiesAgreed(db: DbOrTx, planId: string, version: number) {
  return db
    .select({ party: planAgreements.party })
    .from(planAgreements)
    .where(and(eq(planAgreements.planId, planId), eq(planAgreements.version, version)));
}

export async function markVersionAgreed(
  tx: DbOrTx,
  planId: string,
  version: number,
  by: { userId: string; at: Date },
): Promise<void> {
  await tx
    .update(planVersions)
    .set({ agreedAt: by.at, agreedBy: by.userId })
    .where(and(eq(planVersions.planId, planId), eq(planVersions.version, version)));
}

/** The same review already recorded by this person (a double click, a retry), word for word. */
export async function findSameReview(
  db: DbOrTx,
  r: Pick<
    typeof planReviews.$inferInsert,
    'planId' | 'version' | 'reviewedOn' | 'whatWasDone' | 'whatChanged' | 'nextReviewOn' | 'recordedBy'
  > & { safetyScale: number | null },
): Promise<string | undefined> {
  const [row] = await db
    .select({ id: planReviews.id })
    .from(planReviews)
    .where(
      and(
        eq(planReviews.planId, r.planId),
        eq(planReviews.version, r.version),
        eq(planReviews.reviewedOn, r.reviewedOn),
        eq(planReviews.whatWasDone, r.whatWasDone),
        eq(planReviews.whatChanged, r.whatChanged),
        eq(planReviews.nextReviewOn, r.nextReviewOn),
        r.safetyScale === null ? isNull(planReviews.safetyScale) : eq(planReviews.safetyScale, r.safetyScale),
        eq(planReviews.recordedBy, r.recordedBy),
      ),
    );
  return row?.id;
}

export async function insertReview(tx: DbOrTx, values: typeof planReviews.$inferInsert): Promise<string> {
  const [row] = await tx.insert(planReviews).values(values).returning({ id: planReviews.id });
  if (!row) throw new Error('insert returned nothing');
  return row.id;
}

/** Records that someone read a version; false if they had already confirmed it. */
export async function confirmReading(tx: DbOrTx, values: typeof planReads.$inferInsert): Promise<boolean> {
  const inserted = await tx.insert(planReads).values(values).onConflictDoNothing().returning({ v: planReads.version });
  return inserted.length > 0;
}

// ---- Reading ----

/** A pupil's plans with their leads' names, newest first. */
export async function plansOfPupil(db: DbOrTx, schoolId: string, pupilId: string) {
  return db
    .select({ p: plans, lead: users.displayName })
    .from(plans)
    .innerJoin(users, eq(users.id, plans.leadUserId))
    .where(and(eq(plans.schoolId, schoolId), eq(plans.pupilId, pupilId)))
    .orderBy(desc(plans.createdAt));
}

/** Plans in force for pupils on roll whose review falls due by the horizon, soonest first. */
export async function reviewsDueBy(db: DbOrTx, schoolId: string, horizon: string, inScope: SQL = sql`true`) {
  return db
    .select({
      planId: plans.id,
      kind: plans.kind,
      pupilId: plans.pupilId,
      reviewDue: plans.reviewDue,
      given: pupils.givenName,
      preferred: pupils.preferredName,
      family: pupils.familyName,
      leadName: users.displayName,
    })
    .from(plans)
    .innerJoin(pupils, eq(pupils.id, plans.pupilId))
    .innerJoin(users, eq(users.id, plans.leadUserId))
    .where(
      and(
        eq(plans.schoolId, schoolId),
        isNull(plans.endedAt),
        lte(plans.reviewDue, horizon),
        isNull(pupils.leftOn),
        inScope,
      ),
    )
    .orderBy(asc(plans.reviewDue), asc(pupils.familyName))
    .limit(200);
}

/** The lead's name ('' if the account is gone). */
export async function leadName(db: DbOrTx, leadUserId: string): Promise<string> {
  const [lead] = await db.select({ id: users.id, name: users.displayName }).from(users).where(eq(users.id, leadUserId));
  return lead?.name ?? '';
}

/** Who confirmed reading a version, and when (ISO), by user id. */
export async function readsOf(db: DbOrTx, planId: string, version: number): Promise<Map<string, string>> {
  const reads = await db
    .select({ userId: planReads.userId, at: planReads.confirmedAt })
    .from(planReads)
    .where(and(eq(planReads.planId, planId), eq(planReads.version, version)));
  return new Map(reads.map((r) => [r.userId, r.at.toISOString()]));
}

/** Every version's details but not its content (only the safety scale), newest first. */
export async function versionHistory(db: DbOrTx, planId: string) {
  return db
    .select({
      version: planVersions.version,
      reason: planVersions.reason,
      createdAt: planVersions.createdAt,
      by: users.displayName,
      safetyScale: sql<number | null>`(${planVersions.content}->>'safetyScale')::int`,
    })
    .from(planVersions)
    .innerJoin(users, eq(users.id, planVersions.createdBy))
    .where(eq(planVersions.planId, planId))
    .orderBy(desc(planVersions.version));
}

/** Every agreement to every version, newest version first, with who recorded each. */
export async function agreementsOf(db: DbOrTx, planId: string) {
  return db
    .select({ a: planAgreements, by: users.displayName })
    .from(planAgreements)
    .innerJoin(users, eq(users.id, planAgreements.recordedBy))
    .where(eq(planAgreements.planId, planId))
    .orderBy(desc(planAgreements.version), asc(planAgreements.recordedAt));
}

/** Every review, newest first, with who recorded each. */
export async function reviewsOf(db: DbOrTx, planId: string) {
  return db
    .select({ r: planReviews, by: users.displayName })
    .from(planReviews)
    .innerJoin(users, eq(users.id, planReviews.recordedBy))
    .where(eq(planReviews.planId, planId))
    .orderBy(desc(planReviews.reviewedOn), desc(planReviews.recordedAt));
}

/** The agreements to one version, in the order recorded (for printing). */
export async function agreementsToVersion(db: DbOrTx, planId: string, version: number) {
  return db
    .select()
    .from(planAgreements)
    .where(and(eq(planAgreements.planId, planId), eq(planAgreements.version, version)))
    .orderBy(asc(planAgreements.recordedAt));
}

/** Every review, oldest first (for printing). */
export async function reviewsInOrder(db: DbOrTx, planId: string) {
  return db.select().from(planReviews).where(eq(planReviews.planId, planId)).orderBy(asc(planReviews.reviewedOn));
}

/**
 * The plans in force given to a member of staff for one pupil (by name, or, when they teach the
 * pupil, to everyone who does), with the current version and their read confirmation of it.
 */
export async function plansGivenTo(
  db: DbOrTx,
  reader: { userId: string; schoolId: string; pupilId: string; teaches: boolean },
) {
  const { userId, schoolId, pupilId, teaches } = reader;
  const named = db
    .select({ id: planShares.planId })
    .from(planShares)
    .where(and(eq(planShares.schoolId, schoolId), eq(planShares.userId, userId)));
  return db
    .select({ p: plans, v: planVersions, lead: users.displayName, confirmedAt: planReads.confirmedAt })
    .from(plans)
    .innerJoin(planVersions, and(eq(planVersions.planId, plans.id), eq(planVersions.version, plans.version)))
    .innerJoin(users, eq(users.id, plans.leadUserId))
    .leftJoin(
      planReads,
      and(eq(planReads.planId, plans.id), eq(planReads.version, plans.version), eq(planReads.userId, userId)),
    )
    .where(
      and(
        eq(plans.schoolId, schoolId),
        eq(plans.pupilId, pupilId),
        isNull(plans.endedAt),
        inArray(plans.kind, ['care', 'crisis', 'risk']),
        teaches ? sql`(${plans.shareWithTeaching} or ${plans.id} in ${named})` : inArray(plans.id, named),
      ),
    )
    .orderBy(asc(plans.createdAt));
}

/**
 * A pupil's plans in force with an agreed version, each with that agreed version's content and when
 * it was agreed, newest agreement first: what the family portal may draw from (the core rules
 * `parentFacingPlan` and `pupilFacingPlan` decide what of each is shown).
 */
export async function agreedPlansOfPupil(
  db: DbOrTx,
  schoolId: string,
  pupilId: string,
  o: { parentShareable?: boolean; kinds?: readonly PlanRow['kind'][] } = {},
) {
  return db
    .select({ plan: plans, content: planVersions.content, agreedAt: planVersions.agreedAt })
    .from(plans)
    .innerJoin(planVersions, and(eq(planVersions.planId, plans.id), eq(planVersions.version, plans.agreedVersion)))
    .where(
      and(
        eq(plans.schoolId, schoolId),
        eq(plans.pupilId, pupilId),
        isNull(plans.endedAt),
        o.parentShareable === undefined ? undefined : eq(plans.parentShareable, o.parentShareable),
        o.kinds ? inArray(plans.kind, [...o.kinds]) : undefined,
      ),
    )
    .orderBy(desc(planVersions.agreedAt), desc(plans.createdAt));
}

/**
 * The plans in force a person leads whose review falls due by `to` (and from `from`, when given),
 * soonest first, with their pupil: only those whose case view the person may open (a case role
 * within its case scope: planAccessFor's 'case', as SQL), one statement however many. Shared by
 * "my work" and the calendar feed.
 */
export async function reviewsLedBy(
  db: DbOrTx,
  actor: Actor,
  schoolId: string,
  limit: number,
  due: { from?: string; to: string },
) {
  if (!canInSchool(actor, 'pupil.readCase', schoolId)) return [];
  const scopes = await caseScopesOf(db, actor, schoolId);
  return db
    .select({ p: plans, pupil: pupils })
    .from(plans)
    .innerJoin(pupils, eq(pupils.id, plans.pupilId))
    .where(
      and(
        eq(plans.schoolId, schoolId),
        eq(plans.leadUserId, actor.userId),
        isNull(plans.endedAt),
        isNull(pupils.leftOn),
        due.from === undefined ? undefined : sql`${plans.reviewDue} >= ${due.from}::date`,
        lte(plans.reviewDue, due.to),
        caseScopeSql(scopes, actor.userId, schoolId, plans.pupilId),
      ),
    )
    .orderBy(plans.reviewDue)
    .limit(limit);
}
