/**
 * Plan rows into the answers the API gives (and the printed plan's input): every shape a plan
 * takes on the way out is built here, from rows the use cases loaded in scope.
 */
import {
  isReviewOverdue,
  missingAgreements,
  parentFacingPlan,
  planStatus,
  staffFacingContent,
  type PlanContent,
  type PlanDetailResponse,
  type PlanStatus,
  type PlanSummary,
  type SharedPlan,
} from '@tandem/core';
import { isoDay } from '../platform/dates';
import { pupilName, type PupilRow } from '../platform/directory';
import type { PlanPdfInput } from './plans.pdf';
import type {
  agreementsOf,
  agreementsToVersion,
  loadVersion,
  planReaders,
  plansGivenTo,
  reviewsDueBy,
  reviewsInOrder,
  reviewsOf,
  versionHistory,
  PlanAccess,
  PlanRow,
} from './plans.queries';

type Rows<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;
type Version = Rows<typeof loadVersion>;

/** What a change answers: the plan's version and status after it. */
export function mutation(plan: Pick<PlanRow, 'id' | 'version' | 'agreedVersion' | 'endedAt'>) {
  return { id: plan.id, version: plan.version, status: planStatus(plan) };
}

/** One line of a pupil's plans list. */
export function summaryOf(p: PlanRow, leadName: string, today: string): PlanSummary {
  return {
    id: p.id,
    pupilId: p.pupilId,
    kind: p.kind,
    version: p.version,
    status: planStatus(p),
    reviewDue: p.reviewDue,
    reviewOverdue: !p.endedAt && isReviewOverdue(p.reviewDue, today),
    leadName,
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** The reviews due list, with how many are already overdue. */
export function reviewsDueOf(rows: Rows<typeof reviewsDueBy>, today: string) {
  const reviews = rows.map((r) => ({
    planId: r.planId,
    kind: r.kind,
    pupilId: r.pupilId,
    pupilName: pupilName({ preferredName: r.preferred, givenName: r.given, familyName: r.family }),
    reviewDue: r.reviewDue,
    overdue: isReviewOverdue(r.reviewDue, today),
    leadName: r.leadName,
  }));
  return { reviews, overdue: reviews.filter((r) => r.overdue).length };
}

/** A plan given to a member of staff, as their summary of the pupil shows it. */
export function sharedPlanOf({ p, v, lead, confirmedAt }: Rows<typeof plansGivenTo>[number]): SharedPlan {
  return {
    id: p.id,
    kind: p.kind,
    version: p.version,
    updatedAt: v.createdAt.toISOString(),
    leadName: lead,
    content: staffFacingContent(p.kind, v.content),
    confirmedAt: confirmedAt?.toISOString() ?? null,
  };
}

/** What staff given the plan see: the current version's staff sections. */
export function staffDetailOf(loaded: {
  plan: PlanRow;
  pupil: PupilRow;
  current: Version;
  leadName: string;
  confirmedAt: string | null;
}): PlanDetailResponse {
  const { plan, pupil, current } = loaded;
  return {
    view: 'staff',
    plan: {
      id: plan.id,
      pupilId: plan.pupilId,
      pupilName: pupilName(pupil),
      kind: plan.kind,
      version: plan.version,
      updatedAt: current.createdAt.toISOString(),
      leadName: loaded.leadName,
    },
    content: staffFacingContent(plan.kind, current.content),
    confirmedAt: loaded.confirmedAt,
  };
}

/** The safety scale over time: as first written, then at each review (Signs of Safety only). */
function ratingsOf(plan: PlanRow, versions: Rows<typeof versionHistory>, reviews: Rows<typeof reviewsOf>) {
  if (plan.kind !== 'signs_of_safety') return [];
  const first = versions[versions.length - 1];
  return [
    ...(first && first.safetyScale !== null ? [{ on: isoDay(first.createdAt), value: first.safetyScale }] : []),
    ...reviews
      .flatMap(({ r }) => (r.safetyScale === null ? [] : [{ on: r.reviewedOn, value: r.safetyScale }]))
      .reverse(),
  ];
}

/** The case team's view: the whole plan, its history, agreements, reviews and readers. */
export function caseDetailOf(loaded: {
  plan: PlanRow;
  pupil: PupilRow;
  current: Version;
  leadName: string;
  readAt: Map<string, string>;
  versions: Rows<typeof versionHistory>;
  agreements: Rows<typeof agreementsOf>;
  reviews: Rows<typeof reviewsOf>;
  readers: Rows<typeof planReaders>;
  agreedContent: PlanContent | null;
  today: string;
}): PlanDetailResponse {
  const { plan, pupil, current, leadName, readAt, versions, agreements, reviews, readers } = loaded;
  const currentAgreements = agreements.filter(({ a }) => a.version === plan.version);
  const parent = parentFacingPlan({
    kind: plan.kind,
    parentShareable: plan.parentShareable,
    endedAt: plan.endedAt,
    agreedContent: loaded.agreedContent,
  });
  return {
    view: 'case',
    plan: {
      ...summaryOf(plan, leadName, loaded.today),
      pupilName: pupilName(pupil),
      agreedVersion: plan.agreedVersion,
      agreementsNeeded: plan.agreementsNeeded,
      missingAgreements: missingAgreements(
        plan.agreementsNeeded,
        currentAgreements.map(({ a }) => ({ party: a.party })),
      ),
      lead: { id: plan.leadUserId, name: leadName },
      shareWithTeaching: plan.shareWithTeaching,
      sharedWith: readers.filter((r) => r.why === 'named').map((r) => ({ id: r.id, name: r.name })),
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
      party: a.party,
      name: a.name,
      relationship: a.relationship,
      how: a.how,
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
    ratings: ratingsOf(plan, versions, reviews),
    readers: readers.map((r) => ({ ...r, confirmedAt: readAt.get(r.id) ?? null })),
    parentView: parent && plan.agreedVersion !== null ? { version: plan.agreedVersion, ...parent } : null,
  };
}

/** One version's content and who wrote it, from the history. */
export function versionOf(v: Version) {
  return {
    version: v.version,
    reason: v.reason,
    createdByName: v.createdByName,
    createdAt: v.createdAt.toISOString(),
    content: v.content,
  };
}

/** Everything the printed plan shows, already cut down to what this reader may see. */
export function planPdfInputOf(loaded: {
  schoolName: string;
  date: Date;
  preparedBy: string;
  access: Exclude<PlanAccess, 'none'>;
  plan: PlanRow;
  pupil: PupilRow;
  version: Version;
  leadName: string;
  agreements: Rows<typeof agreementsToVersion>;
  reviews: Rows<typeof reviewsInOrder>;
}): PlanPdfInput {
  const { plan, pupil, version: v, access } = loaded;
  const isCurrent = v.version === plan.version;
  const status: PlanStatus = isCurrent ? planStatus(plan) : v.agreedAt ? 'agreed' : 'awaiting_agreement';
  return {
    schoolName: loaded.schoolName,
    date: loaded.date,
    preparedBy: loaded.preparedBy,
    view: access,
    pupil: { name: pupilName(pupil), dateOfBirth: pupil.dateOfBirth, yearGroup: pupil.yearGroup, form: pupil.form },
    plan: {
      kind: plan.kind,
      version: v.version,
      status,
      reviewDue: plan.reviewDue,
      leadName: loaded.leadName,
      versionCreatedAt: v.createdAt.toISOString(),
      versionCreatedBy: v.createdByName,
      versionReason: v.reason,
      isCurrent,
    },
    content: access === 'case' ? v.content : staffFacingContent(plan.kind, v.content),
    agreements: loaded.agreements.map((a) => ({
      party: a.party,
      name: a.name,
      relationship: a.relationship,
      how: a.how,
      agreedOn: a.agreedOn,
    })),
    reviews: loaded.reviews.map((r) => ({
      reviewedOn: r.reviewedOn,
      whatWasDone: r.whatWasDone,
      whatChanged: r.whatChanged,
      nextReviewOn: r.nextReviewOn,
      safetyScale: r.safetyScale,
    })),
  };
}
