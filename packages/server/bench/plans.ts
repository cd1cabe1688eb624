/**
 * Measurement 8: plans. The raw SQL doing what each plans request does, statement for statement in
 * the app's order (src/plans/use-cases/ and plans.queries.ts), so the ratio says what the app
 * adds to the database work:
 * - the case view of a plan (8a): the plan, pupil, current version, lead, read confirmations, every
 *   version, agreement and review, the named staff, the readers (named, everyone who teaches the
 *   pupil when the plan is given to them, still staff of the school), then the audit append;
 * - a teacher's summary of a pupil they teach (8b): the pupil, the teaching check, the plans given
 *   to them with the current version and their read confirmation, the level wording, the audit;
 * - saving a new version (8c): the update that checks the version, the new version row, the audit;
 * - the reviews due list (8d): one select.
 */
import { SCHOOL_STAFF_ROLES, londonToday } from '@tandem/core';
import type { Query } from './databases';
import { auditAppend } from './audit';

const DAY = 86_400_000;

/** What the case view returned, to check the app's answer against. */
export interface RawCaseView {
  version: number;
  versions: number;
  agreements: number;
  reviews: number;
  readers: number;
}

interface PlanRow {
  id: string;
  pupil_id: string;
  version: number;
  lead_user_id: string;
  share_with_teaching: boolean;
  agreed_version: number | null;
}

/** The case view's selects (getPlan for a case role), in the app's order. */
export async function rawPlanCaseSelects(q: Query, schoolId: string, planId: string): Promise<RawCaseView> {
  const [plan] = await q<PlanRow>('select * from plans where id = $1 and school_id = $2', [planId, schoolId]);
  if (!plan) throw new Error('plan missing');
  const [pupil] = await q('select * from pupils where id = $1 and school_id = $2', [plan.pupil_id, schoolId]);
  if (!pupil) throw new Error('plan pupil missing');
  const [current] = await q(
    `select v.*, u.display_name from plan_versions v join users u on u.id = v.created_by
     where v.plan_id = $1 and v.version = $2`,
    [planId, plan.version],
  );
  if (!current) throw new Error('current version missing');
  await q('select id, display_name from users where id = $1', [plan.lead_user_id]);
  await q('select user_id, confirmed_at from plan_reads where plan_id = $1 and version = $2', [planId, plan.version]);
  // Every version's details, without its content (only the current and agreed versions' content).
  const versions = await q(
    `select v.version, v.reason, v.created_at, u.display_name, (v.content->>'safetyScale')::int as safety_scale
     from plan_versions v join users u on u.id = v.created_by
     where v.plan_id = $1 order by v.version desc`,
    [planId],
  );
  if (plan.agreed_version !== null && plan.agreed_version !== plan.version) {
    await q(
      `select v.*, u.display_name from plan_versions v join users u on u.id = v.created_by
       where v.plan_id = $1 and v.version = $2`,
      [planId, plan.agreed_version],
    );
  }
  const agreements = await q(
    `select a.*, u.display_name from plan_agreements a join users u on u.id = a.recorded_by
     where a.plan_id = $1 order by a.version desc, a.recorded_at`,
    [planId],
  );
  const reviews = await q(
    `select r.*, u.display_name from plan_reviews r join users u on u.id = r.recorded_by
     where r.plan_id = $1 order by r.reviewed_on desc, r.recorded_at desc`,
    [planId],
  );
  // planReaders: the named staff (also the plan's "sharedWith"), those who teach the pupil, still staff.
  const named = await q<{ id: string }>(
    `select u.id, u.display_name from plan_shares s join users u on u.id = s.user_id
     where s.school_id = $1 and s.plan_id = $2 order by u.display_name`,
    [schoolId, planId],
  );
  const teaching = plan.share_with_teaching
    ? await q<{ id: string }>(
        `select distinct u.id, u.display_name from teaching_group_pupils tgp
         join teaching_group_staff tgs on tgs.group_id = tgp.group_id join users u on u.id = tgs.user_id
         where tgp.school_id = $1 and tgp.pupil_id = $2`,
        [schoolId, plan.pupil_id],
      )
    : [];
  const ids = [...new Set([...named, ...teaching].map((r) => r.id))];
  const still =
    ids.length === 0
      ? []
      : await q(
          `select distinct ra.user_id from role_assignments ra join users u on u.id = ra.user_id
           where ra.school_id = $1 and ra.user_id = any($2::uuid[]) and ra.role = any($3::text[])
             and ra.revoked_at is null and u.disabled_at is null`,
          [schoolId, ids, [...SCHOOL_STAFF_ROLES]],
        );
  return {
    version: plan.version,
    versions: versions.length,
    agreements: agreements.length,
    reviews: reviews.length,
    readers: still.length,
  };
}

/** The case view's audit entry: the school's trust, then the append. */
export async function rawPlanViewedAudit(
  q: Query,
  actor: string,
  schoolId: string,
  planId: string,
  version: number,
): Promise<void> {
  const [school] = await q<{ trust_id: string }>('select trust_id from schools where id = $1', [schoolId]);
  if (!school) throw new Error('school missing');
  await auditAppend(q, {
    actorUserId: actor,
    trustId: school.trust_id,
    schoolId,
    action: 'plan.viewed',
    subjectType: 'plan',
    subjectId: planId,
    detail: { view: 'case', version },
  });
}

/** The plans given to a member of staff who teaches the pupil (sharedPlansFor, teaches = true). */
export const SHARED_PLANS_SQL = `
  select p.*, v.content, v.created_at as version_created_at, u.display_name as lead_name, r.confirmed_at
  from plans p
  join plan_versions v on v.plan_id = p.id and v.version = p.version
  join users u on u.id = p.lead_user_id
  left join plan_reads r on r.plan_id = p.id and r.version = p.version and r.user_id = $3
  where p.school_id = $1 and p.pupil_id = $2 and p.ended_at is null and p.kind in ('care', 'crisis', 'risk')
    and (p.share_with_teaching or p.id in (select s.plan_id from plan_shares s where s.school_id = $1 and s.user_id = $3))
  order by p.created_at`;

/** A teacher's summary of a pupil they teach (getPupilProfile, view "summary"): the selects; returns the plans given. */
export async function rawStaffSummarySelects(
  q: Query,
  schoolId: string,
  pupilId: string,
  userId: string,
): Promise<number> {
  const [pupil] = await q('select * from pupils where id = $1 and school_id = $2', [pupilId, schoolId]);
  if (!pupil) throw new Error('summary pupil missing');
  const teaches = await q(
    `select 1 from teaching_group_pupils tgp join teaching_group_staff tgs on tgs.group_id = tgp.group_id
     where tgp.school_id = $1 and tgp.pupil_id = $2 and tgs.user_id = $3 limit 1`,
    [schoolId, pupilId, userId],
  );
  if (teaches.length === 0) throw new Error('the teacher does not teach the pupil');
  const shared = await q(SHARED_PLANS_SQL, [schoolId, pupilId, userId]);
  await q(
    `select d.*, u.display_name from level_definitions d left join users u on u.id = d.created_by
     where d.school_id = $1 and d.superseded_at is null`,
    [schoolId],
  );
  return shared.length;
}

export async function rawPupilViewedAudit(q: Query, actor: string, schoolId: string, pupilId: string): Promise<void> {
  const [school] = await q<{ trust_id: string }>('select trust_id from schools where id = $1', [schoolId]);
  if (!school) throw new Error('school missing');
  await auditAppend(q, {
    actorUserId: actor,
    trustId: school.trust_id,
    schoolId,
    action: 'pupil.viewed',
    subjectType: 'pupil',
    subjectId: pupilId,
    detail: { view: 'summary' },
  });
}

/** A plan being saved again and again: the version each save must name, and what it sends. */
export interface RevisionSlot {
  id: string;
  version: number;
  content: unknown;
  reviewDue: string;
  agreementsNeeded: string[];
}

/**
 * Plans lent to one save at a time, so that with several in flight no two saves race on one plan
 * (every save names the version the last one returned, and succeeds).
 */
export class RevisionPool {
  private readonly free: RevisionSlot[];
  constructor(slots: RevisionSlot[]) {
    this.free = [...slots];
  }
  async with<T>(fn: (slot: RevisionSlot) => Promise<T>): Promise<T> {
    const slot = this.free.shift();
    if (!slot) throw new Error('no plan free to save: more in flight than plans in the pool');
    try {
      return await fn(slot);
    } finally {
      this.free.push(slot);
    }
  }
}

export const REVISION_REASON = 'Updated after the weekly check-in with the key person.';

export interface RevisionContext {
  schoolId: string;
  trustId: string;
  userId: string;
}

/**
 * revisePlan's writes: the update that checks the version, the new version, the audit append (with
 * the school's trust looked up first, as the app does, when `lookUpTrust`).
 */
export async function rawRevisionWrites(
  q: Query,
  c: RevisionContext,
  slot: RevisionSlot,
  lookUpTrust = false,
): Promise<void> {
  const next = slot.version + 1;
  const now = new Date();
  const updated = await q(
    `update plans set version = $1, review_due = $2, agreements_needed = $3, updated_at = $4
     where id = $5 and version = $6 returning *`,
    [next, slot.reviewDue, JSON.stringify(slot.agreementsNeeded), now, slot.id, slot.version],
  );
  if (updated.length !== 1) throw new Error(`raw save of version ${slot.version} found a newer version`);
  await q(
    `insert into plan_versions (school_id, plan_id, version, content, reason, created_by, created_at)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [c.schoolId, slot.id, next, JSON.stringify(slot.content), REVISION_REASON, c.userId, now],
  );
  let trustId = c.trustId;
  if (lookUpTrust) {
    const [school] = await q<{ trust_id: string }>('select trust_id from schools where id = $1', [c.schoolId]);
    if (!school) throw new Error('school missing');
    trustId = school.trust_id;
  }
  await auditAppend(q, {
    actorUserId: c.userId,
    trustId,
    schoolId: c.schoolId,
    action: 'plan.revised',
    subjectType: 'plan',
    subjectId: slot.id,
    detail: { version: next },
  });
  slot.version = next;
}

/** Every statement revisePlan sends, in its order: the plan, the writes, the trust, the audit append. */
export async function rawRevisionAllStatements(q: Query, c: RevisionContext, slot: RevisionSlot): Promise<void> {
  const [plan] = await q('select * from plans where id = $1 and school_id = $2', [slot.id, c.schoolId]);
  if (!plan) throw new Error('plan missing');
  await rawRevisionWrites(q, c, slot, true);
}

/** The reviews due list (reviewsDue): $1 school, $2 the last day counted as due soon. */
export const REVIEWS_DUE_SQL = `
  select p.id, p.kind, p.pupil_id, p.review_due, pu.given_name, pu.preferred_name, pu.family_name, u.display_name
  from plans p join pupils pu on pu.id = p.pupil_id join users u on u.id = p.lead_user_id
  where p.school_id = $1 and p.ended_at is null and p.review_due <= $2 and pu.left_on is null
  order by p.review_due, pu.family_name limit 200`;

/** The last day the app counts as due soon: today in England plus two weeks. */
export function reviewsDueHorizon(now: Date): string {
  return new Date(Date.parse(`${londonToday(now)}T00:00:00Z`) + 14 * DAY).toISOString().slice(0, 10);
}

/** A review date a save may send: the plan's own if not past, otherwise six weeks from today. */
export function reviewDueToSend(current: string, now: Date): string {
  const today = londonToday(now);
  return current >= today ? current : new Date(Date.parse(`${today}T00:00:00Z`) + 42 * DAY).toISOString().slice(0, 10);
}
