/**
 * Questionnaires' figures for early identification (platform EarlySignalSource): a pupil on roll
 * whose latest score on a measure (same respondent, same score) was completed in the last `weeks`
 * weeks in the clinical band, where the score before it on that measure was not. Bands are stored
 * with each completed questionnaire's scores (core measures/score.ts decided them when scored), so
 * one SQL statement reads them; only the measures a pupil completed in the window are ordered.
 */
import { sql } from 'drizzle-orm';
import { builtinMeasure } from '@tandem/core';
import type { EarlySignal, EarlySignalSource } from '../platform/registries';
import { num, numOrNull, sqlRows } from '../platform/report-figures';

interface Row {
  pupil_id: string;
  measure_key: string;
  custom_name: string | null;
  score_label: string;
  value: unknown;
  band: string | null;
  days_ago: unknown;
  prev_value: unknown;
  prev_band: string | null;
}

export const interventionSignals: EarlySignalSource = {
  kinds: ['score_clinical'],
  async signals(db, o) {
    const rule = o.rules.find((r) => r.kind === 'score_clinical');
    if (!rule?.enabled || rule.kind !== 'score_clinical') return [];
    const since = new Date(o.now.getTime() - rule.params.weeks * 7 * 86_400_000).toISOString();
    const rows = await sqlRows<Row>(
      db,
      sql`with recent as (
          select distinct q.pupil_id, q.measure_key, q.respondent
          from questionnaires q
          join pupils p on p.id = q.pupil_id and p.school_id = ${o.schoolId} and p.left_on is null
          where q.school_id = ${o.schoolId} and q.status = 'complete' and q.completed_at >= ${since}::timestamptz
        ), scored as (
          select q.pupil_id, q.measure_key, q.respondent, q.measure_version, q.completed_at, s.value as score,
            lag(s.value) over w as prev
          from questionnaires q
          join recent r on r.pupil_id = q.pupil_id and r.measure_key = q.measure_key and r.respondent = q.respondent
          cross join lateral jsonb_array_elements(q.scores) as s(value)
          where q.school_id = ${o.schoolId} and q.status = 'complete' and q.scores is not null
            and q.completed_at <= ${o.now.toISOString()}::timestamptz
            and jsonb_typeof(s.value -> 'clinical') = 'boolean'
          window w as (partition by q.pupil_id, q.measure_key, q.respondent, s.value ->> 'id' order by q.completed_at)
        ), latest as (
          select *, row_number() over (partition by pupil_id, measure_key, respondent, score ->> 'id' order by completed_at desc) as back
          from scored
        )
        select distinct on (l.pupil_id) l.pupil_id, l.measure_key,
          cm.definition ->> 'shortName' as custom_name,
          l.score ->> 'label' as score_label, l.score ->> 'value' as value, l.score ->> 'band' as band,
          floor(extract(epoch from (${o.now.toISOString()}::timestamptz - l.completed_at)) / 86400) as days_ago,
          l.prev ->> 'value' as prev_value, l.prev ->> 'band' as prev_band
        from latest l
        left join custom_measures cm on cm.school_id = ${o.schoolId}
          and l.measure_key = 'custom:' || cm.measure_id::text and cm.version = l.measure_version
        where l.back = 1 and l.completed_at >= ${since}::timestamptz
          and (l.score ->> 'clinical')::boolean and l.prev is not null and not (l.prev ->> 'clinical')::boolean
          and l.score ->> 'value' is not null
        order by l.pupil_id, l.completed_at desc`,
    );
    return rows.map((r): EarlySignal => ({
      pupilId: r.pupil_id,
      kind: 'score_clinical',
      figures: {
        measure: builtinMeasure(r.measure_key)?.shortName ?? r.custom_name ?? 'Questionnaire',
        score: r.score_label,
        value: num(r.value),
        band: r.band,
        daysAgo: num(r.days_ago),
        clinical: 1,
        previousValue: numOrNull(r.prev_value),
        previousBand: r.prev_band,
        previousClinical: 0,
      },
    }));
  },
};
