/**
 * Check-ins' figures for early identification (platform EarlySignalSource): each pupil on roll's
 * count and average mood over the last `weeks` weeks and the `weeks` weeks before, in one SQL
 * statement. Only pupils whose average fell by the school's drop come back; core's
 * `earlyRuleFires` decides, and needs enough check-ins in each window.
 */
import { sql } from 'drizzle-orm';
import type { EarlySignalSource } from '../platform/registries';
import { num, sqlRows } from '../platform/report-figures';

interface Row {
  pupil_id: string;
  recent_count: unknown;
  recent_mean: unknown;
  earlier_count: unknown;
  earlier_mean: unknown;
}

export const checkinSignals: EarlySignalSource = {
  kinds: ['checkins_down'],
  async signals(db, o) {
    const rule = o.rules.find((r) => r.kind === 'checkins_down');
    if (!rule?.enabled || rule.kind !== 'checkins_down') return [];
    const span = rule.params.weeks * 7 * 86_400_000;
    const mid = new Date(o.now.getTime() - span).toISOString();
    const from = new Date(o.now.getTime() - 2 * span).toISOString();
    const rows = await sqlRows<Row>(
      db,
      sql`select * from (
          select c.pupil_id,
            count(*) filter (where c.created_at >= ${mid}::timestamptz) as recent_count,
            avg(c.mood) filter (where c.created_at >= ${mid}::timestamptz) as recent_mean,
            count(*) filter (where c.created_at < ${mid}::timestamptz) as earlier_count,
            avg(c.mood) filter (where c.created_at < ${mid}::timestamptz) as earlier_mean
          from checkins c
          join pupils p on p.id = c.pupil_id and p.school_id = ${o.schoolId} and p.left_on is null
          where c.school_id = ${o.schoolId} and c.created_at >= ${from}::timestamptz
            and c.created_at <= ${o.now.toISOString()}::timestamptz
          group by c.pupil_id
        ) t
        where t.earlier_mean - t.recent_mean >= ${rule.params.drop} - 0.000001`,
    );
    return rows.map((r) => ({
      pupilId: r.pupil_id,
      kind: 'checkins_down' as const,
      figures: {
        recentCount: num(r.recent_count),
        recentMean: num(r.recent_mean),
        earlierCount: num(r.earlier_count),
        earlierMean: num(r.earlier_mean),
      },
    }));
  },
};
