/**
 * An outcome measure as data: items, response options and their values, reverse-scored items,
 * subscales, bands and clinical thresholds, the minimum answers needed, the reliable-change
 * threshold with where it came from, and the licence. The built-in measures (measures/builtin/)
 * and a school's own questionnaires (built in the app, stored per version) share this one shape,
 * and ONE scorer (measures/score.ts) scores them all. This module imports nothing.
 */

/** Who may answer a questionnaire. */
export const RESPONDENTS = ['pupil', 'parent', 'staff'] as const;
export type Respondent = (typeof RESPONDENTS)[number];
export const RESPONDENT_LABELS: Record<Respondent, string> = {
  pupil: 'The pupil',
  parent: 'A parent or carer',
  staff: 'A member of staff',
};

/** One answer a respondent may choose, with the value it scores before any reversal. */
export interface ResponseOption {
  value: number;
  label: string;
}

export interface MeasureItem {
  /** Stable within the measure's version: "q1", "q2", ... ("goal1".. for goal-based measures). */
  id: string;
  /**
   * The publisher's wording, or null where the licence does not allow the text to be shipped (the
   * staff member then reads the item from their licensed copy; the screen shows "Item 3").
   */
  text: string | null;
  /** Scored as (lowest + highest option value) - value. */
  reverse?: boolean;
  /** Asked but counted in no score (e.g. the Stirling scale's social-desirability items). */
  unscored?: boolean;
  /**
   * A risk item: an answer at or above this value opens the urgent safeguarding route at once
   * (PHQ-9 / PHQ-A item 9: 1, any answer above "not at all").
   */
  riskAt?: number;
  /** Options for this item only (a yes/no question in a scaled measure); else the measure's scale. */
  options?: readonly ResponseOption[];
}

/** A band of a score, inclusive at both ends: 0-4 "Minimal", 5-9 "Mild", ... */
export interface Band {
  from: number;
  to: number;
  label: string;
  /** Whether this band is at or above the clinical threshold (shown as such, used for recovery). */
  clinical: boolean;
}

/** A published reliable-change threshold and where it came from. */
export interface ReliableChange {
  /** The smallest change in score counted as reliable (a change >= this is reliable). */
  threshold: number;
  /** The published standard deviation and reliability the threshold was computed from, when it was. */
  sd: number | null;
  reliability: number | null;
  /** Citation: author, year, and what the figures are (e.g. "test-retest, n=..."). */
  source: string;
}

/** What to do when answers are missing from a score's items. */
export type MissingRule =
  /** Score from the answers given, scaled up to the full number of items (mean of answered x items). */
  | { kind: 'prorate'; maxMissing: number }
  /** Every item must be answered. */
  | { kind: 'all_required' };

/** One score a measure produces: a total, a subscale, or one goal. */
export interface ScoreDefinition {
  id: string;
  label: string;
  /** The items summed (after reversal). */
  items: readonly string[];
  /** How the items combine: summed (most measures) or averaged (Goal Based Outcomes' overall). */
  combine: 'sum' | 'mean';
  min: number;
  max: number;
  /** Whether a higher score is better (wellbeing, goals) or worse (difficulties, symptoms). */
  higherIsBetter: boolean;
  bands: readonly Band[];
  /**
   * The score at or past which a pupil is in the clinical range ("caseness"): at or above it when
   * higher is worse, at or below it when higher is better. Null when the measure publishes none.
   */
  clinicalThreshold: number | null;
  reliableChange: ReliableChange | null;
  /** When there is no reliable-change threshold: why (shown beside the pair of scores). */
  noReliableChangeReason?: string;
  missing: MissingRule;
}

export interface MeasureLicence {
  /** e.g. "Public domain (Pfizer)", "CC BY-NC-SA 4.0", "Free to use unaltered". */
  name: string;
  /** What a school must do or may not do: attribution, no charge, no alteration. Shown where chosen. */
  note: string;
  /** Whether the item wording may be shipped (else every item's text is null). */
  itemTextShipped: boolean;
}

export interface MeasureDefinition {
  /** "mamf", "scwbs", "gbo", "phq9", "phqa", "gad7"; a school's own: "custom:<uuid>". */
  key: string;
  /** A measure in use is never edited under existing scores: a change is a new version. */
  version: number;
  name: string;
  /** For tables: "PHQ-9". */
  shortName: string;
  /** e.g. "Ages 8 and over". */
  ages: string;
  respondents: readonly Respondent[];
  /** Read before the first item ("Over the last 2 weeks, how often have you been bothered by..."). */
  instructions: string;
  /** The response options every item uses unless it has its own. */
  scale: readonly ResponseOption[];
  items: readonly MeasureItem[];
  scores: readonly ScoreDefinition[];
  licence: MeasureLicence;
  /** Where the scoring comes from (publisher's guide, paper, public scoring code), to check against. */
  source: string;
  /** Goal-based measures ask for up to three goals in the pupil's words before rating them. */
  goals?: { max: number };
}

/** Answers as given: item id to the value of the option chosen. */
export type Answers = Readonly<Record<string, number>>;

/** One score computed from a set of answers. */
export interface ScoreResult {
  id: string;
  label: string;
  /** Null when too many of its items are unanswered (see `missing`). */
  value: number | null;
  band: string | null;
  clinical: boolean | null;
  /** How many of its items were answered, and how many it has. */
  answered: number;
  of: number;
  /** Whether the value was prorated from fewer answers than items. */
  prorated: boolean;
}

export interface ScoredAnswers {
  scores: ScoreResult[];
  /** Whether every item was answered. */
  complete: boolean;
  /** Whether every score could be computed under its measure's missing-answer rule. */
  scorable: boolean;
  /** Risk items answered at or above their threshold: these open the urgent route. */
  riskItems: string[];
}

/** The outcome of a pair of scores (before, after) on one score definition. */
export const CHANGE_OUTCOMES = ['reliable_improvement', 'no_reliable_change', 'reliable_deterioration'] as const;
export type ChangeOutcome = (typeof CHANGE_OUTCOMES)[number];
export const CHANGE_OUTCOME_LABELS: Record<ChangeOutcome, string> = {
  reliable_improvement: 'Reliable improvement',
  no_reliable_change: 'No reliable change',
  reliable_deterioration: 'Reliable deterioration',
};

export interface ScoreChange {
  id: string;
  label: string;
  before: number;
  after: number;
  /** after - before. */
  difference: number;
  beforeBand: string | null;
  afterBand: string | null;
  /** Null when the measure publishes no reliable-change threshold (then `reason` says why). */
  outcome: ChangeOutcome | null;
  /** From the clinical range to outside it. */
  recovered: boolean;
  reason: string | null;
}
