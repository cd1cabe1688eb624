import { AppError, type StartQuestionnaireBody } from '@tandem/core';
import { and, eq } from 'drizzle-orm';
import { interventionPlaces, interventionStaff } from '@tandem/core/schema';
import { mayOpenCase } from '../../platform/case-access';
import type { AppDeps } from '../../platform/deps';
import { loadPupilInSchool } from '../../platform/directory';
import { tellFamily } from '../../platform/family-news';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { requireMeasure } from '../measures';
import { insertQuestionnaire } from '../questionnaires.queries';

/**
 * Start a questionnaire for a pupil now: a case role who may open the pupil's case, or the staff of
 * an intervention the pupil is in (it then belongs to that place, as a check).
 */
export async function startQuestionnaire(
  deps: AppDeps,
  at: SchoolRequest,
  pupilId: string,
  body: StartQuestionnaireBody,
) {
  return inSchool(deps, at, 'pupil.readList', async (s) => {
    const { tx, schoolId, actor, now } = s;
    await loadPupilInSchool(tx, schoolId, pupilId);
    const [place] = await tx
      .select({ id: interventionPlaces.id })
      .from(interventionPlaces)
      .innerJoin(
        interventionStaff,
        and(
          eq(interventionStaff.interventionId, interventionPlaces.interventionId),
          eq(interventionStaff.userId, actor.userId),
        ),
      )
      .where(
        and(
          eq(interventionPlaces.schoolId, schoolId),
          eq(interventionPlaces.pupilId, pupilId),
          eq(interventionPlaces.status, 'in'),
        ),
      )
      .limit(1);
    if (!place && !(await mayOpenCase(tx, actor, schoolId, pupilId))) throw new AppError('not_found', 'pupil not open');
    const measure = await requireMeasure(tx, schoolId, body.measureKey);
    if (!measure.respondents.includes(body.respondent)) {
      throw new AppError('validation', 'respondent', {
        fields: [{ path: 'respondent', message: `${measure.shortName} is not answered by this person` }],
      });
    }
    const row = await insertQuestionnaire(tx, {
      schoolId,
      pupilId,
      measureKey: measure.key,
      measureVersion: measure.version,
      placeId: place?.id ?? null,
      timepoint: 'check',
      respondent: body.respondent,
      status: 'due',
      dueOn: null,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await s.audit(
      { action: 'questionnaire.started', detail: { pupilId, measureKey: measure.key, timepoint: 'check' } },
      { type: 'questionnaire', id: row!.id },
    );
    // A questionnaire for the child's parents to answer is something new for them in the portal.
    if (body.respondent === 'parent') await tellFamily(tx, { schoolId, pupilId, now });
    return { id: row!.id };
  });
}
