import { createSelectSchema } from 'drizzle-zod';
import { z } from 'zod';
import type { ConcernFileType } from './concerns.values';
import { concernFiles } from './files.tables';

// In the values module, so that the web app's concern form can use them without loading zod.
export { MAX_CONCERN_FILE_BYTES, MAX_FILES_PER_CONCERN } from './concerns.values';
/** Hours after logging during which the logger may still attach files to their concern. */
export const LOGGER_ATTACH_HOURS = 24;

export const uploadConcernFileQuery = z.strictObject({
  fileName: z
    .string({ error: 'Give the file a name' })
    .trim()
    .min(1, 'Give the file a name')
    .max(200, 'The file name must be 200 characters or fewer'),
});

const fileRow = createSelectSchema(concernFiles).shape;

export const concernFileSchema = z.object({
  id: fileRow.id,
  fileName: fileRow.fileName,
  contentType: fileRow.contentType,
  size: fileRow.size,
});

/**
 * The real type of a file from its first bytes (PNG, JPEG, WebP, HEIC/HEIF, PDF), or null for
 * anything else, whatever its name or the browser says.
 */
export function sniffConcernFileType(bytes: Uint8Array): ConcernFileType | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  if (bytes.length >= 12 && ascii(4, 8) === 'ftyp') {
    const brand = ascii(8, 12);
    if (brand === 'heic' || brand === 'heix' || brand === 'heim' || brand === 'heis') return 'image/heic';
    if (brand === 'mif1' || brand === 'msf1' || brand === 'heif') return 'image/heif';
    return null;
  }
  if (ascii(0, 5) === '%PDF-') return 'application/pdf';
  return null;
}
