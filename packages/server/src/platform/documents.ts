/**
 * Whole-school documents: a policy's file, evidence for the self-assessment, an entry of the
 * resource library. They are about the school, never about a pupil, so any member of staff of the
 * school may open the school's documents and its trust's shared ones. The type is decided from the
 * file's own bytes. Features keep only a document's id and check it here before they store it.
 */
import { createHash } from 'node:crypto';
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import { AppError, MAX_DOCUMENT_BYTES, sniffDocumentType, type DocumentInfo } from '@tandem/core';
import { documents } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';
import { cleanFileName } from '../http/file-names';
import type { AppDeps } from './deps';
import { trustIdOfSchool } from './directory';
import { inSchool, inTrust, type SchoolRequest, type TrustRequest } from './gate';

export const DOCUMENT_TOO_LARGE = new AppError('payload_too_large', 'document too large', {
  userMessage: `A document can be at most ${MAX_DOCUMENT_BYTES / (1024 * 1024)} MB. Please choose a smaller file.`,
});

const info = (d: Pick<typeof documents.$inferSelect, 'id' | 'fileName' | 'contentType' | 'size'>): DocumentInfo => ({
  id: d.id,
  fileName: d.fileName,
  contentType: d.contentType,
  size: d.size,
});

function checked(data: Buffer) {
  if (data.length === 0) {
    throw new AppError('validation', 'empty document', {
      userMessage: 'That file is empty. Please choose another.',
      fields: [{ path: 'file', message: 'Choose a file that is not empty' }],
    });
  }
  if (data.length > MAX_DOCUMENT_BYTES) throw DOCUMENT_TOO_LARGE;
  const contentType = sniffDocumentType(data);
  if (!contentType) {
    throw new AppError('validation', 'document type refused', {
      userMessage:
        'This file cannot be added. Tandem takes PDF, Word, Excel and PowerPoint files and PNG, JPEG or WebP images, and this file is not one of them, whatever its name says.',
      fields: [{ path: 'file', message: 'Choose a PDF, Word, Excel or PowerPoint file, or an image' }],
    });
  }
  return {
    contentType,
    size: data.length,
    sha256: createHash('sha256').update(data).digest('hex'),
    data: data.toString('base64'),
  };
}

/** A member of staff uploads a document for their school. */
export async function uploadSchoolDocument(
  deps: AppDeps,
  who: SchoolRequest,
  fileName: string,
  data: Buffer,
): Promise<DocumentInfo> {
  return inSchool(deps, who, 'staff.wholeSchool', async (s) => {
    const trustId = await trustIdOfSchool(s.tx, s.schoolId);
    if (!trustId) throw new AppError('not_found', 'school has no trust');
    const file = checked(data);
    const [row] = await s.tx
      .insert(documents)
      .values({
        trustId,
        schoolId: s.schoolId,
        fileName: cleanFileName(fileName),
        ...file,
        uploadedBy: s.actor.userId,
        uploadedAt: s.now,
      })
      .returning();
    if (!row) throw new Error('document not stored');
    await s.audit(
      { action: 'document.uploaded', detail: { size: file.size, contentType: file.contentType } },
      { type: 'document', id: row.id },
    );
    return info(row);
  });
}

/** A trust curator uploads a document for the trust's shared library. */
export async function uploadTrustDocument(
  deps: AppDeps,
  who: TrustRequest,
  fileName: string,
  data: Buffer,
): Promise<DocumentInfo> {
  return inTrust(deps, who, 'trust.curateResources', async (t) => {
    const file = checked(data);
    const [row] = await t.tx
      .insert(documents)
      .values({
        trustId: t.trustId,
        schoolId: null,
        fileName: cleanFileName(fileName),
        ...file,
        uploadedBy: t.actor.userId,
        uploadedAt: t.now,
      })
      .returning();
    if (!row) throw new Error('document not stored');
    await t.audit(
      { action: 'document.uploaded', detail: { size: file.size, contentType: file.contentType } },
      { type: 'document', id: row.id },
    );
    return info(row);
  });
}

type Download = DocumentInfo & { data: Buffer };

/** A school's document, or its trust's shared one, for any member of staff of the school. Audited. */
export async function downloadSchoolDocument(deps: AppDeps, who: SchoolRequest, documentId: string): Promise<Download> {
  return inSchool(deps, who, 'staff.wholeSchool', async (s) => {
    const trustId = await trustIdOfSchool(s.tx, s.schoolId);
    const [row] = await s.tx
      .select()
      .from(documents)
      .where(and(eq(documents.id, documentId), usableBy({ schoolId: s.schoolId, trustId: trustId ?? '' })));
    if (!row) throw new AppError('not_found', 'document not found');
    await s.audit({ action: 'document.downloaded', detail: {} }, { type: 'document', id: row.id });
    return { ...info(row), data: Buffer.from(row.data, 'base64') };
  });
}

/** A trust's shared document, for its curators. Audited. */
export async function downloadTrustDocument(deps: AppDeps, who: TrustRequest, documentId: string): Promise<Download> {
  return inTrust(deps, who, 'trust.curateResources', async (t) => {
    const [row] = await t.tx
      .select()
      .from(documents)
      .where(and(eq(documents.id, documentId), eq(documents.trustId, t.trustId), isNull(documents.schoolId)));
    if (!row) throw new AppError('not_found', 'document not found');
    await t.audit({ action: 'document.downloaded', detail: {} }, { type: 'document', id: row.id });
    return { ...info(row), data: Buffer.from(row.data, 'base64') };
  });
}

/** Documents a school may use: its own and its trust's shared ones; for a trust (schoolId null), the trust's shared ones. */
function usableBy(where: { schoolId: string | null; trustId: string }) {
  const ownOrShared =
    where.schoolId === null
      ? isNull(documents.schoolId)
      : or(eq(documents.schoolId, where.schoolId), isNull(documents.schoolId));
  return and(eq(documents.trustId, where.trustId), ownOrShared);
}

/**
 * Checks that every id is a document this school (or, with schoolId null, this trust's shared
 * library) may use, before a feature stores it; a 400 naming the field otherwise.
 */
export async function requireDocuments(
  db: DbOrTx,
  where: { schoolId: string | null; trustId: string },
  ids: readonly string[],
  field = 'documentIds',
): Promise<void> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return;
  const found = await db
    .select({ id: documents.id })
    .from(documents)
    .where(and(inArray(documents.id, wanted), usableBy(where)));
  if (found.length !== wanted.length) {
    throw new AppError('validation', 'unknown document', {
      userMessage: 'A document could not be found. Please upload it again.',
      fields: [{ path: field, message: 'Upload the document again' }],
    });
  }
}

/** Name, type and size of each document (no content), for features that show them. */
export async function documentInfos(db: DbOrTx, ids: readonly string[]): Promise<ReadonlyMap<string, DocumentInfo>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({
      id: documents.id,
      fileName: documents.fileName,
      contentType: documents.contentType,
      size: documents.size,
    })
    .from(documents)
    .where(inArray(documents.id, wanted));
  return new Map(rows.map((r) => [r.id, info(r)]));
}
