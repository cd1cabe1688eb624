/** Questionnaire rows to API answers, in one place. */
import type { MeasureDefinition, Questionnaire } from '@tandem/core';
import type { QuestionnaireRow } from './questionnaires.queries';

export function questionnaireOf(
  q: QuestionnaireRow,
  o: {
    measure: MeasureDefinition;
    pupilFirstName: string;
    pupilName: string;
    urgentMessage: string | null;
    onDuty: { name: string }[];
    interventionName: string | null;
    interventionId: string | null;
    handedToPupil: boolean;
    /** Hide answers to risk items (a raised risk answer is in the restricted record). */
    hideRiskAnswers: boolean;
  },
): Questionnaire {
  const risk = new Set(o.measure.items.filter((i) => i.riskAt !== undefined).map((i) => i.id));
  const answers = Object.fromEntries(
    Object.entries(q.answers).filter(([item]) => !(o.hideRiskAnswers && q.riskRaised && risk.has(item))),
  );
  return {
    id: q.id,
    pupilId: q.pupilId,
    pupilFirstName: o.pupilFirstName,
    pupilName: o.pupilName,
    measure: { ...o.measure, items: [...o.measure.items], scores: [...o.measure.scores] } as Questionnaire['measure'],
    timepoint: q.timepoint,
    respondent: q.respondent,
    status: q.status,
    answers,
    goals: q.goals,
    scores: q.scores,
    riskRaised: q.riskRaised,
    interventionName: o.interventionName,
    interventionId: o.interventionId,
    completedAt: q.completedAt?.toISOString() ?? null,
    handedToPupil: o.handedToPupil,
    urgentMessage: o.urgentMessage,
    onDuty: o.onDuty,
  };
}
