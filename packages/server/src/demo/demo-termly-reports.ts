/**
 * The demo's termly reports: the two terms before this one, prepared for each school as the due
 * job would have prepared them the day after each ended (from the demo's records as they stand).
 */
import { lastEndedTerm, londonToday, previousTerm } from '@tandem/core';
import type { DbOrTx } from '../db/client';
import type { AppDeps } from '../platform/deps';
import { prepareTermlyReport } from '../reports/reports.termly';

export async function seedTermlyReports(
  deps: AppDeps,
  tx: DbOrTx,
  o: { schoolIds: ReadonlyMap<string, string>; now: Date },
): Promise<void> {
  const last = lastEndedTerm(londonToday(o.now));
  for (const term of [previousTerm(last), last]) {
    const preparedAt = new Date(`${term.to}T06:00:00Z`);
    preparedAt.setUTCDate(preparedAt.getUTCDate() + 1);
    for (const schoolId of o.schoolIds.values()) {
      await prepareTermlyReport(deps, tx, { schoolId, term, now: preparedAt });
    }
  }
}
