/** Library rows to API answers, the search, and the fields a change touched, in one place. */
import {
  resourceReviewDue,
  type DocumentInfo,
  type Resource,
  type ResourceDetails,
  type ResourceSearch,
} from '@tandem/core';
import type { ResourceRow, ResourceWithReviewer } from './resources.queries';

export function detailsOf(row: ResourceRow): ResourceDetails {
  return {
    title: row.title,
    description: row.description,
    audiences: row.audiences,
    kind: row.kind,
    areas: row.areas,
    url: row.url,
    documentId: row.documentId,
  };
}

export function resourceOf(
  row: ResourceWithReviewer,
  o: { today: string; canEdit: boolean; documents: ReadonlyMap<string, DocumentInfo> },
): Resource {
  return {
    id: row.id,
    scope: row.schoolId === null ? 'trust' : 'school',
    status: row.status,
    version: row.version,
    title: row.title,
    description: row.description,
    audiences: row.audiences,
    kind: row.kind,
    areas: row.areas,
    url: row.url,
    document: row.documentId === null ? null : (o.documents.get(row.documentId) ?? null),
    lastReviewedOn: row.lastReviewedOn,
    lastReviewedByName: row.reviewerName,
    reviewDue: resourceReviewDue(row.lastReviewedOn, o.today),
    canEdit: o.canEdit,
  };
}

/** Whether an entry answers a search: every part given must match; words match title or description. */
export function matches(row: ResourceRow, s: ResourceSearch): boolean {
  if (s.area && !row.areas.includes(s.area)) return false;
  if (s.audience && !row.audiences.includes(s.audience)) return false;
  if (s.kind && row.kind !== s.kind) return false;
  if (s.q) {
    const text = `${row.title} ${row.description}`.toLowerCase();
    if (
      !s.q
        .toLowerCase()
        .split(/\s+/)
        .every((w) => text.includes(w))
    )
      return false;
  }
  return true;
}

/** How many entries serve each area. */
export function areaCounts(rows: readonly ResourceRow[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of rows) for (const a of r.areas) counts[a] = (counts[a] ?? 0) + 1;
  return counts;
}

/** The names of the fields a change touched (for the audit entry: names, never the words). */
export function changedFields(before: ResourceDetails, after: ResourceDetails): string[] {
  return (Object.keys(after) as (keyof ResourceDetails)[]).filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
}
