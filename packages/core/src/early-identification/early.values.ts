/**
 * Early identification: the rules a school reads and changes that put a pupil on the SMHL's
 * "pupils to review" list. A rule only lists a pupil, with the figures behind it; nothing changes a
 * level by itself. The lead reviews and records what was decided.
 */

export const EARLY_RULE_KINDS = ['attendance_drop', 'concerns_count', 'score_clinical', 'checkins_down'] as const;
export type EarlyRuleKind = (typeof EARLY_RULE_KINDS)[number];

/** Each rule's settings, with the defaults a school starts with. */
export interface EarlyRuleParams {
  /** Attendance down by `points` or more over the last `weeks` weeks compared with the term before. */
  attendance_drop: { points: number; weeks: number };
  /** `count` or more concerns logged in the last `weeks` weeks. */
  concerns_count: { count: number; weeks: number };
  /** A questionnaire score moved into its clinical band in the last `weeks` weeks. */
  score_clinical: { weeks: number };
  /** Check-ins' average mood over the last `weeks` weeks down by `drop` or more on the weeks before. */
  checkins_down: { weeks: number; drop: number };
}

export const EARLY_RULE_DEFAULTS: { [K in EarlyRuleKind]: EarlyRuleParams[K] } = {
  attendance_drop: { points: 10, weeks: 4 },
  concerns_count: { count: 3, weeks: 6 },
  score_clinical: { weeks: 6 },
  checkins_down: { weeks: 4, drop: 1 },
};

export const EARLY_RULE_LABELS: Record<EarlyRuleKind, string> = {
  attendance_drop: 'Attendance falling',
  concerns_count: 'Several concerns',
  score_clinical: 'Questionnaire score in the clinical range',
  checkins_down: 'Check-ins trending down',
};

/** What the lead decided on reviewing a listed pupil. */
export const EARLY_REVIEW_OUTCOMES = ['no_action', 'level_change', 'referral'] as const;
export type EarlyReviewOutcome = (typeof EARLY_REVIEW_OUTCOMES)[number];
export const EARLY_REVIEW_OUTCOME_LABELS: Record<EarlyReviewOutcome, string> = {
  no_action: 'Reviewed: no action',
  level_change: 'Level changed',
  referral: 'Referral made',
};

/** A reviewed pupil leaves the list for the rules reviewed, for this many days, unless a new rule fires. */
export const EARLY_REVIEW_QUIET_DAYS = 28;

/** A rule as a school runs it: on or off, with its settings. */
export type EarlyRuleSetting = {
  [K in EarlyRuleKind]: { kind: K; enabled: boolean; params: EarlyRuleParams[K] };
}[EarlyRuleKind];
