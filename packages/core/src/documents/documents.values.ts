/**
 * Whole-school documents: the types accepted (decided from the file's first bytes) and the limit.
 * Policies are mostly Word documents or PDFs; evidence and resources may also be images,
 * spreadsheets or slides.
 */
import { z } from 'zod';
import { sniffConcernFileType } from '../concerns/files.schemas';

export const DOCUMENT_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/webp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
  'image/webp': 'WebP image',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel spreadsheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint slides',
};

/** Largest document that may be uploaded. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** What a browser may send as the upload's content type (the server decides the real one). */
export const DOCUMENT_UPLOAD_TYPES = [...DOCUMENT_TYPES, 'application/octet-stream'] as const;

/** The part names that tell which Office Open XML document a zip file is. */
const OOXML_PARTS: readonly [string, DocumentType][] = [
  ['word/', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['xl/', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ['ppt/', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
];

/**
 * The document's type from its own bytes, or null if it is not one Tandem accepts. An Office file
 * is a zip holding "[Content_Types].xml" and a folder named for its kind (word/, xl/, ppt/).
 */
export function sniffDocumentType(bytes: Uint8Array): DocumentType | null {
  const known = sniffConcernFileType(bytes);
  if (known === 'application/pdf' || known === 'image/png' || known === 'image/jpeg' || known === 'image/webp') {
    return known;
  }
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (!isZip) return null;
  // Local file headers carry each part's name; read them (latin1 is enough for the ASCII names).
  const text = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 256 * 1024)));
  if (!text.includes('[Content_Types].xml')) return null;
  for (const [prefix, type] of OOXML_PARTS) if (text.includes(prefix)) return type;
  return null;
}

export const documentSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  contentType: z.enum(DOCUMENT_TYPES),
  size: z.number().int(),
});
export type DocumentInfo = z.infer<typeof documentSchema>;

export const uploadDocumentQuery = z.object({
  fileName: z.string().trim().min(1, 'Please give the file a name.').max(200),
});
