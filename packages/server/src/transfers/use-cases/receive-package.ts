/**
 * The receiving school: open a package (uploaded with its code, or collected from the sending
 * installation with the code), see which pupil, which file and how many items, then import it into
 * the matching pupil (by UPN, or the one chosen) as a received file: the child-protection file into
 * the restricted record (DSL team only), the wellbeing file readable by case roles. Then the
 * confirmation of receipt goes back to the sender (retried by a due job if it cannot be reached).
 * A wrong code or a package for another school is refused with a clear message, and nothing changes.
 */
import { and, eq, lt } from 'drizzle-orm';
import {
  AppError,
  canInSchool,
  MAX_TRANSFER_PACKAGE_BYTES,
  transferPackageContent,
  type ImportPackageBody,
  type OpenPackageBody,
  type PackagePreviewResponse,
  type ReceivedFileResponse,
  type TransferPackageContent,
} from '@tandem/core';
import { pupils, receivedFiles, schools, transferPreviews } from '@tandem/core/schema';
import type { AppDeps } from '../../platform/deps';
import { checkSchool, inSchool, type SchoolRequest } from '../../platform/gate';
import { pupilName } from '../../platform/directory';
import { requireCaseAccess } from '../../platform/case-access';
import { decryptPackage } from '../transfers.crypto';
import { installationUrl, postToInstallation } from '../transfers.remote';
import { filesFor, requireFileAccess } from '../transfers.queries';
import { sendReceipt } from './send-receipt';

/** An opened package not imported within this many hours is deleted (by the due job, and on opening). */
export const PREVIEW_HOURS = 24;

async function schoolUrn(deps: AppDeps, schoolId: string): Promise<string | null> {
  const [s] = await deps.database.db.select({ urn: schools.urn }).from(schools).where(eq(schools.id, schoolId));
  return s?.urn ?? null;
}

async function refuse(deps: AppDeps, at: SchoolRequest, reason: 'wrong_code' | 'other_school' | 'not_a_package') {
  // The refusal is audited on its own: the transaction that refused changes nothing.
  await inSchool(deps, at, 'records.transfer', (s) =>
    s.audit({ action: 'transfer.package_refused', detail: { reason } }),
  );
}

async function packageBytes(
  deps: AppDeps,
  at: SchoolRequest,
  body: OpenPackageBody,
  urn: string | null,
): Promise<Buffer> {
  if ('packageBase64' in body) {
    const bytes = Buffer.from(body.packageBase64, 'base64');
    if (bytes.length > MAX_TRANSFER_PACKAGE_BYTES) {
      throw new AppError('payload_too_large', 'package too large', {
        userMessage: 'This file is too large to be a transfer package.',
      });
    }
    return bytes;
  }
  const base = installationUrl(body.address, deps.config.transferAllowHttp);
  let answer: Awaited<ReturnType<typeof postToInstallation>>;
  try {
    answer = await postToInstallation(base, '/api/transfers/fetch', {
      code: body.code,
      accepts: filesFor(at.actor, at.schoolId),
      receivingUrn: urn,
    });
  } catch {
    throw new AppError('bad_request', 'sender unreachable', {
      userMessage:
        'The sending school’s Tandem could not be reached at that address. Check the address, or ask them to send the package file instead.',
    });
  }
  if (answer.status !== 200) {
    let message = 'The sending school’s Tandem did not hand over a package for this code.';
    try {
      const parsed = JSON.parse(answer.bytes.toString('utf8')) as { message?: string; error?: { message?: string } };
      message = parsed.error?.message ?? parsed.message ?? message;
    } catch {
      // keep the general message
    }
    if (answer.status === 404) await refuse(deps, at, 'wrong_code');
    throw new AppError(answer.status === 403 ? 'forbidden' : 'bad_request', 'sender refused', { userMessage: message });
  }
  return answer.bytes;
}

export async function openPackage(
  deps: AppDeps,
  at: SchoolRequest,
  body: OpenPackageBody,
): Promise<PackagePreviewResponse> {
  checkSchool(at.actor, at.schoolId, 'records.transfer');
  const urn = await schoolUrn(deps, at.schoolId);
  const bytes = await packageBytes(deps, at, body, urn);
  let content: TransferPackageContent;
  try {
    const parsed = transferPackageContent.safeParse(await decryptPackage(bytes, body.code));
    if (!parsed.success) {
      throw new AppError('bad_request', 'package shape', {
        userMessage:
          'This package was made by a version of Tandem this one cannot read. Ask the sending school to print the file instead.',
      });
    }
    content = parsed.data;
  } catch (err) {
    if (err instanceof AppError) await refuse(deps, at, err.message === 'wrong code' ? 'wrong_code' : 'not_a_package');
    throw err;
  }
  if (content.toUrn !== null && content.toUrn !== urn) {
    await refuse(deps, at, 'other_school');
    throw new AppError('forbidden', 'package for another school', {
      userMessage: `This package is for another school (URN ${content.toUrn}), not this one. Nothing has been imported: tell the sending school.`,
    });
  }
  requireFileAccess(at.actor, at.schoolId, content.file);
  return inSchool(deps, at, 'records.transfer', async (s) => {
    await s.tx
      .delete(transferPreviews)
      .where(lt(transferPreviews.createdAt, new Date(s.now.getTime() - PREVIEW_HOURS * 3600_000)));
    const [row] = await s.tx
      .insert(transferPreviews)
      .values({ schoolId: s.schoolId, openedBy: s.actor.userId, content, createdAt: s.now })
      .returning({ id: transferPreviews.id });
    const [match] = await s.tx
      .select()
      .from(pupils)
      .where(and(eq(pupils.schoolId, s.schoolId), eq(pupils.upn, content.pupil.upn)));
    await s.audit({ action: 'transfer.package_opened', detail: { file: content.file, items: content.items.length } });
    const p = content.pupil;
    return {
      previewId: row!.id,
      file: content.file,
      fromSchool: content.from.name,
      fromUrn: content.from.urn,
      pupil: { upn: p.upn, name: pupilName(p), dateOfBirth: p.dateOfBirth },
      itemCount: content.items.length,
      match: match ? { id: match.id, name: pupilName(match) } : null,
    };
  });
}

export async function importPackage(
  deps: AppDeps,
  at: SchoolRequest,
  body: ImportPackageBody,
): Promise<{ id: string; receiptSent: boolean }> {
  const id = await inSchool(deps, at, 'records.transfer', async (s) => {
    const [preview] = await s.tx
      .select()
      .from(transferPreviews)
      .where(
        and(
          eq(transferPreviews.id, body.previewId),
          eq(transferPreviews.schoolId, s.schoolId),
          eq(transferPreviews.openedBy, s.actor.userId),
        ),
      );
    if (!preview) {
      throw new AppError('not_found', 'preview not found', {
        userMessage: 'This package is no longer open. Open it again with its code.',
      });
    }
    const content = transferPackageContent.parse(preview.content);
    requireFileAccess(s.actor, s.schoolId, content.file);
    await requireCaseAccess(s.tx, s.actor, s.schoolId, body.pupilId);
    const [existing] = await s.tx
      .select({ id: receivedFiles.id })
      .from(receivedFiles)
      .where(and(eq(receivedFiles.schoolId, s.schoolId), eq(receivedFiles.packageId, content.packageId)));
    if (existing) {
      throw new AppError('conflict', 'already imported', { userMessage: 'This package has already been imported.' });
    }
    const [row] = await s.tx
      .insert(receivedFiles)
      .values({
        schoolId: s.schoolId,
        pupilId: body.pupilId,
        file: content.file,
        restricted: content.file === 'child-protection',
        fromSchoolName: content.from.name,
        fromSchoolUrn: content.from.urn,
        fromAddress: content.from.address,
        packageId: content.packageId,
        receiptToken: content.receiptToken,
        items: content.items,
        itemCount: content.items.length,
        importedBy: s.actor.userId,
        importedAt: s.now,
        receiptNextAt: s.now,
      })
      .returning({ id: receivedFiles.id });
    await s.tx.delete(transferPreviews).where(eq(transferPreviews.id, preview.id));
    await s.audit(
      {
        action: 'transfer.file_imported',
        detail: { receivedId: row!.id, file: content.file, items: content.items.length },
      },
      { type: 'pupil', id: body.pupilId },
    );
    return row!.id;
  });
  const receiptSent = await sendReceipt(deps, id, at.actor.displayName);
  return { id, receiptSent };
}

/** A received file: the child-protection file for the DSL team only, the wellbeing file for case roles in scope. */
export async function readReceivedFile(
  deps: AppDeps,
  at: SchoolRequest,
  receivedId: string,
): Promise<ReceivedFileResponse> {
  return inSchool(deps, at, 'pupil.readCase', async (s) => {
    const [row] = await s.tx
      .select()
      .from(receivedFiles)
      .where(and(eq(receivedFiles.id, receivedId), eq(receivedFiles.schoolId, s.schoolId)));
    if (!row) throw new AppError('not_found', 'received file not found');
    if (row.restricted && !canInSchool(s.actor, 'safeguarding.read', s.schoolId)) {
      throw new AppError('not_found', 'restricted received file');
    }
    await requireCaseAccess(s.tx, s.actor, s.schoolId, row.pupilId);
    const [pupil] = await s.tx.select().from(pupils).where(eq(pupils.id, row.pupilId));
    if (!pupil) throw new AppError('not_found', 'pupil of received file not found');
    await s.audit(
      { action: 'transfer.received_viewed', detail: { receivedId: row.id, file: row.file } },
      { type: 'pupil', id: row.pupilId },
    );
    return {
      id: row.id,
      file: row.file,
      pupil: { id: pupil.id, name: pupilName(pupil) },
      fromSchoolName: row.fromSchoolName,
      fromSchoolUrn: row.fromSchoolUrn,
      importedAt: row.importedAt.toISOString(),
      items: row.items,
    };
  });
}
