/**
 * Sending one part of a leaver's transfer: prepare the encrypted package (the one-time code shown
 * once), download it to send by the school's secure means, print the file as PDF for a school
 * without Tandem, record it sent, record the next school's confirmation of receipt, or (the
 * child-protection part) record that no child-protection file is held. records.transfer; the
 * child-protection part only with safeguarding.read as well. Every step is audited.
 */
import { and, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import {
  AppError,
  TRANSFER_PACKAGE_FORMAT,
  type MarkTransferSentBody,
  type PreparedPackageResponse,
  type PupilRecordItem,
  type RecordReceiptBody,
  type TransferPackageContent,
} from '@tandem/core';
import { schools, transferParts } from '@tandem/core/schema';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest, type SchoolWork } from '../../platform/gate';
import { pupilName } from '../../platform/directory';
import { codeHash, encryptPackage, newOneTimeCode, newReceiptToken, sha256Hex } from '../transfers.crypto';
import { lockPart, requireFileAccess, type PartRow } from '../transfers.queries';
import { transferPdf } from '../transfers.pdf';

/** The part, locked, after the DSL-team check for a child-protection part. */
async function part(s: SchoolWork, partId: string) {
  const row = await lockPart(s.tx, s.schoolId, partId);
  requireFileAccess(s.actor, s.schoolId, row.part.file);
  return row;
}

function refuseIfClosed(p: PartRow): void {
  if (p.status === 'received' || p.status === 'none_held') {
    throw new AppError('conflict', `part ${p.status}`, {
      userMessage:
        p.status === 'received'
          ? 'The next school has already confirmed receipt of this file.'
          : 'This part is recorded as “no child-protection file held”.',
    });
  }
}

/** The items a file carries: the child-protection file only the restricted items, the wellbeing file only the others. */
export async function itemsOf(
  deps: AppDeps,
  s: SchoolWork,
  pupilId: string,
  file: PartRow['file'],
): Promise<PupilRecordItem[]> {
  const cp = file === 'child-protection';
  const items: PupilRecordItem[] = [];
  for (const source of deps.registries.pupilRecords) {
    const got = await source.records(s.tx, { schoolId: s.schoolId, pupilId, includeRestricted: cp });
    items.push(...got.filter((i) => i.restricted === cp));
  }
  return items.sort((a, b) => a.at.localeCompare(b.at));
}

/** A child-protection file with nothing in it is not sent: the DSL marks the part "none held" instead. */
function refuseEmptyChildProtection(file: PartRow['file'], items: readonly PupilRecordItem[]): void {
  if (file === 'child-protection' && items.length === 0) {
    throw new AppError('validation', 'empty child-protection file', {
      userMessage:
        'Nothing is held in this pupil’s safeguarding record, so there is no child-protection file to send. Mark the part “No child-protection file held” instead.',
    });
  }
}

export async function preparePackage(
  deps: AppDeps,
  at: SchoolRequest,
  partId: string,
): Promise<PreparedPackageResponse> {
  return inSchool(deps, at, 'records.transfer', async (s) => {
    const { part: p, t, p: pupil } = await part(s, partId);
    refuseIfClosed(p);
    if (!t.destinationUrn) {
      throw new AppError('validation', 'destination urn needed', {
        userMessage:
          'Record the next school’s URN first: the package can only be opened by that school. For a school without Tandem, print the file as PDF instead.',
      });
    }
    const [school] = await s.tx.select().from(schools).where(eq(schools.id, s.schoolId));
    const items = await itemsOf(deps, s, pupil.id, p.file);
    refuseEmptyChildProtection(p.file, items);
    const code = newOneTimeCode();
    const receiptToken = newReceiptToken();
    const address = deps.config.publicUrl;
    const content: TransferPackageContent = {
      format: TRANSFER_PACKAGE_FORMAT,
      packageId: randomUUID(),
      preparedAt: s.now.toISOString(),
      from: { name: school!.name, urn: school!.urn, address },
      toUrn: t.destinationUrn,
      pupil: {
        upn: pupil.upn,
        givenName: pupil.givenName,
        familyName: pupil.familyName,
        preferredName: pupil.preferredName,
        dateOfBirth: pupil.dateOfBirth,
      },
      file: p.file,
      items,
      receiptToken,
    };
    const bytes = await encryptPackage(content, code);
    await s.tx
      .update(transferParts)
      .set({
        status: p.status === 'sent' ? 'sent' : 'prepared',
        codeHash: codeHash(code),
        package: bytes,
        receiptTokenHash: sha256Hex(receiptToken),
        items: items.length,
        preparedAt: s.now,
        preparedBy: s.actor.userId,
        fetchedAt: null,
        updatedAt: s.now,
      })
      .where(eq(transferParts.id, p.id));
    await s.audit(
      { action: 'transfer.package_prepared', detail: { partId: p.id, file: p.file, items: items.length } },
      { type: 'pupil_transfer', id: t.id },
    );
    return { code, items: items.length, address };
  });
}

export async function downloadPackage(
  deps: AppDeps,
  at: SchoolRequest,
  partId: string,
): Promise<{ bytes: Buffer; filename: string }> {
  return inSchool(deps, at, 'records.transfer', async (s) => {
    const { part: p, t } = await part(s, partId);
    if (!p.package) {
      throw new AppError('conflict', 'no package', { userMessage: 'Prepare the package first.' });
    }
    await s.tx
      .update(transferParts)
      .set({
        downloadedAt: s.now,
        sentAt: p.sentAt ?? s.now,
        status: p.status === 'prepared' ? 'sent' : p.status,
        updatedAt: s.now,
      })
      .where(eq(transferParts.id, p.id));
    await s.audit(
      { action: 'transfer.package_downloaded', detail: { partId: p.id, file: p.file } },
      { type: 'pupil_transfer', id: t.id },
    );
    return { bytes: p.package, filename: `${p.file}-file-${t.leftOn}.age` };
  });
}

export async function printPart(deps: AppDeps, at: SchoolRequest, partId: string): Promise<Buffer> {
  return inSchool(deps, at, 'records.transfer', async (s) => {
    const { part: p, t, p: pupil } = await part(s, partId);
    const [school] = await s.tx.select().from(schools).where(eq(schools.id, s.schoolId));
    const items = await itemsOf(deps, s, pupil.id, p.file);
    refuseEmptyChildProtection(p.file, items);
    await s.audit(
      { action: 'transfer.pdf_printed', detail: { partId: p.id, file: p.file, items: items.length } },
      { type: 'pupil_transfer', id: t.id },
    );
    return transferPdf({
      file: p.file,
      school: { name: school!.name, urn: school!.urn },
      to: t.destinationName,
      pupil: { name: pupilName(pupil), upn: pupil.upn, dateOfBirth: pupil.dateOfBirth },
      leftOn: t.leftOn,
      items,
      printedAt: s.now,
      printedBy: s.actor.displayName,
    });
  });
}

export async function markSent(
  deps: AppDeps,
  at: SchoolRequest,
  partId: string,
  body: MarkTransferSentBody,
): Promise<void> {
  await inSchool(deps, at, 'records.transfer', async (s) => {
    const { part: p, t } = await part(s, partId);
    refuseIfClosed(p);
    await s.tx
      .update(transferParts)
      .set({ status: 'sent', sentAt: p.sentAt ?? s.now, sentHow: body.how, updatedAt: s.now })
      .where(eq(transferParts.id, p.id));
    await s.audit(
      { action: 'transfer.marked_sent', detail: { partId: p.id, how: body.how } },
      { type: 'pupil_transfer', id: t.id },
    );
  });
}

export async function recordReceipt(
  deps: AppDeps,
  at: SchoolRequest,
  partId: string,
  body: RecordReceiptBody,
): Promise<void> {
  await inSchool(deps, at, 'records.transfer', async (s) => {
    const { part: p, t } = await part(s, partId);
    refuseIfClosed(p);
    if (body.receivedOn < t.leftOn || body.receivedOn > s.now.toISOString().slice(0, 10)) {
      const message = 'The day of receipt must be between the day the pupil left and today';
      throw new AppError('validation', 'receipt day', {
        userMessage: message,
        fields: [{ path: 'receivedOn', message }],
      });
    }
    await s.tx
      .update(transferParts)
      .set({
        status: 'received',
        sentAt: p.sentAt ?? s.now,
        receivedAt: new Date(`${body.receivedOn}T12:00:00Z`),
        receiptBy: body.receiptBy,
        receiptSchool: body.receiptSchool,
        receiptHow: body.how,
        receiptRecordedBy: s.actor.userId,
        package: null,
        codeHash: null,
        updatedAt: s.now,
      })
      .where(eq(transferParts.id, p.id));
    await s.audit(
      { action: 'transfer.receipt_recorded', detail: { partId: p.id, how: body.how } },
      { type: 'pupil_transfer', id: t.id },
    );
  });
}

export async function recordNoneHeld(deps: AppDeps, at: SchoolRequest, partId: string): Promise<void> {
  await inSchool(deps, at, ['records.transfer'], async (s) => {
    const { part: p, t } = await part(s, partId);
    if (p.file !== 'child-protection') {
      throw new AppError('bad_request', 'none held is for cp only', {
        userMessage: 'Only the child-protection part can be recorded as “no file held”.',
      });
    }
    refuseIfClosed(p);
    await s.tx
      .update(transferParts)
      .set({ status: 'none_held', noneHeldBy: s.actor.userId, package: null, codeHash: null, updatedAt: s.now })
      .where(and(eq(transferParts.id, p.id), eq(transferParts.schoolId, s.schoolId)));
    await s.audit({ action: 'transfer.none_held', detail: { partId: p.id } }, { type: 'pupil_transfer', id: t.id });
  });
}
