/** The training record's SQL: every query is scoped to one school. */
import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { AppError, type TrainingCourse, type TrainingRecordStatus } from '@tandem/core';
import { trainingRecords, users } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';

export type TrainingRow = typeof trainingRecords.$inferSelect;

/**
 * For each person and named course, their latest confirmed record and their latest record awaiting
 * confirmation (at most two rows each): all a person's standing on a course needs.
 */
export async function latestRecords(db: DbOrTx, schoolId: string, userId?: string) {
  return db
    .selectDistinctOn([trainingRecords.userId, trainingRecords.course, trainingRecords.status], {
      id: trainingRecords.id,
      userId: trainingRecords.userId,
      course: trainingRecords.course,
      status: trainingRecords.status,
      completedOn: trainingRecords.completedOn,
      renewalMonths: trainingRecords.renewalMonths,
    })
    .from(trainingRecords)
    .where(
      and(
        eq(trainingRecords.schoolId, schoolId),
        ne(trainingRecords.course, 'other'),
        userId === undefined ? undefined : eq(trainingRecords.userId, userId),
      ),
    )
    .orderBy(
      asc(trainingRecords.userId),
      asc(trainingRecords.course),
      asc(trainingRecords.status),
      desc(trainingRecords.completedOn),
      desc(trainingRecords.recordedAt),
    );
}

/** Every record of one person in the school, newest first. */
export async function recordsOf(db: DbOrTx, schoolId: string, userId: string) {
  return db
    .select()
    .from(trainingRecords)
    .where(and(eq(trainingRecords.schoolId, schoolId), eq(trainingRecords.userId, userId)))
    .orderBy(desc(trainingRecords.completedOn), desc(trainingRecords.recordedAt));
}

/** One record of the school, or 404. */
export async function loadRecord(db: DbOrTx, schoolId: string, id: string, lock = false): Promise<TrainingRow> {
  const q = db
    .select()
    .from(trainingRecords)
    .where(and(eq(trainingRecords.schoolId, schoolId), eq(trainingRecords.id, id)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new AppError('not_found', 'training record not found');
  return row;
}

/** The names on a record: the person, who recorded it, who confirmed it. */
export async function namesOnRecord(db: DbOrTx, row: TrainingRow) {
  const person = alias(users, 'person');
  const recorder = alias(users, 'recorder');
  const confirmer = alias(users, 'confirmer');
  const [names] = await db
    .select({
      staffName: person.displayName,
      recordedByName: recorder.displayName,
      confirmedByName: confirmer.displayName,
    })
    .from(trainingRecords)
    .innerJoin(person, eq(person.id, trainingRecords.userId))
    .innerJoin(recorder, eq(recorder.id, trainingRecords.recordedBy))
    .leftJoin(confirmer, eq(confirmer.id, trainingRecords.confirmedBy))
    .where(eq(trainingRecords.id, row.id));
  return names ?? { staffName: '', recordedByName: '', confirmedByName: null };
}

/** The record an earlier submission of the same form made, if any. */
export async function findSubmission(db: DbOrTx, schoolId: string, recordedBy: string, key: string) {
  const [row] = await db
    .select()
    .from(trainingRecords)
    .where(
      and(
        eq(trainingRecords.schoolId, schoolId),
        eq(trainingRecords.recordedBy, recordedBy),
        eq(trainingRecords.submissionKey, key),
      ),
    );
  return row ?? null;
}

export interface NewRecord {
  schoolId: string;
  userId: string;
  course: TrainingCourse;
  otherName: string;
  completedOn: string;
  provider: string;
  renewalMonths: number | null;
  certificateDocumentId: string | null;
  notes: string;
  status: TrainingRecordStatus;
  recordedBy: string;
  at: Date;
  submissionKey: string | null;
}

export async function insertRecord(db: DbOrTx, r: NewRecord): Promise<TrainingRow> {
  const confirmed = r.status === 'confirmed';
  const [row] = await db
    .insert(trainingRecords)
    .values({
      schoolId: r.schoolId,
      userId: r.userId,
      course: r.course,
      otherName: r.otherName,
      completedOn: r.completedOn,
      provider: r.provider,
      renewalMonths: r.renewalMonths,
      certificateDocumentId: r.certificateDocumentId,
      notes: r.notes,
      status: r.status,
      recordedBy: r.recordedBy,
      recordedAt: r.at,
      confirmedBy: confirmed ? r.recordedBy : null,
      confirmedAt: confirmed ? r.at : null,
      updatedAt: r.at,
      submissionKey: r.submissionKey,
    })
    .returning();
  if (!row) throw new Error('training record not stored');
  return row;
}

type Changes = Partial<
  Pick<
    TrainingRow,
    | 'course'
    | 'otherName'
    | 'completedOn'
    | 'provider'
    | 'renewalMonths'
    | 'certificateDocumentId'
    | 'notes'
    | 'status'
    | 'confirmedBy'
    | 'confirmedAt'
  >
>;

/** Apply a change and raise the version (the caller has checked the version it started from). */
export async function updateRecord(db: DbOrTx, row: TrainingRow, changes: Changes, at: Date): Promise<number> {
  const version = row.version + 1;
  await db
    .update(trainingRecords)
    .set({ ...changes, version, updatedAt: at })
    .where(and(eq(trainingRecords.schoolId, row.schoolId), eq(trainingRecords.id, row.id)));
  return version;
}

/** Records the staff added themselves, waiting for the lead, oldest training first. */
export async function awaitingRecords(db: DbOrTx, schoolId: string) {
  return db
    .select({
      recordId: trainingRecords.id,
      userId: trainingRecords.userId,
      staffName: users.displayName,
      course: trainingRecords.course,
      otherName: trainingRecords.otherName,
      completedOn: trainingRecords.completedOn,
      provider: trainingRecords.provider,
      version: trainingRecords.version,
    })
    .from(trainingRecords)
    .innerJoin(users, eq(users.id, trainingRecords.userId))
    .where(and(eq(trainingRecords.schoolId, schoolId), eq(trainingRecords.status, 'awaiting_confirmation')))
    .orderBy(asc(trainingRecords.completedOn), sql`${users.displayName}`);
}
