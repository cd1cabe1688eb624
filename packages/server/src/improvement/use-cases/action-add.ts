import { AppError, londonToday, type ActionInput } from '@tandem/core';
import { improvementActions } from '@tandem/core/schema';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { latestAssessment } from '../actions.queries';
import { requireDueNotPast, requireStaffOwner, requireStatementOfArea } from '../actions.rules';

/** The lead adds an action to the plan of the latest self-assessment. */
export async function addAction(deps: AppDeps, at: SchoolRequest, input: ActionInput) {
  return inSchool(deps, at, 'improvement.lead', async (s) => {
    const assessment = await latestAssessment(s.tx, s.schoolId);
    if (!assessment) {
      throw new AppError('conflict', 'no assessment', {
        userMessage: 'Start a self-assessment first: the action plan follows from it.',
      });
    }
    requireStatementOfArea(input.statementKey, input.areaKey);
    requireDueNotPast(input.dueOn, londonToday(s.now));
    await requireStaffOwner(s.tx, s.schoolId, input.ownerUserId);
    const [row] = await s.tx
      .insert(improvementActions)
      .values({
        schoolId: s.schoolId,
        assessmentId: assessment.id,
        firstAssessmentId: assessment.id,
        areaKey: input.areaKey,
        statementKey: input.statementKey,
        title: input.title,
        successCriteria: input.successCriteria,
        ownerUserId: input.ownerUserId,
        dueOn: input.dueOn,
        createdBy: s.actor.userId,
        createdAt: s.now,
        updatedAt: s.now,
      })
      .returning({ id: improvementActions.id, version: improvementActions.version });
    if (!row) throw new AppError('internal', 'action not inserted');
    await s.audit(
      { action: 'action.added', detail: { ownerUserId: input.ownerUserId, dueOn: input.dueOn } },
      { type: 'improvement_action', id: row.id },
    );
    return row;
  });
}
