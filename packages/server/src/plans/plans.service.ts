/**
 * Plans: writing, versioning, agreement, sharing with staff, read confirmations, reviews, ending,
 * printing. Each change is authorised, checked, written and audited in one transaction.
 *
 * Concurrency: every change names the version the writer started from. A content change bumps the
 * version with `update ... where version = <theirs>`, so of two people saving at once exactly one
 * succeeds and the other is told, with nothing overwritten.
 */
import { and, asc, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import {
  AGREEMENT_PARTY_LABELS,
  AppError,
  CASE_ROLE_SET,
  KIND_SHAREABLE_WITH_PARENTS,
  KIND_SHAREABLE_WITH_STAFF,
  checkContentForKind,
  isReviewOverdue,
  londonToday,
  missingAgreements,
  parentFacingPlan,
  partiesRequiredFor,
  planStatus,
  rolesInSchool,
  staffFacingContent,
  type Actor,
  type AgreementHow,
  type AgreementParty,
  type AuditEvent,
  type CreatePlanBody,
  type PlanContent,
  type PlanDetailResponse,
  type PlanKind,
  type PlanSharingBody,
  type PlanStatus,
  type PlanSummary,
  type RecordAgreementBody,
  type RecordReviewBody,
  type RevisePlanBody,
  type SharedPlan,
} from '@tandem/core';
import {
  planAgreements,
  planReads,
  planReviews,
  planShares,
  plans,
  planVersions,
  pupils,
  users,
} from '@tandem/core/schema';
import type { AppDeps } from '../platform/deps';
import { appendSchoolAudit } from '../audit/audit.service';
import type { DbOrTx } from '../db/client';
import { requireSchoolPermission } from '../http/scope';
import { schoolNameOf } from '../schools/schools.queries';
import { isoDay } from '../levels/sharing.pdf';
import {
  STAFF_ROLES,
  kindOf,
  loadPlan,
  loadPupilInSchool,
  lockPlan,
  loadVersion,
  partiesOf,
  planAccessFor,
  planReaders,
  pupilName,
  requireSchoolPeople,
  type PlanRow,
} from './plans.queries';
import { planPdfFilename, renderPlanPdf } from './plans.pdf';

interface Ctx {
  deps: AppDeps;
  actor: Actor;
  schoolId: string;
  ip: string;
}

const CASE_ROLES = [...CASE_ROLE_SET] as string[];
const DUE_SOON_DAYS = 14;

async function audit(tx: DbOrTx, c: Ctx, planId: string, event: AuditEvent) {
  await appendSchoolAudit(tx, c.deps.clock, event, {
    actor: c.actor,
    schoolId: c.schoolId,
    subjectType: 'plan',
    subjectId: planId,
    ip: c.ip,
  });
}

function mutation(plan: Pick<PlanRow, 'id' | 'version' | 'agreedVersion' | 'endedAt'>) {
  return { id: plan.id, version: plan.version, status: planStatus(plan) };
}

function validation(path: string, message: string): AppError {
  return new AppError('validation', message, { fields: [{ path, message }] });
}

/** Checks the content against the kind's rules, as the create body does, for a revision. */
function requireContentForKind(kind: PlanKind, content: PlanContent): void {
  const fields: { path: string; message: string }[] = [];
  checkContentForKind(kind, content, {
    addIssue: (i) => fields.push({ path: i.path.join('.'), message: i.message }),
  });
  if (fields.length > 0) throw new AppError('validation', 'content does not fit kind', { fields });
}

function requireNotEnded(plan: PlanRow): void {
  if (plan.endedAt) {
    throw new AppError('conflict', 'plan ended', {
      userMessage: 'This plan has ended, so it can no longer be changed. Write a new plan if one is needed.',
    });
  }
}

/** The writer's version is not the newest: say who saved the newer one, and when. */
async function staleVersion(tx: DbOrTx, plan: PlanRow): Promise<AppError> {
  const latest = await loadVersion(tx, plan.id, plan.version);
  const when = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/London',
  }).format(latest.createdAt);
  return new AppError('conflict', 'stale plan version', {
    userMessage: `${latest.createdByName} saved a newer version of this plan (version ${plan.version}, ${when}) while you were working. Nothing you entered has been saved yet.`,
  });
}

async function requireCurrent(tx: DbOrTx, plan: PlanRow, version: number): Promise<void> {
  if (version !== plan.version) throw await staleVersion(tx, plan);
}

function checkSharingForKind(
  kind: PlanKind,
  s: { shareWithTeaching: boolean; sharedWith: string[]; parentShareable: boolean },
) {
  if (!KIND_SHAREABLE_WITH_STAFF[kind] && (s.shareWithTeaching || s.sharedWith.length > 0)) {
    throw validation(
      'sharedWith',
      'A Signs of Safety record stays with the case team; it cannot be given to other staff',
    );
  }
  if (!KIND_SHAREABLE_WITH_PARENTS[kind] && s.parentShareable) {
    throw validation('parentShareable', 'This kind of plan has no parent-facing parts');
  }
}

// ---- Writing ----

export async function createPlan(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  pupilId: string,
  body: CreatePlanBody,
  ip: string,
) {
  requireSchoolPermission(actor, schoolId, 'plan.write');
  const c: Ctx = { deps, actor, schoolId, ip };
  checkSharingForKind(body.kind, body);
  return deps.database.db.transaction(async (tx) => {
    await loadPupilInSchool(tx, schoolId, pupilId);
    const now = deps.clock.now();
    if (body.reviewDue <= londonToday(now)) throw validation('reviewDue', 'The review date must be after today');
    await requireSchoolPeople(tx, schoolId, body.sharedWith, STAFF_ROLES, 'sharedWith', 'Choose staff of this school');
    const [plan] = await tx
      .insert(plans)
      .values({
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
      })
      .returning();
    if (!plan) throw new Error('insert returned nothing');
    await tx.insert(planVersions).values({
      schoolId,
      planId: plan.id,
      version: 1,
      content: body.content,
      reason: null,
      createdBy: actor.userId,
      createdAt: now,
    });
    const named = [...new Set(body.sharedWith)];
    if (named.length > 0) {
      await tx
        .insert(planShares)
        .values(named.map((userId) => ({ schoolId, planId: plan.id, userId, sharedBy: actor.userId, sharedAt: now })));
    }
    await audit(tx, c, plan.id, { action: 'plan.created', detail: { kind: body.kind, pupilId } });
    return mutation(plan);
  });
}

/** A change of content: a new version with a reason. Earlier versions stay readable. */
export async function revisePlan(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  planId: string,
  body: RevisePlanBody,
  ip: string,
) {
  requireSchoolPermission(actor, schoolId, 'plan.write');
  const c: Ctx = { deps, actor, schoolId, ip };
  return deps.database.db.transaction(async (tx) => {
    const plan = await loadPlan(tx, schoolId, planId);
    requireNotEnded(plan);
    requireContentForKind(kindOf(plan), body.content);
    const now = deps.clock.now();
    if (body.reviewDue < londonToday(now)) throw validation('reviewDue', 'The review date cannot be in the past');
    const next = body.version + 1;
    const [updated] = await tx
      .update(plans)
      .set({
        version: next,
        reviewDue: body.reviewDue,
        agreementsNeeded: partiesRequiredFor(kindOf(plan), body.agreementsNeeded),
        updatedAt: now,
      })
      .where(and(eq(plans.id, planId), eq(plans.version, body.version)))
      .returning();
    if (!updated) throw await staleVersion(tx, await loadPlan(tx, schoolId, planId));
    await tx.insert(planVersions).values({
      schoolId,
      planId,
      version: next,
      content: body.content,
      reason: body.reason,
      createdBy: actor.userId,
      createdAt: now,
    });
    await audit(tx, c, planId, { action: 'plan.revised', detail: { version: next } });
    return mutation(updated);
  });
}

/** Who leads the plan, which staff are given it, and whether parents see its parent-facing parts. */
export async function changeSharing(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  planId: string,
  body: PlanSharingBody,
  ip: string,
) {
  requireSchoolPermission(actor, schoolId, 'plan.write');
  const c: Ctx = { deps, actor, schoolId, ip };
  return deps.database.db.transaction(async (tx) => {
    const plan = await lockPlan(tx, schoolId, planId);
    requireNotEnded(plan);
    await requireCurrent(tx, plan, body.version);
    checkSharingForKind(kindOf(plan), body);
    await requireSchoolPeople(
      tx,
      schoolId,
      [body.leadUserId],
      CASE_ROLES,
      'leadUserId',
      'Choose a lead who works on cases at this school',
    );
    await requireSchoolPeople(tx, schoolId, body.sharedWith, STAFF_ROLES, 'sharedWith', 'Choose staff of this school');
    const now = deps.clock.now();
    const named = [...new Set(body.sharedWith)];
    // Shares are a current list; who was given the plan and when stays in the audit trail.
    await tx.delete(planShares).where(and(eq(planShares.planId, planId), eq(planShares.schoolId, schoolId)));
    if (named.length > 0) {
      await tx
        .insert(planShares)
        .values(named.map((userId) => ({ schoolId, planId, userId, sharedBy: actor.userId, sharedAt: now })));
    }
    const [updated] = await tx
      .update(plans)
      .set({
        leadUserId: body.leadUserId,
        shareWithTeaching: body.shareWithTeaching,
        parentShareable: body.parentShareable,
        updatedAt: now,
      })
      .where(eq(plans.id, planId))
      .returning();
    await audit(tx, c, planId, {
      action: 'plan.sharing_changed',
      detail: {
        named: named.length,
        teaching: body.shareWithTeaching,
        parents: body.parentShareable,
        leadUserId: body.leadUserId,
      },
    });
    return mutation(updated ?? plan);
  });
}

// ---- Agreement ----

export async function recordAgreement(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  planId: string,
  body: RecordAgreementBody,
  ip: string,
) {
  requireSchoolPermission(actor, schoolId, 'plan.write');
  const c: Ctx = { deps, actor, schoolId, ip };
  return deps.database.db.transaction(async (tx) => {
    const plan = await lockPlan(tx, schoolId, planId);
    requireNotEnded(plan);
    await requireCurrent(tx, plan, body.version);
    const now = deps.clock.now();
    if (body.agreedOn > londonToday(now)) throw validation('agreedOn', 'The date they agreed cannot be in the future');
    const [row] = await tx
      .insert(planAgreements)
      .values({
        schoolId,
        planId,
        version: plan.version,
        party: body.party,
        name: body.name,
        relationship: body.relationship,
        how: body.how,
        agreedOn: body.agreedOn,
        note: body.note,
        recordedBy: actor.userId,
        recordedAt: now,
      })
      .returning({ id: planAgreements.id });
    if (!row) throw new Error('insert returned nothing');
    await audit(tx, c, planId, {
      action: 'plan.agreement_recorded',
      detail: { version: plan.version, party: body.party, agreementId: row.id },
    });
    return { id: row.id };
  });
}

/**
 * The lead says every needed agreement is in. Refused while a needed party has not agreed to this
 * version. Only the plan's lead or a Senior Mental Health Lead may say so.
 */
export async function markAgreed(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  planId: string,
  version: number,
  ip: string,
) {
  requireSchoolPermission(actor, schoolId, 'plan.write');
  const c: Ctx = { deps, actor, schoolId, ip };
  return deps.database.db.transaction(async (tx) => {
    const plan = await lockPlan(tx, schoolId, planId);
    if (plan.leadUserId !== actor.userId && !rolesInSchool(actor, schoolId).includes('smhl')) {
      throw new AppError('forbidden', 'not the plan lead', {
        userMessage: "Only the plan's lead or the Senior Mental Health Lead can mark it agreed.",
      });
    }
    requireNotEnded(plan);
    await requireCurrent(tx, plan, version);
    if (plan.agreedVersion === plan.version) return mutation(plan);
    const recorded = await tx
      .select({ party: planAgreements.party })
      .from(planAgreements)
      .where(and(eq(planAgreements.planId, planId), eq(planAgreements.version, plan.version)));
    const missing = missingAgreements(partiesOf(plan), recorded as { party: AgreementParty }[]);
    if (missing.length > 0) {
      const who = missing.map((p) => AGREEMENT_PARTY_LABELS[p].toLowerCase()).join(', ');
      throw new AppError('validation', 'agreements missing', {
        userMessage: `This version cannot be marked agreed yet. Still to record agreement: ${who}.`,
        fields: [{ path: 'agreements', message: `Still to record agreement: ${who}` }],
      });
    }
    const now = deps.clock.now();
    await tx
      .update(planVersions)
      .set({ agreedAt: now, agreedBy: actor.userId })
      .where(and(eq(planVersions.planId, planId), eq(planVersions.version, plan.version)));
    // The plan row is locked and its version checked above, so this is the version agreed.
    await tx.update(plans).set({ agreedVersion: plan.version, updatedAt: now }).where(eq(plans.id, planId));
    await audit(tx, c, planId, { action: 'plan.agreed', detail: { version: plan.version } });
    return mutation({ ...plan, agreedVersion: plan.version });
  });
}

// ---- Reviews and ending ----

export async function recordReview(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  planId: string,
  body: RecordReviewBody,
  ip: string,
) {
  requireSchoolPermission(actor, schoolId, 'plan.write');
  const c: Ctx = { deps, actor, schoolId, ip };
  return deps.database.db.transaction(async (tx) => {
    const plan = await lockPlan(tx, schoolId, planId);
    requireNotEnded(plan);
    await requireCurrent(tx, plan, body.version);
    const today = londonToday(deps.clock.now());
    if (body.reviewedOn > today) throw validation('reviewedOn', 'The review date cannot be in the future');
    if (body.nextReviewOn <= body.reviewedOn || body.nextReviewOn <= today) {
      throw validation('nextReviewOn', 'The next review must be after today');
    }
    const sos = kindOf(plan) === 'signs_of_safety';
    if (sos && body.safetyScale === null) throw validation('safetyScale', 'Choose a number from 0 to 10');
    if (!sos && body.safetyScale !== null) throw validation('safetyScale', 'Only Signs of Safety uses the scale');
    const now = deps.clock.now();
    const [row] = await tx
      .insert(planReviews)
      .values({
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
      })
      .returning({ id: planReviews.id });
    if (!row) throw new Error('insert returned nothing');
    await tx.update(plans).set({ reviewDue: body.nextReviewOn, updatedAt: now }).where(eq(plans.id, planId));
    await audit(tx, c, planId, {
      action: 'plan.reviewed',
      detail: { reviewId: row.id, nextReviewOn: body.nextReviewOn },
    });
    return { id: row.id };
  });
}

export async function endPlan(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  planId: string,
  body: { version: number; reason: string },
  ip: string,
) {
  requireSchoolPermission(actor, schoolId, 'plan.write');
  const c: Ctx = { deps, actor, schoolId, ip };
  return deps.database.db.transaction(async (tx) => {
    const plan = await lockPlan(tx, schoolId, planId);
    requireNotEnded(plan);
    await requireCurrent(tx, plan, body.version);
    const now = deps.clock.now();
    // The plan row is locked, and checked above as current and not ended.
    await tx
      .update(plans)
      .set({ endedAt: now, endedBy: actor.userId, endedReason: body.reason, updatedAt: now })
      .where(eq(plans.id, planId));
    await audit(tx, c, planId, { action: 'plan.ended', detail: { version: plan.version } });
    return mutation({ ...plan, endedAt: now });
  });
}

// ---- Staff given a plan ----

/** A member of staff confirms they have read the current version of a plan they were given. */
export async function confirmRead(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  planId: string,
  version: number,
  ip: string,
) {
  requireSchoolPermission(actor, schoolId, 'pupil.readList');
  const c: Ctx = { deps, actor, schoolId, ip };
  return deps.database.db.transaction(async (tx) => {
    const plan = await loadPlan(tx, schoolId, planId);
    if ((await planAccessFor(tx, actor, plan)) === 'none') throw new AppError('not_found', 'plan not visible');
    if (version !== plan.version) {
      throw new AppError('conflict', 'stale read confirmation', {
        userMessage: `This plan has been updated to version ${plan.version}. Please read the new version, then confirm.`,
      });
    }
    const inserted = await tx
      .insert(planReads)
      .values({ schoolId, planId, version, userId: actor.userId, confirmedAt: deps.clock.now() })
      .onConflictDoNothing()
      .returning({ v: planReads.version });
    if (inserted.length > 0) await audit(tx, c, planId, { action: 'plan.read_confirmed', detail: { version } });
    return { ok: true as const };
  });
}

/**
 * The plans a member of staff was given for one pupil, for the pupil's staff summary: current
 * versions, staff sections only, and whether they have confirmed reading each. Case roles read
 * plans in full elsewhere, so this is only for the summary and basic views.
 */
export async function sharedPlansFor(
  tx: DbOrTx,
  userId: string,
  schoolId: string,
  pupilId: string,
  teaches: boolean,
): Promise<SharedPlan[]> {
  const named = tx
    .select({ id: planShares.planId })
    .from(planShares)
    .where(and(eq(planShares.schoolId, schoolId), eq(planShares.userId, userId)));
  const rows = await tx
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
  return rows
    .filter(({ p }) => KIND_SHAREABLE_WITH_STAFF[kindOf(p)])
    .map(({ p, v, lead, confirmedAt }) => ({
      id: p.id,
      kind: kindOf(p),
      version: p.version,
      updatedAt: v.createdAt.toISOString(),
      leadName: lead,
      content: staffFacingContent(kindOf(p), v.content as PlanContent),
      confirmedAt: confirmedAt?.toISOString() ?? null,
    }));
}

// ---- Reading ----

function summaryOf(p: PlanRow, leadName: string, today: string): PlanSummary {
  return {
    id: p.id,
    pupilId: p.pupilId,
    kind: kindOf(p),
    version: p.version,
    status: planStatus(p),
    reviewDue: p.reviewDue,
    reviewOverdue: !p.endedAt && isReviewOverdue(p.reviewDue, today),
    leadName,
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** A pupil's plans, newest first (case roles). */
export async function listPlans(deps: AppDeps, actor: Actor, schoolId: string, pupilId: string) {
  requireSchoolPermission(actor, schoolId, 'pupil.readCase');
  const db = deps.database.db;
  await loadPupilInSchool(db, schoolId, pupilId);
  const rows = await db
    .select({ p: plans, lead: users.displayName })
    .from(plans)
    .innerJoin(users, eq(users.id, plans.leadUserId))
    .where(and(eq(plans.schoolId, schoolId), eq(plans.pupilId, pupilId)))
    .orderBy(desc(plans.createdAt));
  const today = londonToday(deps.clock.now());
  return rows.map(({ p, lead }) => summaryOf(p, lead, today));
}

/** Reviews overdue or due within two weeks, for the lead's home page (case roles). */
export async function reviewsDue(deps: AppDeps, actor: Actor, schoolId: string) {
  requireSchoolPermission(actor, schoolId, 'pupil.readCase');
  const today = londonToday(deps.clock.now());
  const horizon = isoDay(new Date(Date.parse(`${today}T00:00:00Z`) + DUE_SOON_DAYS * 86_400_000));
  const rows = await deps.database.db
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
      and(eq(plans.schoolId, schoolId), isNull(plans.endedAt), lte(plans.reviewDue, horizon), isNull(pupils.leftOn)),
    )
    .orderBy(asc(plans.reviewDue), asc(pupils.familyName))
    .limit(200);
  const reviews = rows.map((r) => ({
    planId: r.planId,
    kind: r.kind as PlanKind,
    pupilId: r.pupilId,
    pupilName: pupilName({ preferredName: r.preferred, givenName: r.given, familyName: r.family }),
    reviewDue: r.reviewDue,
    overdue: isReviewOverdue(r.reviewDue, today),
    leadName: r.leadName,
  }));
  return { reviews, overdue: reviews.filter((r) => r.overdue).length };
}

export async function getPlan(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  planId: string,
  ip: string,
): Promise<PlanDetailResponse> {
  requireSchoolPermission(actor, schoolId, 'pupil.readList');
  const c: Ctx = { deps, actor, schoolId, ip };
  return deps.database.db.transaction(async (tx) => {
    const plan = await loadPlan(tx, schoolId, planId);
    const access = await planAccessFor(tx, actor, plan);
    if (access === 'none') throw new AppError('not_found', 'plan not visible');
    const pupil = await loadPupilInSchool(tx, schoolId, plan.pupilId);
    const current = await loadVersion(tx, planId, plan.version);
    const [lead] = await tx
      .select({ id: users.id, name: users.displayName })
      .from(users)
      .where(eq(users.id, plan.leadUserId));
    const leadName = lead?.name ?? '';
    const reads = await tx
      .select({ userId: planReads.userId, at: planReads.confirmedAt })
      .from(planReads)
      .where(and(eq(planReads.planId, planId), eq(planReads.version, plan.version)));
    const readAt = new Map(reads.map((r) => [r.userId, r.at.toISOString()]));

    if (access === 'staff') {
      await audit(tx, c, planId, { action: 'plan.viewed', detail: { view: 'staff', version: plan.version } });
      return {
        view: 'staff',
        plan: {
          id: plan.id,
          pupilId: plan.pupilId,
          pupilName: pupilName(pupil),
          kind: kindOf(plan),
          version: plan.version,
          updatedAt: current.createdAt.toISOString(),
          leadName,
        },
        content: staffFacingContent(kindOf(plan), current.content),
        confirmedAt: readAt.get(actor.userId) ?? null,
      };
    }

    // Every version's details but not its content: the case view shows the current and agreed ones.
    const versions = await tx
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
    const agreements = await tx
      .select({ a: planAgreements, by: users.displayName })
      .from(planAgreements)
      .innerJoin(users, eq(users.id, planAgreements.recordedBy))
      .where(eq(planAgreements.planId, planId))
      .orderBy(desc(planAgreements.version), asc(planAgreements.recordedAt));
    const reviews = await tx
      .select({ r: planReviews, by: users.displayName })
      .from(planReviews)
      .innerJoin(users, eq(users.id, planReviews.recordedBy))
      .where(eq(planReviews.planId, planId))
      .orderBy(desc(planReviews.reviewedOn), desc(planReviews.recordedAt));
    const readers = await planReaders(tx, plan);
    const shared = readers.filter((r) => r.why === 'named').map((r) => ({ id: r.id, name: r.name }));
    const today = londonToday(deps.clock.now());
    const currentAgreements = agreements.filter(({ a }) => a.version === plan.version);
    const first = versions[versions.length - 1];
    const ratings =
      kindOf(plan) === 'signs_of_safety'
        ? [
            ...(first && first.safetyScale !== null ? [{ on: isoDay(first.createdAt), value: first.safetyScale }] : []),
            ...reviews
              .filter(({ r }) => r.safetyScale !== null)
              .map(({ r }) => ({ on: r.reviewedOn, value: r.safetyScale as number }))
              .reverse(),
          ]
        : [];
    const agreedContent =
      plan.agreedVersion === null
        ? null
        : plan.agreedVersion === plan.version
          ? current.content
          : (await loadVersion(tx, planId, plan.agreedVersion)).content;
    const parent = parentFacingPlan({
      kind: kindOf(plan),
      parentShareable: plan.parentShareable,
      endedAt: plan.endedAt,
      agreedContent,
    });
    const response: PlanDetailResponse = {
      view: 'case',
      plan: {
        ...summaryOf(plan, leadName, today),
        pupilName: pupilName(pupil),
        agreedVersion: plan.agreedVersion,
        agreementsNeeded: partiesOf(plan),
        missingAgreements: missingAgreements(
          partiesOf(plan),
          currentAgreements.map(({ a }) => ({ party: a.party as AgreementParty })),
        ),
        lead: { id: plan.leadUserId, name: leadName },
        shareWithTeaching: plan.shareWithTeaching,
        sharedWith: shared,
        parentShareable: plan.parentShareable,
        endedAt: plan.endedAt?.toISOString() ?? null,
        endedReason: plan.endedReason,
        createdAt: plan.createdAt.toISOString(),
      },
      content: current.content,
      versions: versions.map((v) => ({
        version: v.version,
        reason: v.reason,
        createdByName: v.by,
        createdAt: v.createdAt.toISOString(),
      })),
      agreements: agreements.map(({ a, by }) => ({
        id: a.id,
        version: a.version,
        party: a.party as AgreementParty,
        name: a.name,
        relationship: a.relationship,
        how: a.how as AgreementHow,
        agreedOn: a.agreedOn,
        note: a.note,
        recordedByName: by,
        recordedAt: a.recordedAt.toISOString(),
      })),
      reviews: reviews.map(({ r, by }) => ({
        id: r.id,
        version: r.version,
        reviewedOn: r.reviewedOn,
        whatWasDone: r.whatWasDone,
        whatChanged: r.whatChanged,
        nextReviewOn: r.nextReviewOn,
        safetyScale: r.safetyScale,
        recordedByName: by,
      })),
      ratings,
      readers: readers.map((r) => ({ ...r, confirmedAt: readAt.get(r.id) ?? null })),
      parentView: parent && plan.agreedVersion !== null ? { version: plan.agreedVersion, ...parent } : null,
    };
    await audit(tx, c, planId, { action: 'plan.viewed', detail: { view: 'case', version: plan.version } });
    return response;
  });
}

/** An earlier (or the current) version's content, for case roles. */
export async function getPlanVersion(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  planId: string,
  version: number,
  ip: string,
) {
  requireSchoolPermission(actor, schoolId, 'pupil.readCase');
  const c: Ctx = { deps, actor, schoolId, ip };
  return deps.database.db.transaction(async (tx) => {
    await loadPlan(tx, schoolId, planId);
    const v = await loadVersion(tx, planId, version);
    await audit(tx, c, planId, { action: 'plan.version_viewed', detail: { version } });
    return {
      version: v.version,
      reason: v.reason,
      createdByName: v.createdByName,
      createdAt: v.createdAt.toISOString(),
      content: v.content,
    };
  });
}

/** The plan as a PDF: case roles any version, staff given it the current staff view. Audited. */
export async function exportPlanPdf(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  planId: string,
  version: number | undefined,
  ip: string,
): Promise<{ pdf: Buffer; filename: string }> {
  requireSchoolPermission(actor, schoolId, 'pupil.readList');
  const c: Ctx = { deps, actor, schoolId, ip };
  const loaded = await deps.database.db.transaction(async (tx) => {
    const plan = await loadPlan(tx, schoolId, planId);
    const access = await planAccessFor(tx, actor, plan);
    if (access === 'none') throw new AppError('not_found', 'plan not visible');
    const wanted = version ?? plan.version;
    if (access === 'staff' && wanted !== plan.version) throw new AppError('not_found', 'version not visible');
    const pupil = await loadPupilInSchool(tx, schoolId, plan.pupilId);
    const v = await loadVersion(tx, planId, wanted);
    const [lead] = await tx.select({ name: users.displayName }).from(users).where(eq(users.id, plan.leadUserId));
    const caseView = access === 'case';
    const agreements = caseView
      ? await tx
          .select()
          .from(planAgreements)
          .where(and(eq(planAgreements.planId, planId), eq(planAgreements.version, wanted)))
          .orderBy(asc(planAgreements.recordedAt))
      : [];
    const reviews = caseView
      ? await tx.select().from(planReviews).where(eq(planReviews.planId, planId)).orderBy(asc(planReviews.reviewedOn))
      : [];
    const schoolName = await schoolNameOf(tx, schoolId);
    await audit(tx, c, planId, { action: 'plan.exported', detail: { version: wanted, view: access } });
    return { plan, pupil, v, leadName: lead?.name ?? '', agreements, reviews, schoolName, access, wanted };
  });
  const { plan, pupil, v, agreements, reviews, access, wanted } = loaded;
  const now = deps.clock.now();
  const status: PlanStatus = wanted === plan.version ? planStatus(plan) : v.agreedAt ? 'agreed' : 'awaiting_agreement';
  const pdf = await renderPlanPdf({
    schoolName: loaded.schoolName,
    date: now,
    preparedBy: actor.displayName,
    view: access,
    pupil: { name: pupilName(pupil), dateOfBirth: pupil.dateOfBirth, yearGroup: pupil.yearGroup, form: pupil.form },
    plan: {
      kind: kindOf(plan),
      version: wanted,
      status,
      reviewDue: plan.reviewDue,
      leadName: loaded.leadName,
      versionCreatedAt: v.createdAt.toISOString(),
      versionCreatedBy: v.createdByName,
      versionReason: v.reason,
      isCurrent: wanted === plan.version,
    },
    content: access === 'case' ? v.content : staffFacingContent(kindOf(plan), v.content),
    agreements: agreements.map((a) => ({
      party: a.party as AgreementParty,
      name: a.name,
      relationship: a.relationship,
      how: a.how as AgreementHow,
      agreedOn: a.agreedOn,
    })),
    reviews: reviews.map((r) => ({
      reviewedOn: r.reviewedOn,
      whatWasDone: r.whatWasDone,
      whatChanged: r.whatChanged,
      nextReviewOn: r.nextReviewOn,
      safetyScale: r.safetyScale,
    })),
  });
  return { pdf, filename: planPdfFilename(kindOf(plan), pupil.familyName, pupil.givenName, wanted, now) };
}
