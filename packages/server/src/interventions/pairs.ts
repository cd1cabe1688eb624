/**
 * The change between a baseline and a follow-up on the same measure: each score's before and after,
 * with reliable change (where the measure publishes a threshold) and recovery. Used by the pupil's
 * record and the intervention's page, so both say the same.
 */
import { compareScores, type MeasureDefinition, type ScoreChange, type ScoreResult } from '@tandem/core';

export function pairChanges(
  measure: MeasureDefinition,
  before: readonly ScoreResult[],
  after: readonly ScoreResult[],
): ScoreChange[] {
  return measure.scores.flatMap((def) => {
    const b = before.find((x) => x.id === def.id)?.value;
    const a = after.find((x) => x.id === def.id)?.value;
    return b === null || b === undefined || a === null || a === undefined ? [] : [compareScores(def, b, a)];
  });
}
