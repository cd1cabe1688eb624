import type { MeasureDefinition, PupilOutcomes } from '@tandem/core';
import { pairChanges } from '../pairs';
import { requireCaseAccess } from '../../platform/case-access';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { findMeasure, measuresOfSchool } from '../measures';
import { questionnairesOfPupil } from '../questionnaires.queries';

/**
 * A pupil's questionnaires and, for each intervention with a baseline and a follow-up, the change in
 * each score: reliable improvement, no reliable change or reliable deterioration (where the measure
 * publishes a threshold), and recovery. For case roles who may open the pupil's case. Audited.
 */
export async function pupilOutcomes(deps: AppDeps, at: SchoolRequest, pupilId: string): Promise<PupilOutcomes> {
  return inSchool(deps, at, 'pupil.readCase', async (s) => {
    const { tx, schoolId } = s;
    await requireCaseAccess(tx, s.actor, schoolId, pupilId);
    const rows = await questionnairesOfPupil(tx, schoolId, pupilId);
    const measures = new Map<string, MeasureDefinition | undefined>();
    const measureOf = async (key: string, version: number) => {
      const id = `${key}@${version}`;
      if (!measures.has(id)) measures.set(id, await findMeasure(tx, schoolId, key, version));
      return measures.get(id);
    };
    const questionnaires = [];
    for (const { q, interventionName } of rows) {
      const m = await measureOf(q.measureKey, q.measureVersion);
      questionnaires.push({
        id: q.id,
        measureKey: q.measureKey,
        measureName: m?.name ?? q.measureKey,
        timepoint: q.timepoint,
        respondent: q.respondent,
        status: q.status,
        interventionName,
        completedAt: q.completedAt?.toISOString() ?? null,
        dueOn: q.dueOn,
        scores: q.scores,
        riskRaised: q.riskRaised,
      });
    }
    const pairs = [];
    const complete = rows.filter((r) => r.q.status === 'complete' && r.q.placeId && r.q.scores);
    for (const f of complete.filter((r) => r.q.timepoint === 'follow_up')) {
      const b = complete.find((r) => r.q.placeId === f.q.placeId && r.q.timepoint === 'baseline');
      const m = await measureOf(f.q.measureKey, f.q.measureVersion);
      if (!b || !m || b.q.measureKey !== f.q.measureKey) continue;
      const changes = pairChanges(m, b.q.scores!, f.q.scores!);
      pairs.push({
        placeId: f.q.placeId!,
        interventionName: f.interventionName ?? '',
        measureName: m.name,
        baselineOn: b.q.completedAt!.toISOString(),
        followUpOn: f.q.completedAt!.toISOString(),
        changes,
      });
    }
    await s.audit(
      { action: 'pupil.outcomes_viewed', detail: { questionnaires: rows.length } },
      { type: 'pupil', id: pupilId },
    );
    return {
      questionnaires,
      pairs,
      measures: (await measuresOfSchool(tx, schoolId)).map((m) => ({
        key: m.key,
        name: m.name,
        respondents: [...m.respondents],
      })),
      canStart: true,
    };
  });
}
