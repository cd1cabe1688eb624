/**
 * Keeping entries: the school's Senior Mental Health Lead keeps the school's own, the trust's
 * curators (trust administrator, trust lead) the shared ones. Each may add an entry, change it (a
 * change made meanwhile is refused, not overwritten), mark it reviewed ("still right"), or withdraw
 * it (kept, no longer in the library). A school can read the trust's entries but not change them.
 */
import { AppError, linkOrDocumentProblem, londonToday, type ResourceInput } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import {
  inSchool,
  inTrust,
  type SchoolRequest,
  type SchoolWork,
  type TrustRequest,
  type TrustWork,
} from '../../platform/gate';
import { requireDocuments } from '../../platform/documents';
import { changedFields, detailsOf } from '../resources.mapping';
import {
  insertResource,
  loadResource,
  markReviewed,
  markWithdrawn,
  updateResource,
  type ResourceRow,
} from '../resources.queries';

type Work = Pick<SchoolWork, 'tx' | 'actor' | 'now' | 'audit'> | Pick<TrustWork, 'tx' | 'actor' | 'now' | 'audit'>;
interface Where {
  trustId: string;
  /** null for the trust's shared entries. */
  schoolId: string | null;
}

function fresh(row: ResourceRow, version: number): void {
  if (row.version !== version) {
    throw new AppError('conflict', 'stale resource', {
      userMessage: 'Someone changed this entry while you were looking at it. Load it again to see their change.',
    });
  }
}

/** A web address or a document: the API's schema leaves this to the server, after the permission. */
function requireLinkOrDocument(input: ResourceInput): void {
  const problem = linkOrDocumentProblem(input);
  if (problem !== null)
    throw new AppError('validation', 'no link or document', { userMessage: problem.message, fields: [problem] });
}

async function add(w: Work, where: Where, input: ResourceInput) {
  requireLinkOrDocument(input);
  if (input.documentId !== null) await requireDocuments(w.tx, where, [input.documentId], 'documentId');
  const row = await insertResource(w.tx, {
    ...where,
    details: input,
    reviewedOn: londonToday(w.now),
    by: w.actor.userId,
    at: w.now,
  });
  await w.audit(
    { action: 'resource.added', detail: { scope: where.schoolId === null ? 'trust' : 'school' } },
    { type: 'resource', id: row.id },
  );
  return { id: row.id };
}

/** Loads the entry for a keeper: a school's SMHL meeting a shared entry is refused (403). */
async function loadToKeep(w: Work, where: Where, resourceId: string) {
  const row = await loadResource(w.tx, where, resourceId, true);
  if (row.schoolId !== where.schoolId) throw new AppError('forbidden', 'shared entries are the trust’s');
  return row;
}

async function change(w: Work, where: Where, resourceId: string, body: { details: ResourceInput; version: number }) {
  const row = await loadToKeep(w, where, resourceId);
  fresh(row, body.version);
  requireLinkOrDocument(body.details);
  const { documentId } = body.details;
  if (documentId !== null && documentId !== row.documentId)
    await requireDocuments(w.tx, where, [documentId], 'documentId');
  const fields = changedFields(detailsOf(row), body.details);
  const version = await updateResource(w.tx, row, {
    details: body.details,
    reviewedOn: londonToday(w.now),
    by: w.actor.userId,
    at: w.now,
  });
  await w.audit({ action: 'resource.changed', detail: { version, fields } }, { type: 'resource', id: row.id });
  return { id: row.id, version };
}

async function review(w: Work, where: Where, resourceId: string) {
  const row = await loadToKeep(w, where, resourceId);
  await markReviewed(w.tx, row.id, { on: londonToday(w.now), by: w.actor.userId, at: w.now });
  await w.audit({ action: 'resource.reviewed', detail: {} }, { type: 'resource', id: row.id });
  return { ok: true as const };
}

async function withdraw(w: Work, where: Where, resourceId: string, version: number) {
  const row = await loadToKeep(w, where, resourceId);
  fresh(row, version);
  await markWithdrawn(w.tx, row, w.now);
  await w.audit({ action: 'resource.withdrawn', detail: {} }, { type: 'resource', id: row.id });
  return { ok: true as const };
}

const atSchool = (s: SchoolWork): Where => ({ trustId: s.trustId, schoolId: s.schoolId });
const atTrust = (t: TrustWork): Where => ({ trustId: t.trustId, schoolId: null });

/** The school's SMHL adds one of the school's own entries. */
export function addSchoolResource(deps: AppDeps, at: SchoolRequest, input: ResourceInput) {
  return inSchool(deps, at, 'resources.manage', (s) => add(s, atSchool(s), input));
}

export function changeSchoolResource(
  deps: AppDeps,
  at: SchoolRequest,
  resourceId: string,
  body: { details: ResourceInput; version: number },
) {
  return inSchool(deps, at, 'resources.manage', (s) => change(s, atSchool(s), resourceId, body));
}

export function reviewSchoolResource(deps: AppDeps, at: SchoolRequest, resourceId: string) {
  return inSchool(deps, at, 'resources.manage', (s) => review(s, atSchool(s), resourceId));
}

export function withdrawSchoolResource(deps: AppDeps, at: SchoolRequest, resourceId: string, version: number) {
  return inSchool(deps, at, 'resources.manage', (s) => withdraw(s, atSchool(s), resourceId, version));
}

/** The trust's curators add a shared entry, seen by every school of the trust. */
export function addTrustResource(deps: AppDeps, at: TrustRequest, input: ResourceInput) {
  return inTrust(deps, at, 'trust.curateResources', (t) => add(t, atTrust(t), input));
}

export function changeTrustResource(
  deps: AppDeps,
  at: TrustRequest,
  resourceId: string,
  body: { details: ResourceInput; version: number },
) {
  return inTrust(deps, at, 'trust.curateResources', (t) => change(t, atTrust(t), resourceId, body));
}

export function reviewTrustResource(deps: AppDeps, at: TrustRequest, resourceId: string) {
  return inTrust(deps, at, 'trust.curateResources', (t) => review(t, atTrust(t), resourceId));
}

export function withdrawTrustResource(deps: AppDeps, at: TrustRequest, resourceId: string, version: number) {
  return inTrust(deps, at, 'trust.curateResources', (t) => withdraw(t, atTrust(t), resourceId, version));
}
