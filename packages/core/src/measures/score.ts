/**
 * The ONE scorer for every outcome measure, built-in or a school's own: it reads only the measure's
 * data (measure.types.ts) and never knows which measure it is scoring.
 */
import type {
  Answers,
  Band,
  ChangeOutcome,
  MeasureDefinition,
  MeasureItem,
  ResponseOption,
  ScoreChange,
  ScoreDefinition,
  ScoredAnswers,
  ScoreResult,
} from './measure.types';

/** The options an item may be answered with: its own, else the measure's scale. */
export function itemOptions(def: MeasureDefinition, item: MeasureItem): readonly ResponseOption[] {
  return item.options ?? def.scale;
}

/**
 * Why an answer cannot be accepted, in words for the person answering, or null when it is fine:
 * the item must exist in this version of the measure and the value must be one of its options.
 */
export function answerProblem(def: MeasureDefinition, itemId: string, value: number): string | null {
  const item = def.items.find((i) => i.id === itemId);
  if (!item) return `This questionnaire has no question “${itemId}”.`;
  const options = itemOptions(def, item);
  if (!options.some((o) => o.value === value)) {
    return 'Choose one of the answers shown.';
  }
  return null;
}

/** The value an answer scores: reversed as (lowest + highest option value) - value. */
function scoredValue(def: MeasureDefinition, item: MeasureItem, value: number): number {
  if (!item.reverse) return value;
  const values = itemOptions(def, item).map((o) => o.value);
  return Math.min(...values) + Math.max(...values) - value;
}

/** The band a value falls in (bands are inclusive at both ends), or null. */
export function bandFor(score: ScoreDefinition, value: number): Band | null {
  return score.bands.find((b) => value >= b.from && value <= b.to) ?? null;
}

/** An answer counts when it is a finite number that is one of the item's options. */
function answerOf(def: MeasureDefinition, item: MeasureItem, answers: Answers): number | null {
  const value = answers[item.id];
  if (value === undefined || !Number.isFinite(value)) return null;
  return answerProblem(def, item.id, value) === null ? value : null;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function scoreOne(def: MeasureDefinition, score: ScoreDefinition, answers: Answers): ScoreResult {
  // Unscored items never count (nor do ids the measure lacks), even if a score names one by mistake.
  const items = score.items
    .map((id) => def.items.find((i) => i.id === id))
    .filter((item): item is MeasureItem => item !== undefined && !item.unscored);
  const values: number[] = [];
  for (const item of items) {
    const value = answerOf(def, item, answers);
    if (value !== null) values.push(scoredValue(def, item, value));
  }
  const of = items.length;
  const answered = values.length;
  const missing = of - answered;
  const allowed = score.missing.kind === 'prorate' ? score.missing.maxMissing : 0;
  const empty = { id: score.id, label: score.label, band: null, clinical: null, answered, of, prorated: false };
  if (answered === 0 || missing > allowed) return { ...empty, value: null };

  const sum = values.reduce((a, b) => a + b, 0);
  const mean = sum / answered;
  // 'mean' (Goal Based Outcomes' overall): the mean of the answered items, to 1 decimal place.
  // 'sum' with every item answered: the plain total.
  // 'sum' with some missing under a 'prorate' rule: the mean of the answered items x the number of
  // items, rounded to the nearest whole number (halves round up). This is the rule in the public
  // Me and My Feelings scoring code we follow (there unrounded) and the usual prorating rule in the
  // literature; each measure's file says where its own missing rule comes from.
  const value = score.combine === 'mean' ? round1(mean) : missing === 0 ? sum : Math.round(mean * of);
  const band = bandFor(score, value);
  return {
    ...empty,
    value,
    band: band?.label ?? null,
    clinical: band ? band.clinical : null,
    prorated: missing > 0,
  };
}

/**
 * Scores a set of answers. Answers to items that do not exist, or with a value that is not one of
 * the item's options, are ignored (answerProblem refuses them before they are stored).
 *
 * - `complete`: every item of the measure was answered (unscored items included).
 * - `scorable`: every score has a value under its missing-answer rule. In a goal-based measure
 *   (`def.goals`) a goal that was not set is simply not scored: a single-item goal score with no
 *   answer reports value null and answered 0 but does not make the set unscorable, so the set is
 *   scorable when at least one goal is rated (the overall mean then has a value).
 * - `riskItems`: items with a risk threshold answered at or above it, in the measure's order.
 */
export function scoreAnswers(def: MeasureDefinition, answers: Answers): ScoredAnswers {
  const scores = def.scores.map((s) => scoreOne(def, s, answers));
  const unsetGoal = (r: ScoreResult, s: ScoreDefinition) =>
    def.goals !== undefined && s.items.length === 1 && r.answered === 0;
  const scorable = scores.every((r, i) => r.value !== null || unsetGoal(r, def.scores[i]!));
  const complete = def.items.every((item) => answerOf(def, item, answers) !== null);
  const riskItems = def.items
    .filter((item) => {
      if (item.riskAt === undefined) return false;
      const value = answerOf(def, item, answers);
      return value !== null && value >= item.riskAt;
    })
    .map((item) => item.id);
  return { scores, complete, scorable, riskItems };
}

/** Whether a score is in the clinical range: at or past the threshold in the direction of worse. */
function inClinicalRange(score: ScoreDefinition, value: number): boolean {
  const t = score.clinicalThreshold;
  if (t === null) return false;
  return score.higherIsBetter ? value <= t : value >= t;
}

/**
 * Reliable-change threshold from a published SD and reliability (Jacobson & Truax 1991):
 * 1.96 x SD x sqrt(2) x sqrt(1 - reliability), i.e. 1.96 x the standard error of the difference.
 */
export function reliableChangeThreshold(sd: number, reliability: number): number {
  return 1.96 * sd * Math.SQRT2 * Math.sqrt(1 - reliability);
}

/** Guards against floating-point noise when a difference sits exactly on the threshold (2.45). */
const EPSILON = 1e-9;

/**
 * Compares a pair of scores on one score definition. A change whose size is at least the
 * reliable-change threshold is reliable, and counts as improvement in the measure's good direction
 * (up when higher is better, down otherwise). Recovery: the first score in the clinical range and
 * the second not (false when the measure has no clinical threshold). With no reliable-change
 * threshold the outcome is null and `reason` says why (the definition's noReliableChangeReason).
 */
export function compareScores(def: ScoreDefinition, before: number, after: number): ScoreChange {
  const difference = Math.round((after - before) * 1e6) / 1e6;
  let outcome: ChangeOutcome | null = null;
  let reason: string | null = null;
  if (def.reliableChange === null) {
    reason = def.noReliableChangeReason ?? 'This measure publishes no reliable-change threshold.';
  } else if (Math.abs(difference) + EPSILON < def.reliableChange.threshold) {
    outcome = 'no_reliable_change';
  } else {
    const better = def.higherIsBetter ? difference > 0 : difference < 0;
    outcome = better ? 'reliable_improvement' : 'reliable_deterioration';
  }
  return {
    id: def.id,
    label: def.label,
    before,
    after,
    difference,
    beforeBand: bandFor(def, before)?.label ?? null,
    afterBand: bandFor(def, after)?.label ?? null,
    outcome,
    recovered: inClinicalRange(def, before) && !inClinicalRange(def, after),
    reason,
  };
}
