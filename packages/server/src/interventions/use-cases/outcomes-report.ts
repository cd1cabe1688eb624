import { type OutcomesReport, type ScoreResult } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { listInterventions } from '../interventions.queries';
import { findMeasure } from '../measures';
import { attendanceSince, placesForOutcomes } from '../outcomes.queries';
import { outcomeRows, schoolYearStart, type OutcomeInputs } from '../outcomes';
import { completedPairs } from '../questionnaires.queries';

/** The lead's outcomes table (SMHL and headteacher). Audited, on screen or as CSV. */
export async function outcomesReport(
  deps: AppDeps,
  at: SchoolRequest,
  format: 'screen' | 'csv',
): Promise<OutcomesReport> {
  return inSchool(deps, at, 'intervention.viewOutcomes', async (s) => {
    const { tx, schoolId, now } = s;
    const since = schoolYearStart(now);
    const sinceDay = since.toISOString().slice(0, 10);
    const [interventions, places, attendance, scored] = await Promise.all([
      listInterventions(tx, schoolId),
      placesForOutcomes(tx, schoolId, since),
      attendanceSince(tx, schoolId, sinceDay),
      completedPairs(tx, schoolId, since.toISOString()),
    ]);
    const measures = new Map<string, Awaited<ReturnType<typeof findMeasure>>>();
    const pairs: OutcomeInputs['pairs'] = [];
    const byPlace = new Map<
      string,
      { interventionId: string; key: string; version: number; b?: ScoreResult[]; a?: ScoreResult[] }
    >();
    for (const q of scored) {
      if (!q.placeId || !q.scores) continue;
      const entry = byPlace.get(q.placeId) ?? {
        interventionId: q.interventionId,
        key: q.measureKey,
        version: q.measureVersion,
      };
      if (q.timepoint === 'baseline') entry.b = q.scores;
      else entry.a = q.scores;
      byPlace.set(q.placeId, entry);
    }
    for (const [placeId, e] of byPlace) {
      if (!e.b || !e.a) continue;
      const id = `${e.key}@${e.version}`;
      if (!measures.has(id)) measures.set(id, await findMeasure(tx, schoolId, e.key, e.version));
      const measure = measures.get(id);
      if (measure) pairs.push({ interventionId: e.interventionId, placeId, measure, before: e.b, after: e.a });
    }
    const result = outcomeRows({ interventions, places, attendance, pairs, now });
    await s.audit({ action: 'intervention.outcomes_viewed', detail: { format } });
    return { since: sinceDay, ...result };
  });
}
