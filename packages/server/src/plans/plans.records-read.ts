/**
 * Reading the pupil's plans as record items: each plan with who leads it, who was given it and who
 * confirmed reading it; every version's written content; the agreements recorded; and its reviews.
 */
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  ADJUSTMENT_LABELS,
  AGREEMENT_HOW_LABELS,
  AGREEMENT_PARTY_LABELS,
  KIND_SECTIONS,
  PLAN_KIND_LABELS,
  SECTION_INFO,
  type Adjustment,
  type PupilRecordItem,
} from '@tandem/core';
import { planAgreements, planReads, planReviews, plans, planShares, planVersions, users } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';
import { calendarDay, dateAndTime } from '../platform/dates';
import type { PupilRecordQuery } from '../platform/registries';
import { lines, planLabel, planTag, type PlansById } from './plans.record-class';

const yesNo = (b: boolean) => (b ? 'Yes' : 'No');

async function planRows(db: DbOrTx, where: SQL) {
  const lead = alias(users, 'lead');
  const creator = alias(users, 'creator');
  const ender = alias(users, 'ender');
  return db
    .select({ p: plans, lead: lead.displayName, creator: creator.displayName, ender: ender.displayName })
    .from(plans)
    .innerJoin(lead, eq(lead.id, plans.leadUserId))
    .innerJoin(creator, eq(creator.id, plans.createdBy))
    .leftJoin(ender, eq(ender.id, plans.endedBy))
    .where(where)
    .orderBy(plans.createdAt);
}

/** The pupil's plans and everything in them, as record items; and the plans by id (for their meetings). */
export async function readPlanItems(
  db: DbOrTx,
  { schoolId, pupilId }: PupilRecordQuery,
): Promise<{ items: PupilRecordItem[]; byId: PlansById }> {
  const items: PupilRecordItem[] = [];
  const rows = await planRows(db, and(eq(plans.schoolId, schoolId), eq(plans.pupilId, pupilId)) as SQL);
  const byId = new Map(rows.map((r) => [r.p.id, r.p]));
  const label = (planId: string) => planLabel(byId, planId);
  const tag = (planId: string | null) => planTag(byId, planId);
  const ids = rows.map((r) => r.p.id);
  if (ids.length === 0) return { items, byId };

  const giver = alias(users, 'giver');
  const given = alias(users, 'given');
  const shares = await db
    .select({ planId: planShares.planId, to: given.displayName, by: giver.displayName, at: planShares.sharedAt })
    .from(planShares)
    .innerJoin(given, eq(given.id, planShares.userId))
    .innerJoin(giver, eq(giver.id, planShares.sharedBy))
    .where(and(eq(planShares.schoolId, schoolId), inArray(planShares.planId, ids)))
    .orderBy(planShares.sharedAt);
  const reads = await db
    .select({
      planId: planReads.planId,
      version: planReads.version,
      who: users.displayName,
      at: planReads.confirmedAt,
    })
    .from(planReads)
    .innerJoin(users, eq(users.id, planReads.userId))
    .where(and(eq(planReads.schoolId, schoolId), inArray(planReads.planId, ids)))
    .orderBy(planReads.confirmedAt);

  for (const { p, lead, creator, ender } of rows) {
    items.push({
      ...tag(p.id),
      kind: 'plan',
      id: p.id,
      at: p.createdAt.toISOString(),
      title: `${PLAN_KIND_LABELS[p.kind]}, led by ${lead}`,
      body: lines(
        `Kind of plan: ${PLAN_KIND_LABELS[p.kind]}`,
        `Led by: ${lead}`,
        `Started by: ${creator}, on ${dateAndTime(p.createdAt)}`,
        `Versions written: ${p.version}`,
        p.agreedVersion !== null && `Version agreed: ${p.agreedVersion}`,
        p.agreementsNeeded.length > 0 &&
          `Agreement needed from: ${p.agreementsNeeded.map((a) => AGREEMENT_PARTY_LABELS[a]).join('; ')}`,
        `Next review due: ${calendarDay(p.reviewDue)}`,
        `Given to everyone who teaches the pupil: ${yesNo(p.shareWithTeaching)}`,
        `Shown to parents and carers once agreed: ${yesNo(p.parentShareable)}`,
        ...shares.filter((s) => s.planId === p.id).map((s) => `Given to: ${s.to}, by ${s.by}, on ${dateAndTime(s.at)}`),
        ...reads
          .filter((r) => r.planId === p.id)
          .map((r) => `Read and confirmed: ${r.who}, version ${r.version}, on ${dateAndTime(r.at)}`),
        p.endedAt && `Ended: on ${dateAndTime(p.endedAt)}${ender ? `, by ${ender}` : ''}`,
        p.endedReason && `Why it ended: ${p.endedReason}`,
      ),
    });
  }

  const author = alias(users, 'author');
  const agreer = alias(users, 'agreer');
  const versions = await db
    .select({ v: planVersions, by: author.displayName, agreedBy: agreer.displayName })
    .from(planVersions)
    .innerJoin(author, eq(author.id, planVersions.createdBy))
    .leftJoin(agreer, eq(agreer.id, planVersions.agreedBy))
    .where(and(eq(planVersions.schoolId, schoolId), inArray(planVersions.planId, ids)))
    .orderBy(planVersions.planId, planVersions.version);
  for (const { v, by, agreedBy } of versions) {
    const kind = byId.get(v.planId)!.kind;
    const c = v.content;
    items.push({
      ...tag(v.planId),
      kind: 'plan-version',
      id: `${v.planId}-v${v.version}`,
      at: v.createdAt.toISOString(),
      title: `${label(v.planId)}, version ${v.version}, written by ${by}`,
      body: lines(
        `Plan: ${label(v.planId)}, version ${v.version}`,
        `Written by: ${by}, on ${dateAndTime(v.createdAt)}`,
        v.reason && `Why it changed: ${v.reason}`,
        ...KIND_SECTIONS[kind].map((s) => c.sections[s] && `${SECTION_INFO[s].label}: ${c.sections[s]}`),
        ...(Object.entries(c.adjustments) as [Adjustment, string | undefined][]).map(
          ([a, text]) => text && `Reasonable adjustment, ${ADJUSTMENT_LABELS[a].toLowerCase()}: ${text}`,
        ),
        ...c.contacts.map((k) => `Contact: ${k.name}${k.relationship ? ` (${k.relationship})` : ''}, phone ${k.phone}`),
        c.safetyScale !== null && `Safety scale: ${c.safetyScale} out of 10`,
        v.agreedAt && `Marked agreed: on ${dateAndTime(v.agreedAt)}${agreedBy ? `, by ${agreedBy}` : ''}`,
      ),
    });
  }

  const agreements = await db
    .select({ a: planAgreements, by: users.displayName })
    .from(planAgreements)
    .innerJoin(users, eq(users.id, planAgreements.recordedBy))
    .where(and(eq(planAgreements.schoolId, schoolId), inArray(planAgreements.planId, ids)))
    .orderBy(planAgreements.recordedAt);
  for (const { a, by } of agreements) {
    items.push({
      ...tag(a.planId),
      kind: 'plan-agreement',
      id: a.id,
      at: a.recordedAt.toISOString(),
      title: `${a.name} agreed the ${label(a.planId)}, version ${a.version}`,
      body: lines(
        `Plan: ${label(a.planId)}, version ${a.version}`,
        `Who agreed: ${a.name}${a.relationship ? ` (${a.relationship})` : ''}, ${AGREEMENT_PARTY_LABELS[
          a.party
        ].toLowerCase()}`,
        `How: ${AGREEMENT_HOW_LABELS[a.how]}`,
        `When: ${calendarDay(a.agreedOn)}`,
        a.note && `Note: ${a.note}`,
        `Recorded by: ${by}, on ${dateAndTime(a.recordedAt)}`,
      ),
    });
  }

  const reviews = await db
    .select({ r: planReviews, by: users.displayName })
    .from(planReviews)
    .innerJoin(users, eq(users.id, planReviews.recordedBy))
    .where(and(eq(planReviews.schoolId, schoolId), inArray(planReviews.planId, ids)))
    .orderBy(planReviews.reviewedOn);
  for (const { r, by } of reviews) {
    items.push({
      ...tag(r.planId),
      kind: 'plan-review',
      id: r.id,
      at: r.recordedAt.toISOString(),
      title: `${label(r.planId)} reviewed on ${calendarDay(r.reviewedOn)}`,
      body: lines(
        `Plan: ${label(r.planId)}, version ${r.version}`,
        `Reviewed on: ${calendarDay(r.reviewedOn)}`,
        `What was done: ${r.whatWasDone}`,
        `What changed: ${r.whatChanged}`,
        r.safetyScale !== null && `Safety scale: ${r.safetyScale} out of 10`,
        `Next review: ${calendarDay(r.nextReviewOn)}`,
        `Recorded by: ${by}, on ${dateAndTime(r.recordedAt)}`,
      ),
    });
  }
  return { items, byId };
}
