/** The steps of answering a questionnaire, worked out from its measure and the answers so far. */
import type { Questionnaire } from '@tandem/core';

type Measure = Questionnaire['measure'];
export type MeasureItem = Measure['items'][number];

export type Step =
  | { kind: 'intro' }
  | { kind: 'goals' }
  | { kind: 'question'; item: MeasureItem; number: number; of: number }
  | { kind: 'check' };

/** The items that ask for a goal in the pupil's words (Goal Based Outcomes), in order. */
export function goalItems(measure: Measure): MeasureItem[] {
  return measure.goals === undefined ? [] : measure.items.slice(0, measure.goals.max);
}

const isSet = (text: string | undefined): boolean => text !== undefined && text.trim() !== '';

/** The questions to ask: every item, or for goals only those the pupil has set. */
export function askedItems(measure: Measure, goals: Readonly<Record<string, string>>): MeasureItem[] {
  if (measure.goals === undefined) return [...measure.items];
  return goalItems(measure).filter((item) => isSet(goals[item.id]));
}

export function stepsOf(measure: Measure, goals: Readonly<Record<string, string>>): Step[] {
  const items = askedItems(measure, goals);
  return [
    { kind: 'intro' },
    ...(measure.goals === undefined ? [] : [{ kind: 'goals' } as const]),
    ...items.map((item, i) => ({ kind: 'question' as const, item, number: i + 1, of: items.length })),
    { kind: 'check' },
  ];
}

/**
 * Where to start: the instructions when nothing has been given yet; else the first question not
 * yet answered (the goals first, if none is set), or "Check your answers" when all are.
 */
export function resumeAt(
  steps: readonly Step[],
  answers: Readonly<Record<string, number>>,
  goals: Readonly<Record<string, string>>,
): number {
  const started = Object.keys(answers).length > 0 || Object.values(goals).some(isSet);
  if (!started) return 0;
  const goalsStep = steps.findIndex((s) => s.kind === 'goals');
  if (goalsStep !== -1 && !Object.values(goals).some(isSet)) return goalsStep;
  const firstOpen = steps.findIndex((s) => s.kind === 'question' && answers[s.item.id] === undefined);
  return firstOpen === -1 ? steps.length - 1 : firstOpen;
}

/** The answers an item offers: its own, or the measure's scale. */
export function optionsOf(measure: Measure, item: MeasureItem): readonly { value: number; label: string }[] {
  return item.options ?? measure.scale;
}

/** The question as read out: its words, or where to read it when the licence keeps them out. */
export function questionText(item: MeasureItem, number: number): string {
  return item.text ?? `Question ${String(number)} (read it from your licensed copy)`;
}

/** The words of the answer chosen, for "Check your answers". */
export function answerLabel(measure: Measure, item: MeasureItem, value: number | undefined): string | null {
  if (value === undefined) return null;
  return optionsOf(measure, item).find((o) => o.value === value)?.label ?? String(value);
}
