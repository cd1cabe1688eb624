/**
 * Files attached to a concern: a photo of a note, a scanned letter, a PDF. The type is decided from
 * the file's own first bytes, never its name or what the browser claims, and anything that is not a
 * PNG, JPEG, WebP, HEIC/HEIF image or a PDF is refused. Files are stored with the record (base64,
 * with their SHA-256 and size), follow the concern's need-to-know rules, and every open is audited.
 */
import { createHash } from 'node:crypto';
import {
  AppError,
  LOGGER_ATTACH_HOURS,
  MAX_CONCERN_FILE_BYTES,
  MAX_FILES_PER_CONCERN,
  concernAccessFor,
  mayTriage,
  sniffConcernFileType,
  type ConcernFileType,
} from '@tandem/core';
import type { AppDeps } from '../platform/deps';
import { inSchool, type SchoolRequest } from '../platform/gate';
import { loadConcern } from './concerns.queries';
import { countFiles, insertFile, loadFile } from './files.queries';
import { auditConcern } from './work-on';
import { cleanFileName } from '../http/file-names';

const HOUR = 3_600_000;

export const TOO_LARGE = new AppError('payload_too_large', 'concern file too large', {
  userMessage: `Each file can be at most ${MAX_CONCERN_FILE_BYTES / (1024 * 1024)} MB. Please choose a smaller file, or take the photo at a lower size.`,
});

/**
 * Attach a file. Allowed for whoever may work the concern, and for its logger within 24 hours of
 * logging it. Out of sight answers 404, as for the concern itself.
 */
export async function addConcernFile(
  deps: AppDeps,
  who: SchoolRequest,
  concernId: string,
  fileName: string,
  data: Buffer,
): Promise<{ id: string; fileName: string; contentType: ConcernFileType; size: number }> {
  return inSchool(deps, who, 'concern.log', async (s) => {
    const { tx, actor, schoolId, now } = s;
    // Locked, so that two uploads at once cannot take a concern past its limit.
    const c = await loadConcern(tx, schoolId, concernId, true);
    const access = concernAccessFor(actor, schoolId, c);
    if (access === 'none') throw new AppError('not_found', 'concern not visible');
    const mayWork = access === 'full' && mayTriage(actor, schoolId, c);
    const isLogger = c.loggedBy === actor.userId;
    const loggerInTime = isLogger && now.getTime() - c.loggedAt.getTime() <= LOGGER_ATTACH_HOURS * HOUR;
    if (!mayWork && !loggerInTime) {
      throw new AppError('forbidden', 'may not attach files', {
        userMessage: isLogger
          ? `Files can be added by the person who logged a concern only in the first ${LOGGER_ATTACH_HOURS} hours. Please give the file to the Mental Health Lead or the DSL.`
          : 'You do not have permission to add files to this concern.',
      });
    }
    const contentType = acceptableType(data);
    if ((await countFiles(tx, c.id)) >= MAX_FILES_PER_CONCERN) {
      throw new AppError('conflict', 'too many files', {
        userMessage: `A concern can have at most ${MAX_FILES_PER_CONCERN} files, and this one has reached that.`,
      });
    }
    const size = data.length;
    const row = await insertFile(tx, {
      schoolId,
      concernId: c.id,
      fileName: cleanFileName(fileName),
      contentType,
      size,
      sha256: createHash('sha256').update(data).digest('hex'),
      data: data.toString('base64'),
      addedBy: actor.userId,
      addedAt: now,
    });
    await auditConcern(s, c.id, { action: 'concern.file_added', detail: { fileId: row.id, contentType, size } });
    return { id: row.id, fileName: row.fileName, contentType, size };
  });
}

/** The file's type from its own first bytes, or refused: empty, too large, or not a photo or PDF. */
function acceptableType(data: Buffer): ConcernFileType {
  if (data.length === 0) {
    throw new AppError('validation', 'empty file', { userMessage: 'That file is empty. Please choose another.' });
  }
  if (data.length > MAX_CONCERN_FILE_BYTES) throw TOO_LARGE;
  const contentType = sniffConcernFileType(data);
  if (!contentType) {
    throw new AppError('validation', 'file type refused', {
      userMessage:
        'This file cannot be attached. Only photos (PNG, JPEG, WebP or HEIC) and PDF documents can be added, and this file is not one of them, whatever its name says.',
      fields: [{ path: 'file', message: 'Choose a photo or a PDF' }],
    });
  }
  return contentType;
}

/**
 * Open a file. Whoever may read the concern in full may open its files; its logger, the files they
 * added themselves (never on a restricted concern). Anything else is not found. Audited.
 */
export async function getConcernFile(
  deps: AppDeps,
  who: SchoolRequest,
  concernId: string,
  fileId: string,
): Promise<{ fileName: string; contentType: string; data: Buffer }> {
  return inSchool(deps, who, 'concern.log', async (s) => {
    const { tx, actor, schoolId } = s;
    const c = await loadConcern(tx, schoolId, concernId);
    const access = concernAccessFor(actor, schoolId, c);
    if (access === 'none' || access === 'logger_stub') throw new AppError('not_found', 'concern not visible');
    const file = await loadFile(tx, schoolId, c.id, fileId);
    if (!file) throw new AppError('not_found', 'file not found');
    if (access === 'logger_own' && file.addedBy !== actor.userId) throw new AppError('not_found', 'file not visible');
    await auditConcern(s, c.id, { action: 'concern.file_viewed', detail: { fileId } });
    return { fileName: file.fileName, contentType: file.contentType, data: Buffer.from(file.data, 'base64') };
  });
}
