/**
 * The plans' part of a pupil's chronology: each plan written and changed (every version), the
 * agreements recorded, the version agreed, its reviews and its ending. Every reader of the case
 * sees these (case roles read plans in full).
 */
import { and, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { AGREEMENT_HOW_LABELS, PLAN_KIND_LABELS, type ChronologyEntry } from '@tandem/core';
import { planAgreements, planReviews, plans, planVersions, users } from '@tandem/core/schema';
import { calendarDay } from '../platform/dates';
import type { ChronologySource } from '../platform/registries';

const KIND_LABELS: Readonly<Record<string, string>> = PLAN_KIND_LABELS;
const HOW_LABELS: Readonly<Record<string, string>> = AGREEMENT_HOW_LABELS;

export const planChronology: ChronologySource = {
  name: 'plans',
  // At the same moment: written or changed, then agreements, agreed, reviewed; ending comes last.
  kindOrder: {
    plan_written: 1,
    plan_revised: 1,
    plan_agreement: 2,
    plan_agreed: 3,
    plan_reviewed: 4,
    plan_ended: 9,
  },
  async entries(db, { schoolId, pupilId }) {
    const planRows = await db
      .select({
        id: plans.id,
        kind: plans.kind,
        endedAt: plans.endedAt,
        endedReason: plans.endedReason,
        endedBy: plans.endedBy,
      })
      .from(plans)
      .where(and(eq(plans.schoolId, schoolId), eq(plans.pupilId, pupilId)));
    if (planRows.length === 0) return [];
    const entries: ChronologyEntry[] = [];
    const byPlan = new Map(planRows.map((p) => [p.id, p]));
    const label = (planId: string) => KIND_LABELS[byPlan.get(planId)?.kind ?? 'care'] ?? 'Plan';
    const ids = planRows.map((p) => p.id);

    const author = alias(users, 'author');
    const agreer = alias(users, 'agreer');
    const versions = await db
      .select({ v: planVersions, by: author.displayName, agreedByName: agreer.displayName })
      .from(planVersions)
      .innerJoin(author, eq(author.id, planVersions.createdBy))
      .leftJoin(agreer, eq(agreer.id, planVersions.agreedBy))
      .where(and(eq(planVersions.schoolId, schoolId), inArray(planVersions.planId, ids)));
    for (const { v, by, agreedByName } of versions) {
      entries.push({
        id: `${v.planId}-v${v.version}`,
        kind: v.version === 1 ? 'plan_written' : 'plan_revised',
        at: v.createdAt.toISOString(),
        title: v.version === 1 ? `${label(v.planId)} written` : `${label(v.planId)} changed (version ${v.version})`,
        detail: v.reason,
        byName: by,
        planId: v.planId,
      });
      if (v.agreedAt) {
        entries.push({
          id: `${v.planId}-v${v.version}-agreed`,
          kind: 'plan_agreed',
          at: v.agreedAt.toISOString(),
          title: `${label(v.planId)} agreed (version ${v.version})`,
          detail: null,
          byName: agreedByName,
          planId: v.planId,
        });
      }
    }

    const agreements = await db
      .select({ a: planAgreements, by: users.displayName })
      .from(planAgreements)
      .innerJoin(users, eq(users.id, planAgreements.recordedBy))
      .where(and(eq(planAgreements.schoolId, schoolId), inArray(planAgreements.planId, ids)));
    for (const { a, by } of agreements) {
      entries.push({
        id: a.id,
        kind: 'plan_agreement',
        at: a.recordedAt.toISOString(),
        title: `${a.name}${a.relationship ? ` (${a.relationship})` : ''} agreed to the ${label(a.planId).toLowerCase()}, version ${a.version}`,
        detail: `${HOW_LABELS[a.how] ?? a.how}, ${calendarDay(a.agreedOn)}`,
        byName: by,
        planId: a.planId,
      });
    }

    const reviews = await db
      .select({ r: planReviews, by: users.displayName })
      .from(planReviews)
      .innerJoin(users, eq(users.id, planReviews.recordedBy))
      .where(and(eq(planReviews.schoolId, schoolId), inArray(planReviews.planId, ids)));
    for (const { r, by } of reviews) {
      entries.push({
        id: r.id,
        kind: 'plan_reviewed',
        at: r.recordedAt.toISOString(),
        title: `${label(r.planId)} reviewed${r.safetyScale !== null ? `: safety scale ${r.safetyScale} of 10` : ''}`,
        detail: [
          `Done: ${r.whatWasDone}`,
          `Changed: ${r.whatChanged}`,
          `Next review ${calendarDay(r.nextReviewOn)}.`,
        ].join('\n'),
        byName: by,
        planId: r.planId,
      });
    }

    const ended = planRows.flatMap((p) => (p.endedAt ? [{ ...p, endedAt: p.endedAt }] : []));
    if (ended.length > 0) {
      const enderIds = ended.map((p) => p.endedBy).filter((x): x is string => x !== null);
      const names = new Map(
        (await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, enderIds))).map(
          (u) => [u.id, u.name],
        ),
      );
      for (const p of ended) {
        entries.push({
          id: `${p.id}-ended`,
          kind: 'plan_ended',
          at: p.endedAt.toISOString(),
          title: `${label(p.id)} ended`,
          detail: p.endedReason,
          byName: p.endedBy ? (names.get(p.endedBy) ?? null) : null,
          planId: p.id,
        });
      }
    }
    return entries;
  },
};
