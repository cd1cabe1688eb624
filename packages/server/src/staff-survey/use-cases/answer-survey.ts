/**
 * A member of staff answers a survey they were asked to, once. The response is stored with no user
 * id, the day only, and a random id; the invitation is marked answered in the same transaction.
 * The audit entry names the survey and carries no detail: never the response's id, group or content.
 * Nothing of the response is returned.
 */
import { and, eq } from 'drizzle-orm';
import { AppError, londonToday, type AnswerInput } from '@tandem/core';
import { staffSurveyParticipants, staffSurveyResponses } from '@tandem/core/schema';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { loadSurvey } from '../staff-survey.queries';

export async function answerSurvey(deps: AppDeps, at: SchoolRequest, surveyId: string, input: AnswerInput) {
  return inSchool(deps, at, 'staff.wholeSchool', async (s) => {
    const survey = await loadSurvey(s.tx, s.schoolId, surveyId);
    const invitation = and(
      eq(staffSurveyParticipants.schoolId, s.schoolId),
      eq(staffSurveyParticipants.surveyId, survey.id),
      eq(staffSurveyParticipants.userId, s.actor.userId),
    );
    const [me] = await s.tx.select().from(staffSurveyParticipants).where(invitation);
    // Someone not asked learns nothing about the survey.
    if (!me) throw new AppError('not_found', 'not invited');
    if (survey.status !== 'open') {
      throw new AppError('conflict', 'survey not open', { userMessage: 'This survey is not open for answers.' });
    }
    const keys = survey.statements.map((st) => st.key);
    const missing = keys.filter((k) => input.answers[k] === undefined);
    const unknown = Object.keys(input.answers).filter((k) => !keys.includes(k));
    if (missing.length > 0 || unknown.length > 0) {
      throw new AppError('bad_request', 'answers do not match the statements', {
        userMessage: missing.length > 0 ? 'Choose an answer for every statement.' : 'Answer the statements shown.',
        fields: (missing.length > 0 ? missing : unknown).map((k) => ({
          path: `answers.${k}`,
          message: 'Choose an answer',
        })),
      });
    }
    // Claimed in one statement, so a second try (or two at once) cannot answer twice.
    const claimed = await s.tx
      .update(staffSurveyParticipants)
      .set({ responded: true })
      .where(and(invitation, eq(staffSurveyParticipants.responded, false)))
      .returning({ group: staffSurveyParticipants.group });
    const group = claimed[0]?.group;
    if (!group) {
      throw new AppError('conflict', 'already answered', { userMessage: 'You have already answered this survey.' });
    }
    const freeText = input.freeText && input.freeText.length > 0 ? input.freeText : null;
    await s.tx.insert(staffSurveyResponses).values({
      schoolId: s.schoolId,
      surveyId: survey.id,
      group,
      answeredOn: londonToday(s.now),
      answers: Object.fromEntries(keys.map((k) => [k, input.answers[k] ?? 0])),
      freeText,
    });
    await s.audit({ action: 'survey.answered', detail: {} }, { type: 'staff_survey', id: survey.id });
    return { answered: true as const };
  });
}
