/**
 * Transfers in a pupil's chronology: each file sent to the next school, and each file received from
 * the last one. The child-protection file's entries are in the restricted record: loaded only for
 * the DSL team.
 */
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { TRANSFER_FILE_LABELS, type ChronologyEntry, type TransferFile } from '@tandem/core';
import { pupilTransfers, receivedFiles, transferParts, users } from '@tandem/core/schema';
import type { ChronologySource } from '../platform/registries';

export const transferChronology: ChronologySource = {
  name: 'transfers',
  kindOrder: { transfer_file_received: 1, transfer_file_sent: 2 },
  async entries(db, { schoolId, pupilId, seeRestricted }) {
    const files: TransferFile[] = seeRestricted ? ['child-protection', 'wellbeing'] : ['wellbeing'];
    const entries: ChronologyEntry[] = [];
    const received = await db
      .select({ r: receivedFiles, by: users.displayName })
      .from(receivedFiles)
      .innerJoin(users, eq(users.id, receivedFiles.importedBy))
      .where(
        and(
          eq(receivedFiles.schoolId, schoolId),
          eq(receivedFiles.pupilId, pupilId),
          inArray(receivedFiles.file, files),
        ),
      );
    for (const { r, by } of received) {
      entries.push({
        id: `received-${r.id}`,
        kind: 'transfer_file_received',
        at: r.importedAt.toISOString(),
        title: `${TRANSFER_FILE_LABELS[r.file]} received from ${r.fromSchoolName}`,
        detail: `${r.itemCount} ${r.itemCount === 1 ? 'item' : 'items'}`,
        byName: by,
        ...(r.restricted ? { restricted: true } : {}),
      });
    }
    const sent = await db
      .select({ part: transferParts, t: pupilTransfers })
      .from(transferParts)
      .innerJoin(pupilTransfers, eq(pupilTransfers.id, transferParts.transferId))
      .where(
        and(
          eq(transferParts.schoolId, schoolId),
          eq(pupilTransfers.pupilId, pupilId),
          inArray(transferParts.file, files),
          isNotNull(transferParts.sentAt),
        ),
      );
    for (const { part, t } of sent) {
      const received = part.receivedAt ? `; receipt confirmed by ${part.receiptBy ?? 'the next school'}` : '';
      entries.push({
        id: `sent-${part.id}`,
        kind: 'transfer_file_sent',
        at: part.sentAt!.toISOString(),
        title: `${TRANSFER_FILE_LABELS[part.file]} sent to ${t.destinationName ?? 'the next school'}`,
        detail: `${part.items ?? 0} items${received}`,
        byName: null,
        ...(part.file === 'child-protection' ? { restricted: true } : {}),
      });
    }
    return entries;
  },
};
