/**
 * When a pupil leaves (staff record it, or the MIS import marks a leaver), the transfer is set up
 * in the same transaction: due five school days after leaving (the school's term dates), with two
 * parts. The child-protection part is made for every leaver, whatever the record holds: the DSL
 * team either sends the file or records "no child-protection file held", so nobody outside the DSL
 * team can tell from the transfers list whether a child has a child-protection file.
 */
import { addSchoolDays, TRANSFER_DUE_SCHOOL_DAYS } from '@tandem/core';
import { pupilTransfers, transferParts } from '@tandem/core/schema';
import type { PupilLeftHook } from '../platform/registries';
import { schoolCalendar } from '../schools/term-dates.queries';

export const createTransferOnLeaving: PupilLeftHook = async (tx, o) => {
  const calendar = await schoolCalendar(tx, o.schoolId);
  const dueOn = addSchoolDays(o.leftOn, TRANSFER_DUE_SCHOOL_DAYS, calendar);
  const now = new Date();
  const [transfer] = await tx
    .insert(pupilTransfers)
    .values({
      schoolId: o.schoolId,
      pupilId: o.pupilId,
      leftOn: o.leftOn,
      dueOn,
      destinationName: o.destination?.name ?? null,
      destinationUrn: o.destination?.urn ?? null,
      destinationUsesTandem: null,
      createdBy: o.actorUserId,
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: pupilTransfers.id });
  if (!transfer) return;
  await tx.insert(transferParts).values(
    (['child-protection', 'wellbeing'] as const).map((file) => ({
      schoolId: o.schoolId,
      transferId: transfer.id,
      file,
      status: 'to_send' as const,
      updatedAt: now,
    })),
  );
};
