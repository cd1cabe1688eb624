import { AppError, answerProblem } from '@tandem/core';
import { questionnaires } from '@tandem/core/schema';
import { eq, sql } from 'drizzle-orm';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest, type SchoolWork } from '../../platform/gate';
import { findMeasure } from '../measures';
import { requireQuestionnaireAccess } from '../questionnaires.access';
import { loadQuestionnaire, type QuestionnaireRow } from '../questionnaires.queries';

/**
 * Who may answer a questionnaire, checked once it is loaded (404 otherwise): staff who may open it
 * (questionnaires.access.ts), or in the family portal the parent or pupil it is asked of.
 */
export type QuestionnaireGuard = (s: SchoolWork, q: QuestionnaireRow) => Promise<unknown>;

/** The staff path's guard: case roles who may open the pupil's case, and the intervention's staff. */
export const staffGuard: QuestionnaireGuard = (s, q) => requireQuestionnaireAccess(s.tx, s.actor, s.schoolId, q);

/** The questionnaire open for answers, with its measure; a finished one is refused. */
async function openForAnswers(s: SchoolWork, id: string, guard: QuestionnaireGuard) {
  const q = await loadQuestionnaire(s.tx, s.schoolId, id);
  await guard(s, q);
  if (q.status === 'complete') {
    throw new AppError('conflict', 'questionnaire complete', {
      userMessage: 'This questionnaire is finished, so its answers can no longer be changed.',
    });
  }
  const measure = await findMeasure(s.tx, s.schoolId, q.measureKey, q.measureVersion);
  if (!measure) throw new AppError('internal', 'measure missing');
  return { q, measure };
}

/**
 * Keep one answer as it is given, so a closed tab loses nothing. Merged in the database, so two
 * answers sent at once both stay.
 */
export async function answerItem(deps: AppDeps, at: SchoolRequest, id: string, itemId: string, value: number) {
  return inSchool(deps, at, 'pupil.readList', (s) => answerItemIn(s, id, itemId, value, staffGuard));
}

/** Keep one answer, in gated work, for whoever the guard lets answer (staff, or the family portal). */
export async function answerItemIn(
  s: SchoolWork,
  id: string,
  itemId: string,
  value: number,
  guard: QuestionnaireGuard,
) {
  const { q, measure } = await openForAnswers(s, id, guard);
  const problem = answerProblem(measure, itemId, value);
  if (problem)
    throw new AppError('validation', 'bad answer', {
      userMessage: problem,
      fields: [{ path: 'value', message: problem }],
    });
  await s.tx
    .update(questionnaires)
    .set({
      answers: sql`${questionnaires.answers} || jsonb_build_object(${itemId}::text, ${value}::int)`,
      status: 'in_progress',
      startedAt: q.startedAt ?? s.now,
      updatedAt: s.now,
    })
    .where(eq(questionnaires.id, id));
  await s.audit(
    { action: 'questionnaire.answered', detail: { pupilId: q.pupilId, item: itemId } },
    { type: 'questionnaire', id },
  );
  return { ok: true as const };
}

/** Goal Based Outcomes: a goal in the pupil's words (empty text removes it). */
export async function setGoal(deps: AppDeps, at: SchoolRequest, id: string, itemId: string, text: string) {
  return inSchool(deps, at, 'pupil.readList', (s) => setGoalIn(s, id, itemId, text, staffGuard));
}

/** Set a goal, in gated work, for whoever the guard lets answer. */
export async function setGoalIn(s: SchoolWork, id: string, itemId: string, text: string, guard: QuestionnaireGuard) {
  const { q, measure } = await openForAnswers(s, id, guard);
  if (!measure.goals || !measure.items.some((i) => i.id === itemId)) {
    throw new AppError('validation', 'not a goal', {
      fields: [{ path: 'text', message: 'This questionnaire has no goal with that name' }],
    });
  }
  const goals = Object.fromEntries(Object.entries({ ...q.goals, [itemId]: text }).filter(([, words]) => words !== ''));
  await s.tx
    .update(questionnaires)
    .set({ goals, status: 'in_progress', startedAt: q.startedAt ?? s.now, updatedAt: s.now })
    .where(eq(questionnaires.id, id));
  await s.audit(
    { action: 'questionnaire.answered', detail: { pupilId: q.pupilId, item: itemId } },
    { type: 'questionnaire', id },
  );
  return { ok: true as const };
}
