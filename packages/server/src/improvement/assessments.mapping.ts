/** Self-assessment rows to API answers, in one place. */
import {
  areaRating,
  areasOf,
  proposesAction,
  ratingCounts,
  statementsOf,
  statementsOfArea,
  type AreaAssessment,
  type AssessmentProgress,
  type AssessmentSummary,
  type Evidence,
  type Framework,
  type Rating,
  type Statement,
  type StatementRating,
} from '@tandem/core';
import type { StoredEvidence } from '@tandem/core/schema';
import type { AssessmentListRow, RatingRow } from './assessments.queries';

export interface RatingWithName {
  r: RatingRow;
  byName: string;
}

/** Sizes of the documents cited (absent when a document is no longer there). */
export type DocumentSizes = ReadonlyMap<string, { size: number }>;

export function toSummary(row: AssessmentListRow, rated: number): AssessmentSummary {
  const a = row.a;
  return {
    id: a.id,
    framework: a.framework,
    periodLabel: a.periodLabel,
    status: a.status,
    startedOn: a.startedOn,
    startedBy: row.startedByName,
    confirmed:
      a.confirmedAt && row.confirmedByName ? { name: row.confirmedByName, at: a.confirmedAt.toISOString() } : null,
    rated,
    total: statementsOf(a.framework).length,
    previousId: a.previousId,
  };
}

export function toEvidence(items: readonly StoredEvidence[], docs: DocumentSizes): Evidence[] {
  return items.map((e) => (e.kind === 'document' ? { ...e, size: docs.get(e.documentId)?.size ?? null } : { ...e }));
}

export function toStatement(
  statement: Statement,
  saved: RatingWithName | undefined,
  previousRating: Rating | null,
  docs: DocumentSizes,
): StatementRating {
  return {
    key: statement.key,
    text: statement.text,
    rating: saved?.r.rating ?? null,
    evidenceText: saved?.r.evidenceText ?? '',
    evidence: toEvidence(saved?.r.evidence ?? [], docs),
    version: saved?.r.version ?? 0,
    lastChanged: saved ? { name: saved.byName, at: saved.r.updatedAt.toISOString() } : null,
    previousRating,
  };
}

/** The library page for an area, offered when the area is rated below established. */
export function resourcesHrefOf(schoolId: string, areaKey: string): string {
  return `/schools/${schoolId}/whole-school/resources?area=${encodeURIComponent(areaKey)}`;
}

/** Each area with its statements, ratings, counts and the previous assessment's ratings beside. */
export function toAreas(
  schoolId: string,
  framework: Framework,
  ratings: readonly RatingWithName[],
  previous: readonly RatingWithName[],
  docs: DocumentSizes,
): AreaAssessment[] {
  const byKey = new Map(ratings.map((x) => [x.r.statementKey, x]));
  const prevByKey = new Map(previous.map((x) => [x.r.statementKey, x.r.rating]));
  return areasOf(framework).map((area) => {
    const statements = statementsOfArea(area.key).map((s) =>
      toStatement(s, byKey.get(s.key), prevByKey.get(s.key) ?? null, docs),
    );
    const rating = areaRating(statements.map((s) => s.rating));
    return {
      key: area.key,
      title: area.title,
      rating,
      previousRating: previous.length > 0 ? areaRating(statements.map((s) => s.previousRating)) : null,
      counts: ratingCounts(statements.map((s) => s.rating)),
      resourcesHref: proposesAction(rating) ? resourcesHrefOf(schoolId, area.key) : null,
      statements,
    };
  });
}

/** Each area's rating per assessment, oldest first. */
export function toProgress(
  framework: Framework,
  rows: readonly AssessmentListRow[],
  ratings: readonly { r: RatingRow }[],
): AssessmentProgress {
  const areas = areasOf(framework);
  const byAssessment = new Map<string, Map<string, Rating | null>>();
  for (const { r } of ratings) {
    const m = byAssessment.get(r.assessmentId) ?? new Map<string, Rating | null>();
    m.set(r.statementKey, r.rating);
    byAssessment.set(r.assessmentId, m);
  }
  const oldestFirst = [...rows].sort(
    (x, y) =>
      Number(x.a.status === 'draft') - Number(y.a.status === 'draft') ||
      x.a.startedOn.localeCompare(y.a.startedOn) ||
      x.a.createdAt.getTime() - y.a.createdAt.getTime(),
  );
  return {
    framework,
    areas: areas.map((a) => ({ key: a.key, title: a.title })),
    periods: oldestFirst.map((row) => {
      const given = byAssessment.get(row.a.id) ?? new Map<string, Rating | null>();
      return {
        assessmentId: row.a.id,
        periodLabel: row.a.periodLabel,
        status: row.a.status,
        startedOn: row.a.startedOn,
        ratings: areas.map((area) => areaRating(statementsOfArea(area.key).map((s) => given.get(s.key) ?? null))),
      };
    }),
  };
}
