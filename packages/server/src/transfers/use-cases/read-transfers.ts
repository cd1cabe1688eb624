/**
 * The transfers list (outgoing leavers' files with their due day and status, and files received
 * from pupils' last schools), one transfer, and its next school. records.transfer; the
 * child-protection parts and files are listed to the DSL team only.
 */
import { and, eq } from 'drizzle-orm';
import {
  AppError,
  urnProblem,
  canInSchool,
  londonToday,
  type ChangeDestinationBody,
  type TransferListResponse,
  type TransferResponse,
} from '@tandem/core';
import { pupilTransfers, schoolTerms } from '@tandem/core/schema';
import type { AppDeps } from '../../platform/deps';
import type { DbOrTx } from '../../db/client';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { pupilName } from '../../platform/directory';
import { transferOut } from '../transfers.mapping';
import { filesFor, loadTransfer, receivedOfSchool, transfersOfSchool } from '../transfers.queries';

async function termDatesRecorded(db: DbOrTx, schoolId: string): Promise<boolean> {
  const rows = await db
    .select({ id: schoolTerms.id })
    .from(schoolTerms)
    .where(eq(schoolTerms.schoolId, schoolId))
    .limit(1);
  return rows.length > 0;
}

export async function listTransfers(deps: AppDeps, at: SchoolRequest): Promise<TransferListResponse> {
  return inSchool(deps, at, 'records.transfer', async (s) => {
    const files = filesFor(s.actor, s.schoolId);
    const today = londonToday(s.now);
    const outgoing = (await transfersOfSchool(s.tx, s.schoolId, files)).map((r) => transferOut(r, today));
    const incoming = (await receivedOfSchool(s.tx, s.schoolId, files)).map(({ r, p }) => ({
      id: r.id,
      pupil: { id: p.id, name: pupilName(p) },
      file: r.file,
      fromSchoolName: r.fromSchoolName,
      itemCount: r.itemCount,
      importedAt: r.importedAt.toISOString(),
      receiptSent: r.receiptSentAt !== null,
    }));
    await s.audit({ action: 'transfer.viewed', detail: { parts: outgoing.length + incoming.length } });
    return {
      outgoing,
      incoming,
      termDatesRecorded: await termDatesRecorded(s.tx, s.schoolId),
      seeChildProtection: canInSchool(s.actor, 'safeguarding.read', s.schoolId),
    };
  });
}

export async function readTransfer(deps: AppDeps, at: SchoolRequest, transferId: string): Promise<TransferResponse> {
  return inSchool(deps, at, 'records.transfer', async (s) => {
    const row = await loadTransfer(s.tx, s.schoolId, transferId, filesFor(s.actor, s.schoolId));
    await s.audit(
      { action: 'transfer.viewed', detail: { parts: row.parts.length } },
      { type: 'pupil_transfer', id: transferId },
    );
    return {
      transfer: transferOut(row, londonToday(s.now)),
      termDatesRecorded: await termDatesRecorded(s.tx, s.schoolId),
      seeChildProtection: canInSchool(s.actor, 'safeguarding.read', s.schoolId),
    };
  });
}

export async function changeDestination(
  deps: AppDeps,
  at: SchoolRequest,
  transferId: string,
  body: ChangeDestinationBody,
): Promise<void> {
  await inSchool(deps, at, 'records.transfer', async (s) => {
    await loadTransfer(s.tx, s.schoolId, transferId, filesFor(s.actor, s.schoolId));
    const badUrn = urnProblem(body.destinationUrn);
    if (badUrn) {
      throw new AppError('validation', 'bad urn', {
        userMessage: badUrn,
        fields: [{ path: 'destinationUrn', message: badUrn }],
      });
    }
    await s.tx
      .update(pupilTransfers)
      .set({
        destinationName: body.destinationName,
        destinationUrn: body.destinationUrn,
        destinationUsesTandem: body.usesTandem,
      })
      .where(and(eq(pupilTransfers.id, transferId), eq(pupilTransfers.schoolId, s.schoolId)));
    await s.audit(
      { action: 'transfer.destination_changed', detail: { urnKnown: body.destinationUrn !== null } },
      { type: 'pupil_transfer', id: transferId },
    );
  });
}
