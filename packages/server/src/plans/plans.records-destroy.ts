/**
 * Destroying a pupil's plans and meetings of one record class, when retention review confirms it:
 * the plans of the kinds in that class with everything in them, the meetings about those plans and
 * (for wellbeing records) the meetings about no plan, with their next steps. Returns how many of
 * each kind went, no content.
 */
import { and, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { RecordClass } from '@tandem/core';
import {
  meetingActions,
  meetings,
  planAgreements,
  planReads,
  planReviews,
  plans,
  planShares,
  planVersions,
} from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';
import { kindsOf } from './plans.record-class';

export async function destroyPlanRecords(
  tx: DbOrTx,
  { schoolId, pupilId, recordClass }: { schoolId: string; pupilId: string; recordClass: RecordClass },
): Promise<{ kind: string; count: number }[]> {
  const kinds = kindsOf(recordClass);
  const out: { kind: string; count: number }[] = [];
  const note = (kind: string, n: number) => {
    if (n > 0) out.push({ kind, count: n });
  };
  const planIds =
    kinds.length === 0
      ? []
      : (
          await tx
            .select({ id: plans.id })
            .from(plans)
            .where(and(eq(plans.schoolId, schoolId), eq(plans.pupilId, pupilId), inArray(plans.kind, kinds)))
        ).map((r) => r.id);

  // Meetings about these plans, and (for wellbeing records) meetings about no plan.
  const meetingWhere = [
    planIds.length > 0 ? inArray(meetings.planId, planIds) : undefined,
    recordClass === 'wellbeing' ? isNull(meetings.planId) : undefined,
  ].filter((w): w is SQL => w !== undefined);
  if (meetingWhere.length > 0) {
    const meetingIds = (
      await tx
        .select({ id: meetings.id })
        .from(meetings)
        .where(and(eq(meetings.schoolId, schoolId), eq(meetings.pupilId, pupilId), or(...meetingWhere)))
    ).map((r) => r.id);
    if (meetingIds.length > 0) {
      note(
        'next-step',
        (
          await tx
            .delete(meetingActions)
            .where(inArray(meetingActions.meetingId, meetingIds))
            .returning({ id: meetingActions.id })
        ).length,
      );
      note(
        'meeting',
        (await tx.delete(meetings).where(inArray(meetings.id, meetingIds)).returning({ id: meetings.id })).length,
      );
    }
  }

  if (planIds.length > 0) {
    note(
      'plan-read',
      (await tx.delete(planReads).where(inArray(planReads.planId, planIds)).returning({ p: planReads.planId })).length,
    );
    note(
      'plan-share',
      (await tx.delete(planShares).where(inArray(planShares.planId, planIds)).returning({ p: planShares.planId }))
        .length,
    );
    note(
      'plan-review',
      (await tx.delete(planReviews).where(inArray(planReviews.planId, planIds)).returning({ id: planReviews.id }))
        .length,
    );
    note(
      'plan-agreement',
      (
        await tx
          .delete(planAgreements)
          .where(inArray(planAgreements.planId, planIds))
          .returning({ id: planAgreements.id })
      ).length,
    );
    note(
      'plan-version',
      (await tx.delete(planVersions).where(inArray(planVersions.planId, planIds)).returning({ p: planVersions.planId }))
        .length,
    );
    note('plan', (await tx.delete(plans).where(inArray(plans.id, planIds)).returning({ id: plans.id })).length);
  }
  return out;
}
