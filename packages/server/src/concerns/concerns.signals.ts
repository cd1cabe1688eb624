/**
 * Concerns' figures for early identification (platform EarlySignalSource): how many concerns were
 * logged about each pupil on roll in the last `weeks` weeks, in one SQL statement read through
 * (school_id, logged_at). Concerns in the restricted safeguarding record are never counted: the
 * list is seen by the SMHL, and must not betray a record kept to the DSL team.
 */
import { sql } from 'drizzle-orm';
import type { EarlySignalSource } from '../platform/registries';
import { num, sqlRows } from '../platform/report-figures';

export const concernSignals: EarlySignalSource = {
  kinds: ['concerns_count'],
  async signals(db, o) {
    const rule = o.rules.find((r) => r.kind === 'concerns_count');
    if (!rule?.enabled || rule.kind !== 'concerns_count') return [];
    const since = new Date(o.now.getTime() - rule.params.weeks * 7 * 86_400_000);
    const rows = await sqlRows<{ pupil_id: string; n: unknown }>(
      db,
      // The school's recent concerns first (through concerns_school_logged_idx), then their pupils by
      // concern: the cost follows the weeks asked for, never the school's years of concerns.
      sql`with recent as materialized (
          select c.id from concerns c
          where c.school_id = ${o.schoolId} and not c.restricted and c.logged_at >= ${since.toISOString()}::timestamptz
        )
        select cp.pupil_id, count(*) as n
        from recent r
        join concern_pupils cp on cp.concern_id = r.id and cp.school_id = ${o.schoolId}
        join pupils p on p.id = cp.pupil_id and p.school_id = ${o.schoolId} and p.left_on is null
        group by cp.pupil_id
        having count(*) >= ${rule.params.count}`,
    );
    return rows.map((r) => ({ pupilId: r.pupil_id, kind: 'concerns_count' as const, figures: { count: num(r.n) } }));
  },
};
