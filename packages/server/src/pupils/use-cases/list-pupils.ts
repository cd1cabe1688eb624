import { AppError, canInSchool, type PupilListQuery } from '@tandem/core';
import { pupils } from '@tandem/core/schema';
import { caseScopeSql, caseScopesOf } from '../../platform/case-access';
import type { AppDeps } from '../../platform/deps';
import { readInSchool, type SchoolRead, type SchoolRequest } from '../../platform/gate';
import { toListItem } from '../pupils.mapping';
import { listPupilsPage } from '../pupils.queries';

/**
 * A page of the pupil list as this reader may see it. Case roles see the level of pupils within
 * their scope (caseload, year groups, SEND register or whole school) and may filter by level and
 * characteristics among those pupils; other staff see the level only of pupils they teach.
 */
export async function pupilListFor(r: SchoolRead, q: PupilListQuery) {
  const canSeeCase = canInSchool(r.actor, 'pupil.readCase', r.schoolId);
  if (!canSeeCase && (q.level || q.characteristic)) {
    throw new AppError('forbidden', 'case filter without case role', {
      userMessage: 'Only staff who work on pupils’ cases can filter by level or characteristic.',
    });
  }
  // Need-to-know by caseload: a case role sees levels, and filters by them, only within its scope.
  const scopes = canSeeCase ? await caseScopesOf(r.db, r.actor, r.schoolId) : [];
  const scope = caseScopeSql(scopes, r.actor.userId, r.schoolId, pupils.id);
  const page = await listPupilsPage(r.db, r.schoolId, q, r.actor.userId, scope, Boolean(q.level || q.characteristic));
  return {
    pupils: page.rows.map((p) => toListItem(p)),
    total: page.total,
    nextAfter: page.nextAfter,
    canSeeCase,
  };
}

/** The pupil list, keyset-paged, for any member of staff. */
export async function listPupils(deps: AppDeps, request: Omit<SchoolRequest, 'ip'>, q: PupilListQuery) {
  return readInSchool(deps, request, 'pupil.readList', (r) => pupilListFor(r, q));
}
