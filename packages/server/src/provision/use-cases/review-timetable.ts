/**
 * The lead records a review held: the earliest review not yet held and due by then (or within the
 * reminder's days after) is marked held, else one is added for the day it was held, with what was
 * decided; the next review is booked when given. Reviews booked for later stay booked.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import {
  addDaysToDay,
  londonToday,
  reviewProblems,
  TIMETABLE_REMINDER_DAYS,
  type TimetableReviewBody,
} from '@tandem/core';
import { timetableReviews } from '@tandem/core/schema';
import { requireCaseAccess } from '../../platform/case-access';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { lockTimetable, updateTimetable } from '../provision.queries';
import { refuse, requireActive, requireRevision } from '../provision.rules';

export async function reviewTimetable(
  deps: AppDeps,
  at: SchoolRequest,
  timetableId: string,
  body: TimetableReviewBody,
): Promise<{ id: string; revision: number }> {
  return inSchool(deps, at, 'provision.manage', async (s) => {
    const { tx, schoolId, actor, now } = s;
    const row = await lockTimetable(tx, schoolId, timetableId);
    await requireCaseAccess(tx, actor, schoolId, row.pupilId);
    requireActive(row);
    requireRevision(row, body.revision, 'reduced timetable');
    refuse(reviewProblems(row, body, londonToday(now)));
    const unheld = await tx
      .select()
      .from(timetableReviews)
      .where(and(eq(timetableReviews.timetableId, row.id), isNull(timetableReviews.heldOn)))
      .orderBy(asc(timetableReviews.dueOn));
    const held = { heldOn: body.heldOn, outcome: body.outcome, heldBy: actor.userId };
    let reviewId: string;
    // A review held a few days early is that review; one held well before it is an extra one.
    const first = unheld.find((r) => r.dueOn <= addDaysToDay(body.heldOn, TIMETABLE_REMINDER_DAYS));
    if (first) {
      await tx.update(timetableReviews).set(held).where(eq(timetableReviews.id, first.id));
      reviewId = first.id;
    } else {
      const [added] = await tx
        .insert(timetableReviews)
        .values({ schoolId, timetableId: row.id, dueOn: body.heldOn, ...held })
        .returning({ id: timetableReviews.id });
      reviewId = added!.id;
    }
    const next = body.nextReviewOn;
    if (next !== null && !unheld.some((r) => r.id !== first?.id && r.dueOn === next)) {
      await tx.insert(timetableReviews).values({ schoolId, timetableId: row.id, dueOn: next });
    }
    const revision = row.revision + 1;
    await updateTimetable(tx, row.id, { revision, updatedAt: now });
    await s.audit({ action: 'timetable.reviewed', detail: { reviewId } }, { type: 'reduced_timetable', id: row.id });
    return { id: row.id, revision };
  });
}
