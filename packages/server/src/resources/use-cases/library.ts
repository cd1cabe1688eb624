/**
 * Reading the library: any member of staff reads their school's library (the trust's shared
 * entries and the school's own), searched by area, audience, kind and words; the trust's curators
 * read the trust's shared entries, those due for review first. Reading records nothing.
 */
import {
  AppError,
  canInSchool,
  londonToday,
  resourceReviewDue,
  type ResourceDetail,
  type ResourceList,
  type ResourceSearch,
} from '@tandem/core';
import type { DbOrTx } from '../../db/client';
import type { AppDeps } from '../../platform/deps';
import { trustIdOfSchool } from '../../platform/directory';
import { inTrust, readInSchool, type SchoolRequest, type TrustRequest } from '../../platform/gate';
import { documentInfos } from '../../platform/documents';
import { areaCounts, matches, resourceOf } from '../resources.mapping';
import { libraryOfSchool, libraryOfTrust, loadResource, type ResourceWithReviewer } from '../resources.queries';

export async function trustOf(db: DbOrTx, schoolId: string): Promise<string> {
  const trustId = await trustIdOfSchool(db, schoolId);
  if (!trustId) throw new AppError('not_found', 'school has no trust');
  return trustId;
}

/** The school's SMHL changes, reviews and withdraws the school's own entries; shared ones are the trust's. */
function mayEdit(at: SchoolRequest, row: ResourceWithReviewer): boolean {
  return row.schoolId === at.schoolId && canInSchool(at.actor, 'resources.manage', at.schoolId);
}

function docIds(rows: readonly ResourceWithReviewer[]): string[] {
  return rows.flatMap((r) => (r.documentId === null ? [] : [r.documentId]));
}

export async function searchLibrary(deps: AppDeps, at: SchoolRequest, search: ResourceSearch): Promise<ResourceList> {
  return readInSchool(deps, at, 'staff.wholeSchool', async ({ db, schoolId, now }) => {
    const all = await libraryOfSchool(db, await trustOf(db, schoolId), schoolId);
    const found = all.filter((r) => matches(r, search));
    const documents = await documentInfos(db, docIds(found));
    const today = londonToday(now);
    return {
      resources: found.map((r) => resourceOf(r, { today, canEdit: mayEdit(at, r), documents })),
      areaCounts: areaCounts(all),
      dueForReview: all.filter((r) => mayEdit(at, r) && resourceReviewDue(r.lastReviewedOn, today)).length,
      canAdd: canInSchool(at.actor, 'resources.manage', schoolId),
    };
  });
}

export async function getLibraryEntry(deps: AppDeps, at: SchoolRequest, resourceId: string): Promise<ResourceDetail> {
  return readInSchool(deps, at, 'staff.wholeSchool', async ({ db, schoolId, now }) => {
    const row = await loadResource(db, { trustId: await trustOf(db, schoolId), schoolId }, resourceId);
    const documents = await documentInfos(db, docIds([row]));
    return { resource: resourceOf(row, { today: londonToday(now), canEdit: mayEdit(at, row), documents }) };
  });
}

/** The trust's shared entries, those due for review first (the oldest review first), then by title. */
export async function trustLibrary(deps: AppDeps, at: TrustRequest): Promise<ResourceList> {
  return inTrust(deps, at, 'trust.curateResources', async (t) => {
    const today = londonToday(t.now);
    const rows = await libraryOfTrust(t.tx, t.trustId);
    const documents = await documentInfos(t.tx, docIds(rows));
    const list = rows.map((r) => resourceOf(r, { today, canEdit: true, documents }));
    const dueFirst = [...list].sort(
      (a, b) =>
        Number(b.reviewDue) - Number(a.reviewDue) ||
        (a.reviewDue ? a.lastReviewedOn.localeCompare(b.lastReviewedOn) : 0) ||
        a.title.localeCompare(b.title),
    );
    const dueForReview = list.filter((r) => r.reviewDue).length;
    return { resources: dueFirst, areaCounts: areaCounts(rows), dueForReview, canAdd: true };
  });
}

export async function trustLibraryEntry(deps: AppDeps, at: TrustRequest, resourceId: string): Promise<ResourceDetail> {
  return inTrust(deps, at, 'trust.curateResources', async (t) => {
    const row = await loadResource(t.tx, { trustId: t.trustId, schoolId: null }, resourceId);
    const documents = await documentInfos(t.tx, docIds([row]));
    return { resource: resourceOf(row, { today: londonToday(t.now), canEdit: true, documents }) };
  });
}
