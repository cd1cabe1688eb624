/**
 * The two public, session-less routes another Tandem installation calls (rate-limited):
 *  - collect a package with its one-time code: looked up by the code's hash, answered once (the
 *    part is then marked fetched and sent); a child-protection package is handed only to a caller
 *    saying it accepts one (the receiving DSL team), and a package locked to another school's URN
 *    is not handed over at all, so neither mistake uses the package up;
 *  - the confirmation of receipt, with the receipt token the package carried: who, which school,
 *    when, recorded on the sending school's part.
 * Work runs as the system (no actor); each step is audited in the sending school.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { AppError, type ReceiptBody, type TransferFile } from '@tandem/core';
import { pupilTransfers, schools, transferParts } from '@tandem/core/schema';
import type { AppDeps } from '../../platform/deps';
import { asSystem } from '../../platform/gate';
import { codeHash, sha256Hex } from '../transfers.crypto';

const NOT_FOUND = 'No package is waiting for this code. It may have been collected already, or the code is mistyped.';

export async function fetchPackage(
  deps: AppDeps,
  o: { code: string; accepts: readonly TransferFile[]; receivingUrn: string | null },
): Promise<Buffer> {
  return asSystem(deps, async (s) => {
    const [row] = await s.tx
      .select({ part: transferParts, destinationUrn: pupilTransfers.destinationUrn, trustId: schools.trustId })
      .from(transferParts)
      .innerJoin(pupilTransfers, eq(pupilTransfers.id, transferParts.transferId))
      .innerJoin(schools, eq(schools.id, transferParts.schoolId))
      .where(and(eq(transferParts.codeHash, codeHash(o.code)), isNull(transferParts.fetchedAt)))
      .for('update', { of: transferParts });
    if (!row?.part.package) throw new AppError('not_found', 'no package for code', { userMessage: NOT_FOUND });
    if (!o.accepts.includes(row.part.file)) {
      throw new AppError('forbidden', 'cp package needs dsl', {
        userMessage: 'This code is for a child-protection file: only the DSL team can collect it.',
      });
    }
    if (row.destinationUrn && o.receivingUrn && row.destinationUrn !== o.receivingUrn) {
      throw new AppError('forbidden', 'package for another school', {
        userMessage: 'This package is for another school (its URN is not yours). Nothing has been collected.',
      });
    }
    await s.tx
      .update(transferParts)
      .set({
        fetchedAt: s.now,
        sentAt: row.part.sentAt ?? s.now,
        sentHow: 'tandem_fetch',
        status: row.part.status === 'received' ? 'received' : 'sent',
        updatedAt: s.now,
      })
      .where(eq(transferParts.id, row.part.id));
    await s.audit(
      { action: 'transfer.package_fetched', detail: { partId: row.part.id, file: row.part.file } },
      {
        trustId: row.trustId,
        schoolId: row.part.schoolId,
        subject: { type: 'pupil_transfer', id: row.part.transferId },
      },
    );
    return row.part.package;
  });
}

export async function receiveReceipt(deps: AppDeps, body: ReceiptBody): Promise<void> {
  await asSystem(deps, async (s) => {
    const [row] = await s.tx
      .select({ part: transferParts, trustId: schools.trustId })
      .from(transferParts)
      .innerJoin(schools, eq(schools.id, transferParts.schoolId))
      .where(eq(transferParts.receiptTokenHash, sha256Hex(body.receiptToken)))
      .for('update', { of: transferParts });
    if (!row) throw new AppError('not_found', 'no part for receipt token');
    if (row.part.status === 'received') return;
    await s.tx
      .update(transferParts)
      .set({
        status: 'received',
        sentAt: row.part.sentAt ?? s.now,
        receivedAt: s.now,
        receiptBy: body.receivedBy,
        receiptSchool: body.receivingUrn ? `${body.receivingSchool} (URN ${body.receivingUrn})` : body.receivingSchool,
        receiptHow: 'tandem',
        package: null,
        codeHash: null,
        updatedAt: s.now,
      })
      .where(eq(transferParts.id, row.part.id));
    await s.audit(
      { action: 'transfer.receipt_recorded', detail: { partId: row.part.id, how: 'tandem' } },
      {
        trustId: row.trustId,
        schoolId: row.part.schoolId,
        subject: { type: 'pupil_transfer', id: row.part.transferId },
      },
    );
  });
}
