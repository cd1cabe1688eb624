import {
  AppError,
  itemOptions,
  scoreAnswers,
  type CompleteQuestionnaireResponse,
  type MeasureDefinition,
} from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { inSchool, readInSchool, type SchoolRequest, type SchoolWork } from '../../platform/gate';
import { findMeasure } from '../measures';
import { staffGuard, type QuestionnaireGuard } from './answer-questionnaire';
import { loadQuestionnaire, updateQuestionnaire } from '../questionnaires.queries';

/** What the person with the pupil is told when a risk answer opened the urgent route. */
export const URGENT_MESSAGE =
  'One of the answers means the pupil may be at risk of harming themselves. It has been sent to the DSL team as an urgent concern. Stay with the pupil and find the DSL now.';

/**
 * Where a questionnaire was answered, for the urgent concern a risk answer opens: the concern's
 * location, and the opening of its account ("While answering the PHQ-A questionnaire with Grace Lee,
 * the pupil gave an answer that must not wait:").
 */
export interface AnsweringContext {
  location: (measure: MeasureDefinition) => string;
  opening: (measure: MeasureDefinition) => string;
}

/** The staff path: a member of staff with the pupil (or the pupil on a device they handed over). */
const withStaff = (by: string): AnsweringContext => ({
  location: (m) => `Answering a questionnaire (${m.shortName}) with a member of staff`,
  opening: (m) =>
    `While answering the ${m.name} questionnaire with ${by}, the pupil gave an answer that must not wait:`,
});

/** The account of the urgent concern: what was answered, in plain words (the restricted record holds it). */
function riskAccount(
  measure: MeasureDefinition,
  answers: Record<string, number>,
  items: string[],
  context: AnsweringContext,
): string {
  const lines = items.map((id) => {
    const n = measure.items.findIndex((i) => i.id === id);
    const item = measure.items[n]!;
    const chosen = itemOptions(measure, item).find((o) => o.value === answers[id])?.label ?? String(answers[id]);
    return `Question ${n + 1}${item.text ? ` ("${item.text}")` : ''}: "${chosen}".`;
  });
  return [
    context.opening(measure),
    ...lines,
    'Sent to the DSL team automatically by Tandem when the questionnaire was finished.',
  ].join('\n');
}

/**
 * Finish a questionnaire: score it with its measure's own rules and keep the scores. A risk item
 * answered at or above its threshold at once opens the urgent route (a concern in the restricted
 * record, alerts as for any urgent concern): a score is never only filed. Sent twice, the second
 * send answers the first result.
 */
export async function completeQuestionnaire(
  deps: AppDeps,
  at: SchoolRequest,
  id: string,
): Promise<CompleteQuestionnaireResponse> {
  const done = await inSchool(deps, at, 'pupil.readList', (s) =>
    completeIn(s, id, staffGuard, withStaff(s.actor.displayName)),
  );
  const { q } = done;
  const onDuty = q.riskRaised
    ? await readInSchool(deps, at, 'pupil.readList', ({ db, schoolId, now }) =>
        deps.registries.urgentRoute.onDuty(db, schoolId, now),
      )
    : [];
  return {
    status: q.status,
    scores: q.scores ?? [],
    riskRaised: q.riskRaised,
    urgentMessage: q.riskRaised ? URGENT_MESSAGE : null,
    onDuty,
  };
}

/**
 * Finish and score in gated work, for whoever the guard lets answer (staff, or the family portal):
 * the one path by which a questionnaire is scored and a risk answer opens the urgent route.
 */
export async function completeIn(s: SchoolWork, id: string, guard: QuestionnaireGuard, context: AnsweringContext) {
  const { deps } = s;
  const q = await loadQuestionnaire(s.tx, s.schoolId, id, true);
  await guard(s, q);
  const measure = await findMeasure(s.tx, s.schoolId, q.measureKey, q.measureVersion);
  if (!measure) throw new AppError('internal', 'measure missing');
  if (q.status === 'complete') return { q, measure };
  if (measure.goals) {
    const unset = measure.items.filter((i) => q.answers[i.id] !== undefined && !q.goals[i.id]);
    if (unset.length > 0 || Object.keys(q.goals).length === 0) {
      throw new AppError('validation', 'goal missing', {
        userMessage: 'Write at least one goal in the pupil’s words, and a goal for each rating given.',
      });
    }
  }
  const scored = scoreAnswers(measure, q.answers);
  if (!scored.scorable) {
    throw new AppError('validation', 'too many missing', {
      userMessage: 'Too many questions are unanswered for this questionnaire to be scored. Please answer the rest.',
    });
  }
  let concernId: string | null = null;
  if (scored.riskItems.length > 0) {
    ({ concernId } = await deps.registries.urgentRoute.open(s, {
      pupilId: q.pupilId,
      account: riskAccount(measure, q.answers, scored.riskItems, context),
      location: context.location(measure),
      submissionKey: q.id,
    }));
    await s.audit(
      { action: 'questionnaire.risk_raised', detail: { pupilId: q.pupilId, concernId, items: scored.riskItems } },
      { type: 'questionnaire', id },
    );
  }
  const row = await updateQuestionnaire(s.tx, id, {
    status: 'complete',
    scores: scored.scores,
    riskRaised: scored.riskItems.length > 0,
    concernId,
    completedAt: s.now,
    completedBy: s.actor.userId,
    startedAt: q.startedAt ?? s.now,
    updatedAt: s.now,
  });
  await s.audit(
    {
      action: 'questionnaire.completed',
      detail: { pupilId: q.pupilId, measureKey: q.measureKey, riskRaised: scored.riskItems.length > 0 },
    },
    { type: 'questionnaire', id },
  );
  return { q: row, measure };
}
