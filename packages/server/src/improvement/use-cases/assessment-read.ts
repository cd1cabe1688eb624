import { canInSchool, londonToday, type AssessmentDetail, type Framework } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { readInSchool, type SchoolRequest } from '../../platform/gate';
import { documentInfos } from '../../platform/documents';
import { evidenceRecords } from '../assessments.evidence';
import { toAreas, toProgress, toSummary } from '../assessments.mapping';
import { listAssessments, loadAssessmentSummary, ratedCounts, ratingsOf } from '../assessments.queries';
import { assessmentsCsv } from '../assessments.csv';

/** Contributors and the lead (the head is both) read the self-assessments; teachers and families cannot. */
const READERS = 'improvement.contribute' as const;

/** The school's self-assessments, newest first, each with how far it has got. */
export async function listSelfAssessments(deps: AppDeps, at: SchoolRequest) {
  return readInSchool(deps, at, READERS, async (s) => {
    const [rows, rated] = await Promise.all([listAssessments(s.db, s.schoolId), ratedCounts(s.db, s.schoolId)]);
    return {
      assessments: rows.map((r) => toSummary(r, rated.get(r.a.id) ?? 0)),
      mayLead: canInSchool(s.actor, 'improvement.lead', s.schoolId),
    };
  });
}

/** One self-assessment: areas, statements, ratings, evidence, and the previous ratings beside. */
export async function getSelfAssessment(
  deps: AppDeps,
  at: SchoolRequest,
  assessmentId: string,
): Promise<AssessmentDetail> {
  return readInSchool(deps, at, READERS, async (s) => {
    const row = await loadAssessmentSummary(s.db, s.schoolId, assessmentId);
    const previous = row.a.previousId ? await loadAssessmentSummary(s.db, s.schoolId, row.a.previousId) : null;
    const [ratings, previousRatings] = await Promise.all([
      ratingsOf(s.db, s.schoolId, [assessmentId]),
      previous ? ratingsOf(s.db, s.schoolId, [previous.a.id]) : Promise.resolve([]),
    ]);
    const docIds = ratings.flatMap((x) => x.r.evidence.flatMap((e) => (e.kind === 'document' ? [e.documentId] : [])));
    const docs = await documentInfos(s.db, docIds);
    const rated = ratings.filter((x) => x.r.rating !== null).length;
    return {
      assessment: toSummary(row, rated),
      previous: previous ? { id: previous.a.id, periodLabel: previous.a.periodLabel } : null,
      areas: toAreas(s.schoolId, row.a.framework, ratings, previousRatings, docs),
      mayLead: canInSchool(s.actor, 'improvement.lead', s.schoolId),
      mayEdit: row.a.status === 'draft',
    };
  });
}

async function progressOf(s: { db: Parameters<typeof listAssessments>[0]; schoolId: string }, framework: Framework) {
  const rows = await listAssessments(s.db, s.schoolId, framework);
  const ratings = await ratingsOf(
    s.db,
    s.schoolId,
    rows.map((r) => r.a.id),
  );
  return toProgress(framework, rows, ratings);
}

/** Year on year: each area's rating per assessment of a framework, oldest first (the draft last). */
export async function selfAssessmentProgress(deps: AppDeps, at: SchoolRequest, framework: Framework) {
  return readInSchool(deps, at, READERS, (s) => progressOf(s, framework));
}

export async function selfAssessmentProgressCsv(deps: AppDeps, at: SchoolRequest, framework: Framework) {
  return readInSchool(deps, at, READERS, async (s) => assessmentsCsv(await progressOf(s, framework)));
}

/** Records in Tandem a statement may cite, from every registered source. */
export async function selfAssessmentEvidenceRecords(deps: AppDeps, at: SchoolRequest) {
  return readInSchool(deps, at, READERS, async (s) => ({
    groups: await evidenceRecords(s.db, deps.registries.schoolRecords, s.schoolId, londonToday(s.now)),
  }));
}
