/**
 * How often each rule fires by group of pupils (all, and each characteristic: SEND, pupil premium,
 * looked after, ...), against the whole school's rate, so the lead notices a rule that singles out
 * a group. A group is flagged, in words, at 1.5 times the school's rate with at least 5 pupils.
 * Counts only; audited once.
 */
import {
  CHARACTERISTIC_LABELS,
  EARLY_FLAG_MIN_PUPILS,
  EARLY_FLAG_RATIO,
  EARLY_GROUP_KEYS,
  EARLY_RULE_LABELS,
  type EarlyRatesResponse,
} from '@tandem/core';
import { pupils } from '@tandem/core/schema';
import type { AppDeps } from '../../platform/deps';
import { caseScopeSql, caseScopesOf } from '../../platform/case-access';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { firedRules } from '../early.fired';
import { characteristicsOf, groupSizes } from '../early.queries';
import { rulesOfSchool } from '../early.rules';

export async function readEarlyRates(deps: AppDeps, at: SchoolRequest): Promise<EarlyRatesResponse> {
  return inSchool(deps, at, 'early.review', async (s) => {
    const { tx, actor, schoolId, now } = s;
    const visible = caseScopeSql(await caseScopesOf(tx, actor, schoolId), actor.userId, schoolId, pupils.id);
    const { settings } = await rulesOfSchool(tx, schoolId);
    const fired = await firedRules(deps, tx, { schoolId, now, rules: settings });
    const sizes = await groupSizes(tx, schoolId, visible);
    const groupsOf = await characteristicsOf(tx, schoolId, [...fired.keys()], visible);
    const rules = settings.map((setting) => {
      const counts = new Map<string, number>();
      for (const [pupilId, list] of fired) {
        if (!list.some((f) => f.kind === setting.kind)) continue;
        for (const g of groupsOf.get(pupilId) ?? []) counts.set(g, (counts.get(g) ?? 0) + 1);
      }
      const rateOf = (n: number, of: number) => (of === 0 ? null : n / of);
      const schoolRate = rateOf(counts.get('all') ?? 0, sizes.all);
      const groups = EARLY_GROUP_KEYS.map((group) => {
        const count = counts.get(group) ?? 0;
        const rate = rateOf(count, sizes[group]);
        const ratio = rate === null || schoolRate === null || schoolRate === 0 ? null : rate / schoolRate;
        return {
          group,
          label: group === 'all' ? 'All pupils' : CHARACTERISTIC_LABELS[group],
          count,
          pupils: sizes[group],
          rate,
          ratio,
          flagged:
            group !== 'all' && ratio !== null && ratio >= EARLY_FLAG_RATIO - 1e-9 && count >= EARLY_FLAG_MIN_PUPILS,
        };
      });
      return { kind: setting.kind, label: EARLY_RULE_LABELS[setting.kind], enabled: setting.enabled, groups };
    });
    await s.audit({ action: 'early.rates_viewed', detail: {} });
    return { rules };
  });
}
