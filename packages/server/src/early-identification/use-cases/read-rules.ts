/** The school's early identification rules in plain words, with their settings (the SMHL). */
import type { EarlyRulesResponse } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { readInSchool, type SchoolRequest } from '../../platform/gate';
import { ruleViewOf } from '../early.mapping';
import { rulesOfSchool } from '../early.rules';

export async function readEarlyRules(deps: AppDeps, at: SchoolRequest): Promise<EarlyRulesResponse> {
  return readInSchool(deps, at, 'early.review', async ({ db, schoolId }) => {
    const { settings, rows } = await rulesOfSchool(db, schoolId);
    return {
      rules: settings.map((s) =>
        ruleViewOf(
          s,
          rows.find((r) => r.kind === s.kind),
        ),
      ),
    };
  });
}
