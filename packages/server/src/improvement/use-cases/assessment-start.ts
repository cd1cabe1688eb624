import { AppError, londonToday, type StartAssessmentBody } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { carryForwardActions } from '../actions.carry';
import { draftOf, insertAssessment, latestConfirmed } from '../assessments.queries';
import { isUniqueViolation } from '../assessments.rules';

const ONE_DRAFT = () =>
  new AppError('conflict', 'a draft of this framework is open', {
    userMessage:
      'There is already a self-assessment in draft for this framework. Finish and confirm it before starting another.',
  });

/**
 * The lead starts a self-assessment of one framework for a year or a term. It follows the latest
 * confirmed one (whose ratings show beside), and the school's unfinished actions move into its plan.
 */
export async function startAssessment(deps: AppDeps, at: SchoolRequest, body: StartAssessmentBody) {
  return inSchool(deps, at, 'improvement.lead', async (s) => {
    const { tx, schoolId, actor, now } = s;
    if (await draftOf(tx, schoolId, body.framework)) throw ONE_DRAFT();
    const previous = await latestConfirmed(tx, schoolId, body.framework);
    const row = await insertAssessment(tx, {
      schoolId,
      framework: body.framework,
      periodLabel: body.periodLabel,
      startedOn: londonToday(now),
      startedBy: actor.userId,
      status: 'draft',
      previousId: previous?.id ?? null,
      createdAt: now,
    }).catch((err: unknown) => {
      throw isUniqueViolation(err) ? ONE_DRAFT() : err;
    });
    const carriedForward = await carryForwardActions(tx, { schoolId, toAssessmentId: row.id, at: now });
    await s.audit(
      { action: 'assessment.started', detail: { framework: body.framework, carriedForward } },
      { type: 'assessment', id: row.id },
    );
    return { id: row.id };
  });
}
