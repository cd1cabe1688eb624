/**
 * Whether each early identification rule fires for a pupil's figures, and the words that say why.
 * The server's signal sources (one per feature that owns the data) compute each pupil's figures by
 * SQL; the decision and its words are made here, once, so that what the lead reads is exactly what
 * decided. A rule only lists a pupil for review: nothing here changes a level.
 */
import type { FieldIssue } from '../errors/app-error';
import {
  EARLY_RULE_DEFAULTS,
  EARLY_RULE_KINDS,
  EARLY_RULE_LABELS,
  type EarlyRuleKind,
  type EarlyRuleParams,
  type EarlyRuleSetting,
} from './early.values';

/**
 * The figures each rule reads, as the signal sources return them.
 * - attendance_drop: the pupil's last `weeks` weeks with data since the term before ended
 *   (`recentWeeks` of them found), their possible and attended sessions; the same for the whole
 *   term before (`baselineTerm` names it).
 * - concerns_count: concerns about the pupil logged in the last `weeks` weeks, outside the
 *   restricted safeguarding record.
 * - score_clinical: the pupil's latest score on one measure (`measure` its short name, `score` the
 *   score's label), completed `daysAgo` days ago, `clinical` 1 when in the clinical band; and the
 *   score before it on the same measure (`previousClinical` 1, 0, or null when there was none).
 * - checkins_down: check-ins in the last `weeks` weeks and in the `weeks` weeks before, with their
 *   count and average mood (1 to 5).
 */
export interface EarlyFigures {
  attendance_drop: {
    recentPossible: number;
    recentAttended: number;
    recentWeeks: number;
    baselinePossible: number;
    baselineAttended: number;
    baselineTerm: string;
  };
  concerns_count: { count: number };
  score_clinical: {
    measure: string;
    score: string;
    value: number;
    band: string | null;
    daysAgo: number;
    clinical: number;
    previousValue: number | null;
    previousBand: string | null;
    previousClinical: number | null;
  };
  checkins_down: { recentCount: number; recentMean: number; earlierCount: number; earlierMean: number };
}

/**
 * Fewer possible sessions than one school week (10) is too little to judge: a single missed
 * session would move the percentage by 10 points or more. Below it, in either the recent weeks or
 * the term before, the rule does not fire and says so.
 */
export const EARLY_MIN_SESSIONS = 10;
/** An average of fewer than three check-ins says more about one day than about a trend. */
export const EARLY_MIN_CHECKINS = 3;

/** The bounds of each setting, and the words of the refusal when outside them. */
export const EARLY_PARAM_BOUNDS: {
  [K in EarlyRuleKind]: Record<keyof EarlyRuleParams[K], { min: number; max: number; step: number; label: string }>;
} = {
  attendance_drop: {
    points: { min: 1, max: 50, step: 1, label: 'percentage points' },
    weeks: { min: 1, max: 12, step: 1, label: 'weeks' },
  },
  concerns_count: {
    count: { min: 1, max: 20, step: 1, label: 'concerns' },
    weeks: { min: 1, max: 12, step: 1, label: 'weeks' },
  },
  score_clinical: { weeks: { min: 1, max: 12, step: 1, label: 'weeks' } },
  checkins_down: {
    weeks: { min: 1, max: 12, step: 1, label: 'weeks' },
    drop: { min: 0.5, max: 4, step: 0.5, label: 'points on the 1 to 5 mood scale' },
  },
};

/** Comparisons of figures made from divisions allow for the last bits of floating point. */
const EPS = 1e-9;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** 78, or 78.5: a percentage or mean as a person reads it. */
function num(n: number): string {
  const r = Math.round(n * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}

function attendanceDrop(p: EarlyRuleParams['attendance_drop'], f: EarlyFigures['attendance_drop']) {
  if (f.recentPossible < EARLY_MIN_SESSIONS) {
    return { fired: false, because: `Too few sessions recorded recently to judge (${f.recentPossible}).` };
  }
  if (f.baselinePossible < EARLY_MIN_SESSIONS) {
    return { fired: false, because: `Too few sessions recorded in the ${f.baselineTerm} to compare with.` };
  }
  const recent = (100 * f.recentAttended) / f.recentPossible;
  const before = (100 * f.baselineAttended) / f.baselinePossible;
  const drop = before - recent;
  const over = `over the last ${plural(f.recentWeeks, 'week')}`;
  const change =
    drop > EPS
      ? `down ${num(drop)} points on ${num(before)}%`
      : drop < -EPS
        ? `up ${num(-drop)} points on ${num(before)}%`
        : `the same as`;
  return {
    fired: drop >= p.points - EPS,
    because: `Attendance ${num(recent)}% ${over}, ${change} in the ${f.baselineTerm}.`,
  };
}

function concernsCount(p: EarlyRuleParams['concerns_count'], f: EarlyFigures['concerns_count']) {
  return {
    fired: f.count >= p.count,
    because: `${plural(f.count, 'concern')} logged in the last ${plural(p.weeks, 'week')}.`,
  };
}

function scoreClinical(p: EarlyRuleParams['score_clinical'], f: EarlyFigures['score_clinical']) {
  const what = f.score.toLowerCase() === 'total' ? `${f.measure} score` : `${f.measure} ${f.score}:`;
  const band = f.band === null ? '' : ` (${f.band})`;
  const when = f.daysAgo === 0 ? 'today' : `${plural(f.daysAgo, 'day')} ago`;
  const before =
    f.previousValue === null
      ? 'no earlier score on this questionnaire'
      : `${num(f.previousValue)}${f.previousBand === null ? '' : ` (${f.previousBand})`} before`;
  const because = `${what} ${num(f.value)}${band} ${when}, in the clinical range; ${before}.`;
  // Only a move INTO the range counts: a score already clinical before says nothing new, and a
  // first score (usually the baseline of support already under way) has nothing to move from.
  const moved = f.clinical === 1 && f.previousClinical === 0;
  return { fired: moved && f.daysAgo <= p.weeks * 7, because };
}

function checkinsDown(p: EarlyRuleParams['checkins_down'], f: EarlyFigures['checkins_down']) {
  if (f.recentCount < EARLY_MIN_CHECKINS || f.earlierCount < EARLY_MIN_CHECKINS) {
    return {
      fired: false,
      because: `Too few check-ins to see a trend (${f.recentCount} recently, ${f.earlierCount} before; ${EARLY_MIN_CHECKINS} needed in each).`,
    };
  }
  const drop = f.earlierMean - f.recentMean;
  return {
    fired: drop >= p.drop - EPS,
    because: `Check-ins averaged ${num(f.recentMean)} out of 5 over the last ${plural(p.weeks, 'week')} (${plural(f.recentCount, 'check-in')}), ${drop > EPS ? `down ${num(drop)} on` : 'compared with'} ${num(f.earlierMean)} in the ${plural(p.weeks, 'week')} before.`,
  };
}

/**
 * Whether a rule fires for a pupil's figures, with the plain words that say why (shown to the lead
 * and kept with a review). A disabled rule never fires.
 */
export function earlyRuleFires(
  setting: EarlyRuleSetting,
  figures: Record<string, number | string | null>,
): { fired: boolean; because: string } {
  const result = (() => {
    switch (setting.kind) {
      case 'attendance_drop':
        return attendanceDrop(setting.params, figures as unknown as EarlyFigures['attendance_drop']);
      case 'concerns_count':
        return concernsCount(setting.params, figures as unknown as EarlyFigures['concerns_count']);
      case 'score_clinical':
        return scoreClinical(setting.params, figures as unknown as EarlyFigures['score_clinical']);
      case 'checkins_down':
        return checkinsDown(setting.params, figures as unknown as EarlyFigures['checkins_down']);
    }
  })();
  return setting.enabled ? result : { fired: false, because: result.because };
}

/** A rule's settings in plain words, for the rules page and the list. */
export function describeEarlyRule(setting: EarlyRuleSetting): string {
  switch (setting.kind) {
    case 'attendance_drop':
      return `Attendance over the last ${plural(setting.params.weeks, 'week')} is ${plural(setting.params.points, 'percentage point')} or more below the term before.`;
    case 'concerns_count':
      return `${plural(setting.params.count, 'concern')} or more logged in the last ${plural(setting.params.weeks, 'week')}.`;
    case 'score_clinical':
      return `A questionnaire score moved into the clinical range in the last ${plural(setting.params.weeks, 'week')}, from a score outside it.`;
    case 'checkins_down':
      return `Check-ins’ average mood over the last ${plural(setting.params.weeks, 'week')} is ${num(setting.params.drop)} or more lower (on the 1 to 5 scale) than in the ${plural(setting.params.weeks, 'week')} before.`;
  }
}

/**
 * Problems with a rule's settings, each with the field and a message that says what to enter; an
 * empty list when they are sound. Unknown or missing settings are refused too.
 */
export function checkEarlyRuleParams(kind: EarlyRuleKind, params: Record<string, unknown>): FieldIssue[] {
  const bounds = EARLY_PARAM_BOUNDS[kind] as Record<string, { min: number; max: number; step: number; label: string }>;
  const issues: FieldIssue[] = [];
  for (const key of Object.keys(params)) {
    if (!(key in bounds))
      issues.push({ path: `params.${key}`, message: `${EARLY_RULE_LABELS[kind]} has no setting “${key}”` });
  }
  for (const [key, b] of Object.entries(bounds)) {
    const v = params[key];
    const whole = b.step === 1;
    const message = `Enter ${whole ? 'a whole number' : 'a number'} of ${b.label} from ${num(b.min)} to ${num(b.max)}${whole ? '' : ` in steps of ${num(b.step)}`}`;
    const onStep = typeof v === 'number' && Math.abs(v / b.step - Math.round(v / b.step)) < EPS;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < b.min || v > b.max || !onStep) {
      issues.push({ path: `params.${key}`, message });
    }
  }
  return issues;
}

/** The settings a school runs: its changed rows, and every other rule at its defaults, enabled. */
export function earlySettings(
  changed: readonly { kind: EarlyRuleKind; enabled: boolean; params: Record<string, number> }[],
): EarlyRuleSetting[] {
  return EARLY_RULE_KINDS.map((kind) => {
    const row = changed.find((r) => r.kind === kind);
    const params = { ...EARLY_RULE_DEFAULTS[kind], ...(row?.params ?? {}) };
    return { kind, enabled: row?.enabled ?? true, params } as EarlyRuleSetting;
  });
}
