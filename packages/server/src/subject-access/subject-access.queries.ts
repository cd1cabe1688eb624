/** The subject access feature's SQL, each query scoped to the school. */
import { and, asc, desc, eq } from 'drizzle-orm';
import { AppError } from '@tandem/core';
import { contacts, pupils, subjectAccessDecisions, subjectAccessRequests, users } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';

export type RequestRow = typeof subjectAccessRequests.$inferSelect;
export type DecisionRow = typeof subjectAccessDecisions.$inferSelect;
export type PupilRow = typeof pupils.$inferSelect;

/** Every request of the school with its pupil, newest received first. */
export async function requestsOf(db: DbOrTx, schoolId: string) {
  return db
    .select({ r: subjectAccessRequests, p: pupils })
    .from(subjectAccessRequests)
    .innerJoin(pupils, eq(pupils.id, subjectAccessRequests.pupilId))
    .where(eq(subjectAccessRequests.schoolId, schoolId))
    .orderBy(desc(subjectAccessRequests.receivedOn), desc(subjectAccessRequests.createdAt));
}

/** One request with its pupil and who recorded it, or 404 as if it did not exist. */
export async function requestIn(db: DbOrTx, schoolId: string, requestId: string, lock = false) {
  const q = db
    .select({ r: subjectAccessRequests, p: pupils, recordedByName: users.displayName })
    .from(subjectAccessRequests)
    .innerJoin(pupils, eq(pupils.id, subjectAccessRequests.pupilId))
    .innerJoin(users, eq(users.id, subjectAccessRequests.createdBy))
    .where(and(eq(subjectAccessRequests.schoolId, schoolId), eq(subjectAccessRequests.id, requestId)));
  const [row] = lock ? await q.for('update', { of: subjectAccessRequests }) : await q;
  if (!row) throw new AppError('not_found', 'subject access request not found');
  return row;
}

export async function updateRequest(db: DbOrTx, id: string, patch: Partial<RequestRow>): Promise<void> {
  await db.update(subjectAccessRequests).set(patch).where(eq(subjectAccessRequests.id, id));
}

/** The decisions of a request, with who made each. */
export async function decisionsOf(db: DbOrTx, schoolId: string, requestId: string) {
  return db
    .select({ d: subjectAccessDecisions, byName: users.displayName })
    .from(subjectAccessDecisions)
    .innerJoin(users, eq(users.id, subjectAccessDecisions.decidedBy))
    .where(and(eq(subjectAccessDecisions.schoolId, schoolId), eq(subjectAccessDecisions.requestId, requestId)))
    .orderBy(asc(subjectAccessDecisions.itemAt));
}

/** The pupil's contacts a request may come from (parents and carers on record). */
export async function contactsOf(db: DbOrTx, schoolId: string, pupilId: string) {
  return db
    .select()
    .from(contacts)
    .where(and(eq(contacts.schoolId, schoolId), eq(contacts.pupilId, pupilId)))
    .orderBy(asc(contacts.priority), asc(contacts.name));
}

export function itemKey(x: { source: string; kind: string; id: string }): string {
  return `${x.source}\u0000${x.kind}\u0000${x.id}`;
}
