/**
 * The SMHL switches a rule on or off or changes its settings, within their bounds and against the
 * revision they saw. The change applies from the next view of the list; nothing is recomputed.
 */
import { EARLY_RULE_DEFAULTS, type EarlyRuleChangeBody, type EarlyRuleView } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { ruleViewOf } from '../early.mapping';
import { lockRule, saveRule } from '../early.queries';
import { requireRevision, requireSoundParams, rulesOfSchool } from '../early.rules';

export async function changeEarlyRule(
  deps: AppDeps,
  at: SchoolRequest,
  body: EarlyRuleChangeBody,
): Promise<EarlyRuleView> {
  return inSchool(deps, at, 'early.review', async (s) => {
    const { tx, actor, schoolId, now } = s;
    requireSoundParams(body.kind, body.params);
    const row = await lockRule(tx, schoolId, body.kind);
    requireRevision(row?.revision ?? 0, body.revision);
    const before = row
      ? { enabled: row.enabled, params: row.params }
      : { enabled: true, params: EARLY_RULE_DEFAULTS[body.kind] };
    const same =
      before.enabled === body.enabled &&
      Object.entries(body.params).every(([k, v]) => (before.params as Record<string, number>)[k] === v);
    if (!same) {
      const id = await saveRule(tx, {
        schoolId,
        kind: body.kind,
        enabled: body.enabled,
        params: body.params,
        revision: (row?.revision ?? 0) + 1,
        changedBy: actor.userId,
        changedAt: now,
      });
      await s.audit(
        { action: 'early.rule_changed', detail: { kind: body.kind, enabled: body.enabled, params: body.params } },
        { type: 'early_rule', id },
      );
    }
    const { settings, rows } = await rulesOfSchool(tx, schoolId);
    const setting = settings.find((s) => s.kind === body.kind)!;
    return ruleViewOf(
      setting,
      rows.find((r) => r.kind === body.kind),
    );
  });
}
