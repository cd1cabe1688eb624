/**
 * Which rules fire for which pupils now: every registered signal source (attendance, concerns,
 * questionnaires, check-ins) gives its figures for the whole school in one SQL statement each, and
 * core's `earlyRuleFires` decides, with its words. Nothing is stored: the list is worked out afresh
 * on each view, so it never learns anything hidden.
 */
import {
  EARLY_RULE_LABELS,
  earlyRuleFires,
  londonToday,
  type EarlyFiredRule,
  type EarlyRuleSetting,
} from '@tandem/core';
import type { DbOrTx } from '../db/client';
import type { AppDeps } from '../platform/deps';

/** The rules firing for each pupil (on roll) whose figures reach an enabled rule. */
export async function firedRules(
  deps: AppDeps,
  db: DbOrTx,
  o: { schoolId: string; now: Date; rules: readonly EarlyRuleSetting[] },
): Promise<Map<string, EarlyFiredRule[]>> {
  const enabled = o.rules.filter((r) => r.enabled);
  const out = new Map<string, EarlyFiredRule[]>();
  if (enabled.length === 0) return out;
  const today = londonToday(o.now);
  for (const source of deps.registries.earlySignals) {
    if (!source.kinds.some((k) => enabled.some((r) => r.kind === k))) continue;
    const signals = await source.signals(db, { schoolId: o.schoolId, today, now: o.now, rules: enabled });
    for (const signal of signals) {
      const setting = enabled.find((r) => r.kind === signal.kind);
      if (!setting) continue;
      const { fired, because } = earlyRuleFires(setting, signal.figures);
      if (!fired) continue;
      const list = out.get(signal.pupilId) ?? [];
      list.push({ kind: signal.kind, label: EARLY_RULE_LABELS[signal.kind], because, figures: signal.figures });
      out.set(signal.pupilId, list);
    }
  }
  // One order everywhere: the rules' own order.
  const order = new Map(o.rules.map((r, i) => [r.kind, i]));
  for (const list of out.values()) list.sort((a, b) => (order.get(a.kind) ?? 0) - (order.get(b.kind) ?? 0));
  return out;
}
