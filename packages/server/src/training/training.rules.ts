/** Checks shared by the use cases that write a training record. */
import { AppError, londonToday } from '@tandem/core';
import type { DbOrTx } from '../db/client';
import { requireDocuments } from '../platform/documents';
import type { TrainingRow } from './training.queries';

/** A real day, not in the future (in England), and not before 1950. */
export function checkCompletedOn(completedOn: string, now: Date): void {
  const parsed = new Date(`${completedOn}T00:00:00Z`);
  const real = !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === completedOn;
  const fail = (message: string) =>
    new AppError('validation', 'bad completion date', {
      userMessage: message,
      fields: [{ path: 'completedOn', message }],
    });
  if (!real) throw fail('Enter the date the training was done as a real date');
  if (completedOn > londonToday(now)) throw fail('The date the training was done must be today or in the past');
  if (completedOn < '1950-01-01') throw fail('The date the training was done must be after 1950');
}

/** The certificate, if one is given, must be a document this school may use. */
export async function checkCertificate(
  db: DbOrTx,
  where: { schoolId: string; trustId: string },
  documentId: string | null,
): Promise<void> {
  if (documentId !== null) await requireDocuments(db, where, [documentId], 'certificateDocumentId');
}

/** A change or confirmation made against an older version is refused, not overwritten. */
export function checkVersion(row: TrainingRow, version: number): void {
  if (row.version !== version) {
    throw new AppError('conflict', 'stale training record', {
      userMessage: 'Someone changed this record while you were looking at it. Load it again to see their change.',
    });
  }
}
