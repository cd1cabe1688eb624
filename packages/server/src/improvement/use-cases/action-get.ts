import { AppError, type ActionDetail } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { readInSchool, type SchoolRequest } from '../../platform/gate';
import { assessmentOf } from '../actions.mapping';
import { loadAction, loadAssessment } from '../actions.queries';
import { isLead, readsPlan } from '../actions.rules';
import { actionViews } from './action-view';

/**
 * One action with its progress notes: for those who read the plan, and for its owner even
 * without that permission; anyone else 404, as if it did not exist.
 */
export async function getAction(deps: AppDeps, at: SchoolRequest, actionId: string): Promise<ActionDetail> {
  return readInSchool(deps, at, 'staff.wholeSchool', async ({ db, schoolId, actor, now }) => {
    const row = await loadAction(db, schoolId, actionId);
    const owner = row.ownerUserId === actor.userId;
    if (!owner && !readsPlan(actor, schoolId)) throw new AppError('not_found', 'action not visible');
    const [action] = await actionViews(db, schoolId, [row], now);
    if (!action) throw new AppError('not_found', 'action not found');
    const lead = isLead(actor, schoolId);
    return {
      action,
      assessment: assessmentOf(await loadAssessment(db, schoolId, row.assessmentId)),
      canNote: owner || lead,
      canEdit: lead,
    };
  });
}
