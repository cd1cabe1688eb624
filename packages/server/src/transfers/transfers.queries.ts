/**
 * The transfers feature's SQL: a school's leavers' transfers with their parts, one part with its
 * transfer and pupil (locked for a change), and received files. Every query is scoped to the school.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { AppError, canInSchool, type Actor, type TransferFile } from '@tandem/core';
import { pupils, pupilTransfers, receivedFiles, transferParts } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';
import { checkSchool } from '../platform/gate';

export type TransferRow = typeof pupilTransfers.$inferSelect;
export type PartRow = typeof transferParts.$inferSelect;
export type PupilRow = typeof pupils.$inferSelect;

/** The files this person may handle: the child-protection file only with safeguarding.read too. */
export function filesFor(actor: Actor, schoolId: string): TransferFile[] {
  return canInSchool(actor, 'safeguarding.read', schoolId) ? ['child-protection', 'wellbeing'] : ['wellbeing'];
}

/** The refusal for a child-protection part asked for by someone outside the DSL team. */
export function requireFileAccess(actor: Actor, schoolId: string, file: TransferFile): void {
  if (file === 'child-protection') {
    try {
      checkSchool(actor, schoolId, 'safeguarding.read');
    } catch (err) {
      throw new AppError('forbidden', 'child-protection file needs the DSL team', {
        cause: err,
        userMessage: 'Only the DSL team handles a child-protection file.',
      });
    }
  }
}

export async function transfersOfSchool(db: DbOrTx, schoolId: string, files: readonly TransferFile[]) {
  const rows = await db
    .select({ t: pupilTransfers, p: pupils })
    .from(pupilTransfers)
    .innerJoin(pupils, eq(pupils.id, pupilTransfers.pupilId))
    .where(eq(pupilTransfers.schoolId, schoolId))
    .orderBy(desc(pupilTransfers.leftOn), asc(pupils.familyName))
    .limit(500);
  const parts = rows.length
    ? await db
        .select()
        .from(transferParts)
        .where(
          and(
            eq(transferParts.schoolId, schoolId),
            inArray(
              transferParts.transferId,
              rows.map((r) => r.t.id),
            ),
            inArray(transferParts.file, [...files]),
          ),
        )
    : [];
  return rows.map((r) => ({ ...r, parts: parts.filter((x) => x.transferId === r.t.id) }));
}

export async function loadTransfer(db: DbOrTx, schoolId: string, transferId: string, files: readonly TransferFile[]) {
  const [row] = await db
    .select({ t: pupilTransfers, p: pupils })
    .from(pupilTransfers)
    .innerJoin(pupils, eq(pupils.id, pupilTransfers.pupilId))
    .where(and(eq(pupilTransfers.id, transferId), eq(pupilTransfers.schoolId, schoolId)));
  if (!row) throw new AppError('not_found', 'transfer not found');
  const parts = await db
    .select()
    .from(transferParts)
    .where(
      and(
        eq(transferParts.transferId, transferId),
        eq(transferParts.schoolId, schoolId),
        inArray(transferParts.file, [...files]),
      ),
    )
    .orderBy(asc(transferParts.file));
  return { ...row, parts };
}

/** One part with its transfer and pupil, locked for a change; 404 if not this school's. */
export async function lockPart(tx: DbOrTx, schoolId: string, partId: string) {
  const [row] = await tx
    .select({ part: transferParts, t: pupilTransfers, p: pupils })
    .from(transferParts)
    .innerJoin(pupilTransfers, eq(pupilTransfers.id, transferParts.transferId))
    .innerJoin(pupils, eq(pupils.id, pupilTransfers.pupilId))
    .where(and(eq(transferParts.id, partId), eq(transferParts.schoolId, schoolId)))
    .for('update', { of: transferParts });
  if (!row) throw new AppError('not_found', 'transfer part not found');
  return row;
}

export async function receivedOfSchool(db: DbOrTx, schoolId: string, files: readonly TransferFile[]) {
  return db
    .select({ r: receivedFiles, p: pupils })
    .from(receivedFiles)
    .innerJoin(pupils, eq(pupils.id, receivedFiles.pupilId))
    .where(and(eq(receivedFiles.schoolId, schoolId), inArray(receivedFiles.file, [...files])))
    .orderBy(desc(receivedFiles.importedAt))
    .limit(200);
}

/** Whether a part still waits to be sent (for overdue). */
export function unsent(part: Pick<PartRow, 'status'>): boolean {
  return part.status === 'to_send' || part.status === 'prepared';
}
