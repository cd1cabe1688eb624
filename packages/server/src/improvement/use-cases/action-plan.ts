import { AppError, canInSchool, type ActionPlan } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { readInSchool, type SchoolRequest } from '../../platform/gate';
import { assessmentOf, groupByArea, proposals } from '../actions.mapping';
import { actionsOfPlan, assessmentsOfSchool, ratingsOf } from '../actions.queries';
import { actionViews } from './action-view';

/**
 * The action plan of the latest self-assessment (or of an earlier one asked for): its actions by
 * area, and the statements rated below "established" that no action answers yet.
 */
export async function getActionPlan(
  deps: AppDeps,
  at: SchoolRequest,
  query: { assessmentId?: string | undefined },
): Promise<ActionPlan> {
  return readInSchool(
    deps,
    at,
    ['improvement.contribute', 'improvement.lead'],
    async ({ db, schoolId, now, actor }) => {
      const all = await assessmentsOfSchool(db, schoolId);
      const canLead = canInSchool(actor, 'improvement.lead', schoolId);
      const assessment = query.assessmentId === undefined ? all[0] : all.find((a) => a.id === query.assessmentId);
      if (query.assessmentId !== undefined && assessment === undefined) {
        throw new AppError('not_found', 'assessment not found');
      }
      if (assessment === undefined) return { assessment: null, assessments: [], proposed: [], areas: [], canLead };
      const rows = await actionsOfPlan(db, schoolId, assessment.id);
      const actions = await actionViews(db, schoolId, rows, now);
      const answered = new Set(rows.map((r) => r.statementKey).filter((k): k is string => k !== null));
      return {
        assessment: assessmentOf(assessment),
        assessments: all.map(assessmentOf),
        proposed: proposals(assessment, await ratingsOf(db, schoolId, assessment.id), answered),
        areas: groupByArea(actions),
        canLead,
      };
    },
  );
}
