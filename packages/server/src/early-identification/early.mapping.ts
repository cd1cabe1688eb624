/** Early identification's rows into API answers, in one place. */
import {
  describeEarlyRule,
  EARLY_PARAM_BOUNDS,
  EARLY_RULE_DEFAULTS,
  EARLY_RULE_LABELS,
  type EarlyReviewSummary,
  type EarlyRuleSetting,
  type EarlyRuleView,
} from '@tandem/core';
import type { EarlyRuleRow, ReviewRow } from './early.queries';

export function reviewSummaryOf(r: ReviewRow): EarlyReviewSummary {
  return {
    id: r.id,
    outcome: r.outcome,
    reason: r.reason,
    byName: r.byName,
    at: r.reviewedAt.toISOString(),
    fired: r.fired,
  };
}

export function ruleViewOf(setting: EarlyRuleSetting, row: EarlyRuleRow | undefined): EarlyRuleView {
  const bounds = EARLY_PARAM_BOUNDS[setting.kind] as Record<
    string,
    { min: number; max: number; step: number; label: string }
  >;
  return {
    kind: setting.kind,
    label: EARLY_RULE_LABELS[setting.kind],
    description: describeEarlyRule(setting),
    enabled: setting.enabled,
    params: { ...setting.params },
    defaults: { ...EARLY_RULE_DEFAULTS[setting.kind] },
    bounds: Object.entries(bounds).map(([key, b]) => ({ key, ...b })),
    revision: row?.revision ?? 0,
    changedBy: row?.changedByName ?? null,
    changedAt: row?.changedAt.toISOString() ?? null,
  };
}
