/**
 * Carrying the action plan forward: when a new self-assessment starts, every unfinished action of
 * the school moves into its action plan (it keeps the assessment it was first written for).
 */
import { and, eq, inArray, ne } from 'drizzle-orm';
import { improvementActions } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';

/** Moves the school's unfinished actions into this assessment's plan; answers how many moved. */
export async function carryForwardActions(
  tx: DbOrTx,
  o: { schoolId: string; toAssessmentId: string; at: Date },
): Promise<number> {
  const moved = await tx
    .update(improvementActions)
    .set({ assessmentId: o.toAssessmentId, updatedAt: o.at })
    .where(
      and(
        eq(improvementActions.schoolId, o.schoolId),
        inArray(improvementActions.status, ['not_started', 'in_progress']),
        ne(improvementActions.assessmentId, o.toAssessmentId),
      ),
    )
    .returning({ id: improvementActions.id });
  return moved.length;
}
