/**
 * What early identification writes to the audit trail: each view of the list and of the rates by
 * group, each change to a rule, each review with its outcome; identifiers only (the reason is kept
 * in the review itself). Gathered in audit/events.ts.
 */
import type { EarlyReviewOutcome, EarlyRuleKind } from './early.values';

export type EarlyAuditEvent =
  | { action: 'early.list_viewed'; detail: { pupils: number } }
  | { action: 'early.rates_viewed'; detail: Record<string, never> }
  | { action: 'early.rule_changed'; detail: { kind: EarlyRuleKind; enabled: boolean; params: Record<string, number> } }
  | { action: 'early.reviewed'; detail: { outcome: EarlyReviewOutcome; rules: EarlyRuleKind[] } };

export const EARLY_AUDIT_LABELS: Record<EarlyAuditEvent['action'], string> = {
  'early.list_viewed': 'Viewed the pupils to review',
  'early.rates_viewed': 'Viewed how often each early identification rule fires by group',
  'early.rule_changed': 'Changed an early identification rule',
  'early.reviewed': 'Reviewed a pupil listed by early identification',
};

export const EARLY_SUBJECT_TYPES = ['early_rule'] as const;
export const EARLY_SUBJECT_LABELS: Record<(typeof EARLY_SUBJECT_TYPES)[number], string> = {
  early_rule: 'Early identification rule',
};
