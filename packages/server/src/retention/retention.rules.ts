/**
 * Retention's checks shared by the use cases: who sees child-protection files, the typed name,
 * the review date, gathering counts and destroying through every feature's record source.
 */
import {
  AppError,
  canInSchool,
  destroyTooEarlyProblem,
  londonToday,
  RECORD_CLASSES,
  reviewDate,
  type Actor,
  type RecordClass,
} from '@tandem/core';
import type { DestroyedCounts } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';
import type { AppDeps } from '../platform/deps';
import type { PupilRecordSource } from '../platform/registries';
import { pupilName, type PupilRow } from '../platform/directory';
import { schoolYearsOf } from './retention.queries';

/** The DSL team (safeguarding.read) sees child-protection files; nobody else sees anything of them. */
export function seesChildProtection(actor: Actor, schoolId: string): boolean {
  return canInSchool(actor, 'safeguarding.read', schoolId);
}

export function visibleClasses(actor: Actor, schoolId: string): RecordClass[] {
  const cp = seesChildProtection(actor, schoolId);
  return RECORD_CLASSES.filter((c) => cp || c !== 'child-protection');
}

const squash = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** The pupil's name typed again must match the one shown (or their given and family names). */
export function requireTypedName(pupil: PupilRow, typed: string): void {
  const names = [pupilName(pupil), `${pupil.givenName} ${pupil.familyName}`].map(squash);
  if (!names.includes(squash(typed))) {
    const message = `Type the pupil’s name exactly as shown, ${pupilName(pupil)}, to confirm whose records are destroyed.`;
    throw new AppError('validation', 'typed name does not match', {
      userMessage: message,
      fields: [{ path: 'typedName', message }],
    });
  }
}

/** The pupil's review date for the kind at this school, refused while still inside its period. */
export async function requirePastReview(
  db: DbOrTx,
  schoolId: string,
  pupil: PupilRow,
  recordClass: RecordClass,
  now: Date,
): Promise<string> {
  const years = (await schoolYearsOf(db, schoolId)).get(recordClass) ?? null;
  const review = reviewDate(pupil.dateOfBirth, recordClass, years);
  const problem = destroyTooEarlyProblem(review, londonToday(now));
  if (problem) throw new AppError('bad_request', 'inside retention period', { userMessage: problem });
  return review;
}

function addCounts(into: Map<string, number>, kind: string, count: number): void {
  if (count > 0) into.set(kind, (into.get(kind) ?? 0) + count);
}

const sorted = (m: Map<string, number>): DestroyedCounts =>
  [...m].sort(([a], [b]) => a.localeCompare(b)).map(([kind, count]) => ({ kind, count }));

/** What a pupil holds in one class: how many items of each kind, and when the newest was made. */
export interface ClassHoldings {
  counts: DestroyedCounts;
  newestAt: string | null;
}

/** How many items of each kind a pupil has in each class (gathered from every feature's source). */
export async function countsOfPupil(
  sources: readonly PupilRecordSource[],
  db: DbOrTx,
  q: { schoolId: string; pupilId: string; includeRestricted: boolean },
): Promise<Map<RecordClass, ClassHoldings>> {
  const byClass = new Map<RecordClass, Map<string, number>>(RECORD_CLASSES.map((c) => [c, new Map()]));
  const newest = new Map<RecordClass, string>();
  for (const source of sources) {
    for (const item of await source.records(db, q)) {
      if (item.restricted && !q.includeRestricted) continue;
      if (item.recordClass === 'child-protection' && !q.includeRestricted) continue;
      addCounts(byClass.get(item.recordClass)!, item.kind, 1);
      const at = new Date(item.at).toISOString();
      if ((newest.get(item.recordClass) ?? '') < at) newest.set(item.recordClass, at);
    }
  }
  return new Map([...byClass].map(([c, m]) => [c, { counts: sorted(m), newestAt: newest.get(c) ?? null }]));
}

/** Destroy a pupil's records of one kind through every source, in the caller's transaction. */
export async function destroyThroughSources(
  deps: AppDeps,
  tx: DbOrTx,
  q: { schoolId: string; pupilId: string; recordClass: RecordClass },
): Promise<DestroyedCounts> {
  const total = new Map<string, number>();
  for (const source of deps.registries.pupilRecords) {
    for (const { kind, count } of await source.destroy(tx, q)) addCounts(total, kind, count);
  }
  return sorted(total);
}

export const itemsIn = (counts: DestroyedCounts) => counts.reduce((n, c) => n + c.count, 0);

export const alreadyProposed = () =>
  new AppError('conflict', 'already proposed', {
    userMessage: 'This child-protection file is already proposed for destruction: a second person confirms it.',
  });

/** A unique index refused the row (anywhere in the error's causes). */
export function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err; e instanceof Object; e = (e as { cause?: unknown }).cause) {
    if ('code' in e && (e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}
