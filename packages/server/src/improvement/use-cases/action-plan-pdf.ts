import { AppError, areasOf, RATINGS, statementsOf, type Rating } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { schoolNameOf } from '../../platform/directory';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { actionPlanPdf } from '../action-plan.pdf';
import { assessmentOf, groupByArea } from '../actions.mapping';
import { actionsOfPlan, latestAssessment, loadAssessment, ratingsOf } from '../actions.queries';
import { actionViews } from './action-view';

/** The action plan as a PDF for governors (the lead; every print audited). */
export async function printActionPlan(deps: AppDeps, at: SchoolRequest, query: { assessmentId?: string | undefined }) {
  return inSchool(deps, at, 'improvement.lead', async (s) => {
    const assessment =
      query.assessmentId === undefined
        ? await latestAssessment(s.tx, s.schoolId)
        : await loadAssessment(s.tx, s.schoolId, query.assessmentId);
    if (!assessment) {
      throw new AppError('not_found', 'no assessment', {
        userMessage: 'There is no action plan to print yet: start a self-assessment first.',
      });
    }
    const ratings = new Map((await ratingsOf(s.tx, s.schoolId, assessment.id)).map((r) => [r.statementKey, r.rating]));
    const ratingSummary = areasOf(assessment.framework).map((area) => {
      const counts = Object.fromEntries(RATINGS.map((r) => [r, 0])) as Record<Rating, number>;
      let unrated = 0;
      for (const st of statementsOf(assessment.framework).filter((x) => x.areaKey === area.key)) {
        const r = ratings.get(st.key) ?? null;
        if (r === null) unrated += 1;
        else counts[r] += 1;
      }
      return { areaTitle: area.title, counts, unrated };
    });
    const actions = await actionViews(s.tx, s.schoolId, await actionsOfPlan(s.tx, s.schoolId, assessment.id), s.now);
    const pdf = await actionPlanPdf({
      schoolName: await schoolNameOf(s.tx, s.schoolId),
      assessment: assessmentOf(assessment),
      ratingSummary,
      areas: groupByArea(actions),
      date: s.now,
    });
    await s.audit({ action: 'action.plan_printed', detail: {} }, { type: 'assessment', id: assessment.id });
    return { pdf, fileName: `action-plan-${assessment.startedOn}.pdf` };
  });
}
