/** Requests and answers of early identification. */
import { z } from 'zod';
import { LEVEL_CODES } from '../levels/levels.values';
import { CHARACTERISTICS } from '../pupils/pupils.values';
import { EARLY_REVIEW_OUTCOMES, EARLY_RULE_KINDS } from './early.values';

const figures = z.record(z.string(), z.union([z.number(), z.string(), z.null()]));

/** A rule that fired for a pupil, in plain words, with the figures behind it. */
export const earlyFiredRule = z.object({
  kind: z.enum(EARLY_RULE_KINDS),
  label: z.string(),
  because: z.string(),
  figures,
});
export type EarlyFiredRule = z.infer<typeof earlyFiredRule>;

const reviewSummary = z.object({
  id: z.uuid(),
  outcome: z.enum(EARLY_REVIEW_OUTCOMES),
  reason: z.string(),
  byName: z.string(),
  at: z.iso.datetime({ offset: true }),
  /** The rules that had fired when reviewed, with their words at the time. */
  fired: z.array(z.object({ kind: z.string(), because: z.string() })),
});
export type EarlyReviewSummary = z.infer<typeof reviewSummary>;

const pupilFields = {
  id: z.uuid(),
  name: z.string(),
  yearGroup: z.number().int(),
  form: z.string(),
  level: z.enum(LEVEL_CODES).nullable(),
};

/** A pupil to review: the rules that fire now, and the last review if there was one. */
export const earlyPupil = z.object({
  ...pupilFields,
  fired: z.array(earlyFiredRule),
  lastReview: reviewSummary.nullable(),
});
export type EarlyPupil = z.infer<typeof earlyPupil>;

export const earlyListResponse = z.object({
  pupils: z.array(earlyPupil),
  /** Pupils reviewed within the quiet days whose rules have not changed since. */
  reviewed: z.array(z.object({ ...pupilFields, review: reviewSummary })),
  /** How many rules are switched on (none on: nobody can be listed). */
  rulesOn: z.number().int(),
  quietDays: z.number().int(),
});
export type EarlyListResponse = z.infer<typeof earlyListResponse>;

/** The lead's decision on a pupil. */
export const earlyReviewBody = z.strictObject({
  outcome: z.enum(EARLY_REVIEW_OUTCOMES, { error: 'Choose what you decided' }),
  reason: z
    .string({ error: 'Enter the reason for your decision' })
    .trim()
    .min(1, 'Enter the reason for your decision')
    .max(2_000, 'Must be 2,000 characters or fewer'),
});
export type EarlyReviewBody = z.infer<typeof earlyReviewBody>;

export const earlyReviewResponse = z.object({ id: z.uuid(), fired: z.array(earlyFiredRule) });
export type EarlyReviewResponse = z.infer<typeof earlyReviewResponse>;

const bound = z.object({ key: z.string(), label: z.string(), min: z.number(), max: z.number(), step: z.number() });

/** One rule as the school runs it, in plain words, with its settings and their bounds. */
export const earlyRuleView = z.object({
  kind: z.enum(EARLY_RULE_KINDS),
  label: z.string(),
  description: z.string(),
  enabled: z.boolean(),
  params: z.record(z.string(), z.number()),
  defaults: z.record(z.string(), z.number()),
  bounds: z.array(bound),
  /** 0 while the rule runs at its defaults (no change stored yet). */
  revision: z.number().int(),
  changedBy: z.string().nullable(),
  changedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type EarlyRuleView = z.infer<typeof earlyRuleView>;

export const earlyRulesResponse = z.object({ rules: z.array(earlyRuleView) });
export type EarlyRulesResponse = z.infer<typeof earlyRulesResponse>;

/** A change to one rule, made against the revision the lead saw. Bounds are checked by the server. */
export const earlyRuleChangeBody = z.strictObject({
  kind: z.enum(EARLY_RULE_KINDS, { error: 'Choose a rule' }),
  enabled: z.boolean({ error: 'Choose whether the rule is on' }),
  params: z.record(z.string(), z.number({ error: 'Enter a number' })),
  revision: z.number().int().min(0),
});
export type EarlyRuleChangeBody = z.infer<typeof earlyRuleChangeBody>;

export const EARLY_GROUP_KEYS = ['all', ...CHARACTERISTICS] as const;
export type EarlyGroupKey = (typeof EARLY_GROUP_KEYS)[number];

/** How often a rule fires in one group of pupils, against the whole school. */
export const earlyRateCell = z.object({
  group: z.enum(EARLY_GROUP_KEYS),
  label: z.string(),
  count: z.number().int(),
  pupils: z.number().int(),
  /** count / pupils, null for an empty group. */
  rate: z.number().nullable(),
  /** The group's rate over the whole school's, null when either is empty. */
  ratio: z.number().nullable(),
  /** 1.5 times the school's rate or more, with at least 5 pupils listed in the group. */
  flagged: z.boolean(),
});
export type EarlyRateCell = z.infer<typeof earlyRateCell>;

export const earlyRatesResponse = z.object({
  rules: z.array(
    z.object({
      kind: z.enum(EARLY_RULE_KINDS),
      label: z.string(),
      enabled: z.boolean(),
      groups: z.array(earlyRateCell),
    }),
  ),
});
export type EarlyRatesResponse = z.infer<typeof earlyRatesResponse>;

/** A group is flagged at this ratio to the school's rate ... */
export const EARLY_FLAG_RATIO = 1.5;
/** ... when the rule fires for at least this many of its pupils (fewer says little). */
export const EARLY_FLAG_MIN_PUPILS = 5;
