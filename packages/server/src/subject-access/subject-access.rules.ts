/**
 * The checks shared by the subject access use cases, and the review: everything held about the
 * pupil from every feature (the `pupilRecords` registry) matched with the decisions made so far.
 */
import {
  AppError,
  canInSchool,
  type Actor,
  type FieldIssue,
  type PupilRecordItem,
  type ReviewItem,
} from '@tandem/core';
import type { DbOrTx } from '../db/client';
import type { AppDeps } from '../platform/deps';
import { decisionsOf, itemKey, type RequestRow } from './subject-access.queries';

/** Refuse with the problems per field, changing nothing. */
export function refuse(fields: readonly FieldIssue[]): void {
  if (fields.length === 0) return;
  throw new AppError('validation', 'subject access input refused', {
    userMessage: fields[0]?.message ?? 'Some answers need correcting.',
    fields: [...fields],
  });
}

/** A sent or closed request is not changed any more. */
export function requireOpen(r: RequestRow): void {
  if (r.closedAt !== null) {
    throw new AppError('conflict', 'request closed', {
      userMessage: 'This request is closed: it can no longer be changed.',
    });
  }
  if (r.sentOn !== null) {
    throw new AppError('conflict', 'request sent', {
      userMessage: 'The response to this request has been sent: it can no longer be changed.',
    });
  }
}

export const IDENTITY_FIRST =
  'Check the requester’s identity first: the review cannot start until their identity is checked.';

/** The review starts only once the requester's identity is checked. */
export function requireIdentity(r: RequestRow): void {
  if (r.identityCheckedOn === null) {
    throw new AppError('conflict', 'identity not checked', { userMessage: IDENTITY_FIRST });
  }
}

/** Whether the reader sees and decides the safeguarding record's items (the DSL team). */
export function decidesRestricted(actor: Actor, schoolId: string): boolean {
  return canInSchool(actor, 'safeguarding.read', schoolId);
}

/** Everything held about the pupil, from every feature, the safeguarding record included. */
export async function gatherItems(deps: AppDeps, db: DbOrTx, schoolId: string, pupilId: string) {
  const all: PupilRecordItem[] = [];
  for (const source of deps.registries.pupilRecords) {
    all.push(...(await source.records(db, { schoolId, pupilId, includeRestricted: true })));
  }
  return all.sort((a, b) => a.at.localeCompare(b.at) || a.kind.localeCompare(b.kind));
}

export interface Review {
  /** What the reader may see: current items, then decided items gone since. */
  items: ReviewItem[];
  /** Every current item, the safeguarding record's included, with its decision if made. */
  all: { item: PupilRecordItem; decision: Awaited<ReturnType<typeof decisionsOf>>[number]['d'] | null }[];
  complete: boolean;
}

export async function buildReview(
  deps: AppDeps,
  db: DbOrTx,
  o: { schoolId: string; request: RequestRow; seeRestricted: boolean },
): Promise<Review> {
  const items = await gatherItems(deps, db, o.schoolId, o.request.pupilId);
  const decisions = await decisionsOf(db, o.schoolId, o.request.id);
  const byKey = new Map(
    decisions.map((x) => [itemKey({ source: x.d.itemSource, kind: x.d.itemKind, id: x.d.itemId }), x]),
  );
  const current = new Set(items.map(itemKey));
  const view = (x: (typeof decisions)[number] | undefined) =>
    x === undefined
      ? null
      : {
          decision: x.d.decision,
          category: x.d.category,
          reason: x.d.reason,
          redactedText: x.d.redactedText,
          decidedByName: x.byName,
          decidedAt: x.d.decidedAt.toISOString(),
        };
  const visible: ReviewItem[] = items
    .filter((i) => o.seeRestricted || !i.restricted)
    .map((i) => ({
      source: i.source,
      kind: i.kind,
      id: i.id,
      at: i.at,
      title: i.title,
      body: i.body,
      recordClass: i.recordClass,
      restricted: i.restricted,
      suggested: i.suggested,
      gone: false,
      decision: view(byKey.get(itemKey(i))),
    }));
  const gone: ReviewItem[] = decisions
    .filter((x) => !current.has(itemKey({ source: x.d.itemSource, kind: x.d.itemKind, id: x.d.itemId })))
    .filter((x) => o.seeRestricted || !x.d.restricted)
    .map((x) => ({
      source: x.d.itemSource,
      kind: x.d.itemKind,
      id: x.d.itemId,
      at: x.d.itemAt.toISOString(),
      title: x.d.itemTitle,
      body: '',
      recordClass: x.d.restricted ? 'child-protection' : 'wellbeing',
      restricted: x.d.restricted,
      suggested: { decision: x.d.decision, reason: '' },
      gone: true,
      decision: view(x),
    }));
  const all = items.map((item) => ({ item, decision: byKey.get(itemKey(item))?.d ?? null }));
  return { items: [...visible, ...gone], all, complete: all.every((x) => x.decision !== null) };
}
