/**
 * The school's list (head, SMHL, DSL team): every pupil on a reduced timetable running now or taught
 * elsewhere now, with how long, whether it has run past its end, and the next review. Never why.
 * Audited once per view.
 */
import { and, asc, eq, gte, isNull, or, sql } from 'drizzle-orm';
import { londonToday, PROVISION_KIND_LABELS, weeksSoFar, type ProvisionListResponse } from '@tandem/core';
import { alternativeProvisions, pupils, reducedTimetables, timetableReviews } from '@tandem/core/schema';
import { pupilName } from '../../platform/directory';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';

export async function listProvision(deps: AppDeps, at: SchoolRequest): Promise<ProvisionListResponse> {
  return inSchool(deps, at, 'provision.viewSchool', async (s) => {
    const { tx, schoolId, now } = s;
    const today = londonToday(now);
    const nextReview = sql<string | null>`(select min(${timetableReviews.dueOn})::text from ${timetableReviews}
      where ${timetableReviews.timetableId} = ${reducedTimetables.id} and ${timetableReviews.heldOn} is null)`;
    const timetables = await tx
      .select({ t: reducedTimetables, p: pupils, nextReviewOn: nextReview })
      .from(reducedTimetables)
      .innerJoin(pupils, eq(pupils.id, reducedTimetables.pupilId))
      .where(and(eq(reducedTimetables.schoolId, schoolId), eq(reducedTimetables.status, 'active')))
      .orderBy(asc(reducedTimetables.endOn));
    const elsewhere = await tx
      .select({ a: alternativeProvisions, p: pupils })
      .from(alternativeProvisions)
      .innerJoin(pupils, eq(pupils.id, alternativeProvisions.pupilId))
      .where(
        and(
          eq(alternativeProvisions.schoolId, schoolId),
          sql`${alternativeProvisions.startOn} <= ${today}::date`,
          or(isNull(alternativeProvisions.endOn), gte(alternativeProvisions.endOn, today)),
        ),
      )
      .orderBy(asc(alternativeProvisions.startOn));
    const rows: ProvisionListResponse['rows'] = [
      ...timetables.map(({ t, p, nextReviewOn }) => ({
        pupilId: p.id,
        name: pupilName(p),
        yearGroup: p.yearGroup,
        form: p.form,
        what: 'timetable' as const,
        detail: t.hours,
        startOn: t.startOn,
        endOn: t.endOn,
        weeksSoFar: weeksSoFar(t.startOn, today),
        pastEnd: today > t.endOn,
        nextReviewOn,
      })),
      ...elsewhere.map(({ a, p }) => ({
        pupilId: p.id,
        name: pupilName(p),
        yearGroup: p.yearGroup,
        form: p.form,
        what: 'provision' as const,
        detail: `${PROVISION_KIND_LABELS[a.kind]}: ${a.provider}`,
        startOn: a.startOn,
        endOn: a.endOn,
        weeksSoFar: weeksSoFar(a.startOn, today),
        pastEnd: false,
        nextReviewOn: null,
      })),
    ];
    const counts = {
      timetables: timetables.length,
      pastEnd: rows.filter((r) => r.pastEnd).length,
      elsewhere: elsewhere.length,
    };
    await s.audit({ action: 'timetable.list_viewed', detail: { pupils: new Set(rows.map((r) => r.pupilId)).size } });
    return { today, rows, counts };
  });
}
