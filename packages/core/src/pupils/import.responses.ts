/**
 * What the pupil import's routes take and answer: the upload's query and body, the preview, the
 * stored summary, the result and the status with its progress. The rules that fill them are in
 * import.ts (CSV files) and ctf.read.ts (common transfer files).
 */
import { z } from 'zod';
import { importCountsSchema, importIssueSchema, importKindSchema, importSampleSchema } from './import';
import { IMPORT_PHASES, IMPORT_STATUSES } from './pupils.values';

/** What a common transfer file adds to its preview: where it is from and to, and its contacts. */
export const ctfOutlineSchema = z.object({
  /** The sending school's name and DfE number, as the file's header gives them. */
  sourceSchool: z.string(),
  /** The school the file is addressed to, or null when the file names none (destination unknown). */
  destination: z.string().nullable(),
  /** The file is addressed to another school and the importer confirmed it is meant for theirs. */
  otherDestinationConfirmed: z.boolean(),
  contacts: z.object({
    totalRows: z.number().int(),
    toAdd: z.number().int(),
    toUpdate: z.number().int(),
    unchanged: z.number().int(),
  }),
  contactSample: importSampleSchema,
  /** What Tandem holds that a CTF never carries, so it is left as it is (form, child in need...). */
  unchangedFields: z.array(z.string()),
});
export type CtfOutline = z.infer<typeof ctfOutlineSchema>;

export const importPreviewQuery = z.strictObject({
  kind: importKindSchema,
  fileName: z.string().trim().max(200, 'The file name must be 200 characters or fewer').optional(),
  /** The file is the full roll: pupils on roll who are not in it are marked as left. */
  markLeavers: z.enum(['true', 'false']).optional(),
  /** A CTF addressed to another school: the importer confirms it is meant for theirs. */
  confirmOtherDestination: z.enum(['true', 'false']).optional(),
});
export type ImportPreviewQuery = z.infer<typeof importPreviewQuery>;

/** The request body: the CSV file itself, sent as text/csv. */
export const importFileBody = z.instanceof(Uint8Array).optional().meta({
  type: 'string',
  format: 'binary',
  description:
    'The CSV file exactly as the MIS exported it: UTF-8 (a byte-order mark is fine), Windows-1252 or UTF-16; comma, semicolon or tab separated; at most 10 MB.',
});

export const importResultSchema = z.object({
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  markedLeft: z.number().int(),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const importPreviewResponse = importCountsSchema.extend({
  importId: z.uuid(),
  kind: importKindSchema,
  fileName: z.string(),
  markLeavers: z.boolean(),
  status: z.enum(IMPORT_STATUSES),
  /** Every problem found, in line order. Any problem means the file cannot be applied. */
  errors: z.array(importIssueSchema),
  /** Headers in the file that Tandem does not use. */
  ignoredColumns: z.array(z.string()),
  sample: importSampleSchema,
  ctf: ctfOutlineSchema.optional(),
});
export type ImportPreview = z.infer<typeof importPreviewResponse>;

/** What is kept with an import: the preview as shown, and the outcome once applied. */
export const importStoredSummarySchema = importCountsSchema.extend({
  markLeavers: z.boolean(),
  errors: z.array(importIssueSchema).default([]),
  ignoredColumns: z.array(z.string()).default([]),
  sample: importSampleSchema.optional(),
  ctf: ctfOutlineSchema.optional(),
  applied: importResultSchema.nullable().default(null),
});
export type ImportStoredSummary = z.infer<typeof importStoredSummarySchema>;

export const importApplyResponse = importResultSchema.extend({
  importId: z.uuid(),
  kind: importKindSchema,
  status: z.literal('applied'),
});
export type ImportApplyResponse = z.infer<typeof importApplyResponse>;

export const importProgressSchema = z.object({
  phase: z.enum(IMPORT_PHASES),
  done: z.number().int(),
  total: z.number().int(),
});
export type ImportProgress = z.infer<typeof importProgressSchema>;

export const importSummarySchema = importCountsSchema.extend({
  markLeavers: z.boolean(),
  applied: importResultSchema.nullable(),
  /** A CTF's header and contact counts (its sample of contacts only with the preview itself). */
  ctf: ctfOutlineSchema.optional(),
});

export const importStatusResponse = z.object({
  importId: z.uuid(),
  kind: importKindSchema,
  fileName: z.string(),
  status: z.enum(IMPORT_STATUSES),
  createdAt: z.string(),
  createdByName: z.string(),
  appliedAt: z.string().nullable(),
  /** While the import is being applied: how far it has got. */
  progress: importProgressSchema.nullable(),
  summary: importSummarySchema,
});
export type ImportStatusResponse = z.infer<typeof importStatusResponse>;

export const importListResponse = z.object({ imports: z.array(importStatusResponse) });
