/**
 * The lead's outcomes, per intervention and for the school: pupils served this year, waiting now,
 * median and longest wait, attendance rate, and the share of before-and-after pairs with a reliable
 * improvement. Waits are whole days from asking to being given a place; the longest also counts
 * pupils still waiting. A pair counts when its measure publishes a reliable-change threshold.
 */
import { compareScores, median, type MeasureDefinition, type ScoreResult } from '@tandem/core';

export interface OutcomeInputs {
  interventions: { id: string; name: string }[];
  places: { interventionId: string; pupilId: string; status: string; requestedAt: Date; allocatedAt: Date | null }[];
  attendance: { interventionId: string; attended: number; missed: number }[];
  pairs: {
    interventionId: string;
    placeId: string;
    measure: MeasureDefinition;
    before: ScoreResult[];
    after: ScoreResult[];
  }[];
  now: Date;
}

const DAY = 86_400_000;

/** Whether a pair shows a reliable improvement on the measure's first score with a threshold. */
export function pairImproved(
  measure: MeasureDefinition,
  before: readonly ScoreResult[],
  after: readonly ScoreResult[],
): boolean | null {
  const def = measure.scores.find((d) => d.reliableChange !== null);
  if (!def) return null;
  const b = before.find((x) => x.id === def.id)?.value;
  const a = after.find((x) => x.id === def.id)?.value;
  if (b === null || b === undefined || a === null || a === undefined) return null;
  return compareScores(def, b, a).outcome === 'reliable_improvement';
}

function row(id: string | null, name: string, input: OutcomeInputs, only: (interventionId: string) => boolean) {
  const places = input.places.filter((p) => only(p.interventionId));
  const served = new Set(places.filter((p) => p.allocatedAt !== null).map((p) => `${p.interventionId}:${p.pupilId}`));
  const waits = places
    .filter((p) => p.allocatedAt !== null)
    .map((p) => Math.floor((p.allocatedAt!.getTime() - p.requestedAt.getTime()) / DAY));
  const stillWaiting = places
    .filter((p) => p.status === 'waiting')
    .map((p) => Math.floor((input.now.getTime() - p.requestedAt.getTime()) / DAY));
  const all = [...waits, ...stillWaiting];
  const att = input.attendance.filter((a) => only(a.interventionId));
  const attended = att.reduce((n, a) => n + a.attended, 0);
  const missed = att.reduce((n, a) => n + a.missed, 0);
  const judged = input.pairs
    .filter((p) => only(p.interventionId))
    .map((p) => pairImproved(p.measure, p.before, p.after))
    .filter((x): x is boolean => x !== null);
  const improved = judged.filter(Boolean).length;
  return {
    interventionId: id,
    name,
    servedThisYear: served.size,
    waitingNow: stillWaiting.length,
    medianWaitDays: median(waits),
    longestWaitDays: all.length > 0 ? Math.max(...all) : null,
    attendanceRate: attended + missed > 0 ? attended / (attended + missed) : null,
    pairs: judged.length,
    reliableImprovement: improved,
    improvementShare: judged.length > 0 ? improved / judged.length : null,
  };
}

export function outcomeRows(input: OutcomeInputs) {
  return {
    rows: input.interventions.map((i) => row(i.id, i.name, input, (id) => id === i.id)),
    school: row(null, 'Whole school', input, () => true),
  };
}

/** 1 September of the school year that `now` falls in (London dates are close enough at midnight UTC). */
export function schoolYearStart(now: Date): Date {
  const y = now.getUTCMonth() >= 8 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  return new Date(Date.UTC(y, 8, 1));
}
