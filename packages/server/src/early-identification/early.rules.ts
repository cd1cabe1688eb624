/** The checks and loads shared by early identification's use cases. */
import { AppError, checkEarlyRuleParams, earlySettings, type EarlyRuleKind, type EarlyRuleSetting } from '@tandem/core';
import type { DbOrTx } from '../db/client';
import { changedRules, type EarlyRuleRow } from './early.queries';

/** The rules the school runs now, with the rows it changed. */
export async function rulesOfSchool(
  db: DbOrTx,
  schoolId: string,
): Promise<{ settings: EarlyRuleSetting[]; rows: EarlyRuleRow[] }> {
  const rows = await changedRules(db, schoolId);
  return { settings: earlySettings(rows), rows };
}

/** Settings outside their bounds are refused with a message for each field. */
export function requireSoundParams(kind: EarlyRuleKind, params: Record<string, number>): void {
  const fields = checkEarlyRuleParams(kind, params);
  if (fields.length > 0) {
    throw new AppError('validation', 'early rule params refused', {
      userMessage: fields[0]?.message ?? 'Some settings need correcting.',
      fields,
    });
  }
}

/** A change made against an older revision is refused, not overwritten. */
export function requireRevision(current: number, given: number): void {
  if (current !== given) {
    throw new AppError('conflict', 'stale early rule', {
      userMessage: 'Someone changed this rule while you were working. Load the rules again to see their change.',
    });
  }
}
