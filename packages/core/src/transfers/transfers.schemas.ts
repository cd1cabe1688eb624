/** Leaving and transfers over HTTP: what staff send and what they are answered. */
import { z } from 'zod';
import { RECORD_CLASSES } from '../records/record-classes';
import {
  RECEIPT_HOW,
  TRANSFER_FILES,
  TRANSFER_PACKAGE_FORMAT,
  TRANSFER_PART_STATUSES,
  TRANSFER_SENT_HOW,
} from './transfers.values';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date');
/** A URN as typed; its digits are checked by the use case (`urnProblem`), so a request is first authorised. */
const urn = z.string().trim().max(20);

/** Why a URN is refused, in words, or null. */
export function urnProblem(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  return /^\d{6,7}$/.test(value) ? null : 'A URN is six or seven digits, from Get Information about Schools';
}

/** Staff record that a pupil leaves (pupils feature; runs the transfer hooks). */
export const recordLeavingBody = z.strictObject({
  leftOn: day,
  destinationName: z.string().trim().min(1, 'Enter the next school’s name, or “Not known”').max(200),
  destinationUrn: urn.nullable().optional(),
});
export type RecordLeavingBody = z.infer<typeof recordLeavingBody>;

export const changeDestinationBody = z.strictObject({
  destinationName: z.string().trim().min(1, 'Enter the next school’s name').max(200),
  destinationUrn: urn.nullable(),
  usesTandem: z.boolean().nullable(),
});
export type ChangeDestinationBody = z.infer<typeof changeDestinationBody>;

const pupilRef = z.object({ id: z.uuid(), name: z.string(), upn: z.string() });

export const transferPartSchema = z.object({
  id: z.uuid(),
  file: z.enum(TRANSFER_FILES),
  status: z.enum(TRANSFER_PART_STATUSES),
  overdue: z.boolean(),
  items: z.number().int().nullable(),
  preparedAt: z.string().nullable(),
  downloadedAt: z.string().nullable(),
  fetchedAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  sentHow: z.enum(TRANSFER_SENT_HOW).nullable(),
  receivedAt: z.string().nullable(),
  receiptBy: z.string().nullable(),
  receiptSchool: z.string().nullable(),
  receiptHow: z.enum(RECEIPT_HOW).nullable(),
});
export type TransferPart = z.infer<typeof transferPartSchema>;

export const transferSummarySchema = z.object({
  id: z.uuid(),
  pupil: pupilRef,
  leftOn: day,
  dueOn: day,
  destinationName: z.string().nullable(),
  destinationUrn: z.string().nullable(),
  destinationUsesTandem: z.boolean().nullable(),
  /** Only the parts this person may handle (the child-protection file for the DSL team only). */
  parts: z.array(transferPartSchema),
});
export type TransferSummary = z.infer<typeof transferSummarySchema>;

export const receivedFileSummarySchema = z.object({
  id: z.uuid(),
  pupil: z.object({ id: z.uuid(), name: z.string() }),
  file: z.enum(TRANSFER_FILES),
  fromSchoolName: z.string(),
  itemCount: z.number().int(),
  importedAt: z.string(),
  receiptSent: z.boolean(),
});

export const transferListResponse = z.object({
  outgoing: z.array(transferSummarySchema),
  incoming: z.array(receivedFileSummarySchema),
  /** Whether the school has term dates recorded (if not, due days count weekdays only). */
  termDatesRecorded: z.boolean(),
  seeChildProtection: z.boolean(),
});
export type TransferListResponse = z.infer<typeof transferListResponse>;

export const transferResponse = z.object({
  transfer: transferSummarySchema,
  termDatesRecorded: z.boolean(),
  seeChildProtection: z.boolean(),
});
export type TransferResponse = z.infer<typeof transferResponse>;

/** The one-time code, shown once when a package is prepared. */
export const preparedPackageResponse = z.object({
  code: z.string(),
  items: z.number().int(),
  /** Where the next school's Tandem collects it. */
  address: z.string(),
});
export type PreparedPackageResponse = z.infer<typeof preparedPackageResponse>;

export const markTransferSentBody = z.strictObject({
  how: z.enum(TRANSFER_SENT_HOW).exclude(['tandem_fetch']),
});
export type MarkTransferSentBody = z.infer<typeof markTransferSentBody>;

export const recordReceiptBody = z.strictObject({
  receiptBy: z.string().trim().min(1, 'Enter who confirmed receipt').max(200),
  receiptSchool: z.string().trim().min(1, 'Enter the school').max(200),
  receivedOn: day,
  how: z.enum(RECEIPT_HOW).exclude(['tandem']),
});
export type RecordReceiptBody = z.infer<typeof recordReceiptBody>;

/** The content of a package, inside the age encryption. */
export const transferItemSchema = z.object({
  source: z.string(),
  kind: z.string(),
  id: z.string(),
  at: z.string(),
  title: z.string(),
  body: z.string(),
  recordClass: z.enum(RECORD_CLASSES),
  restricted: z.boolean(),
  suggested: z.object({ decision: z.enum(['disclose', 'redact', 'withhold']), reason: z.string() }),
});
export const transferPackageContent = z.object({
  format: z.literal(TRANSFER_PACKAGE_FORMAT),
  packageId: z.uuid(),
  preparedAt: z.string(),
  from: z.object({ name: z.string(), urn: z.string().nullable(), address: z.string() }),
  toUrn: z.string().nullable(),
  pupil: z.object({
    upn: z.string(),
    givenName: z.string(),
    familyName: z.string(),
    preferredName: z.string().nullable(),
    dateOfBirth: z.string(),
  }),
  file: z.enum(TRANSFER_FILES),
  items: z.array(transferItemSchema),
  receiptToken: z.string(),
});
export type TransferPackageContent = z.infer<typeof transferPackageContent>;

/** The receiving school opens a package: uploaded (base64) or fetched from the sender's address. */
export const openPackageBody = z.union([
  z.strictObject({
    code: z.string().trim().min(1, 'Enter the one-time code'),
    packageBase64: z.string().min(1, 'Choose the package file (.age)'),
  }),
  z.strictObject({
    code: z.string().trim().min(1, 'Enter the one-time code'),
    address: z.string().trim().min(1, 'Enter the sending school’s Tandem address'),
  }),
]);
export type OpenPackageBody = z.infer<typeof openPackageBody>;

export const packagePreviewResponse = z.object({
  /** Kept for the import step (the decrypted content, held server-side until imported or expired). */
  previewId: z.uuid(),
  file: z.enum(TRANSFER_FILES),
  fromSchool: z.string(),
  fromUrn: z.string().nullable(),
  pupil: z.object({ upn: z.string(), name: z.string(), dateOfBirth: z.string() }),
  itemCount: z.number().int(),
  /** The pupil of this school with the same UPN, if any. */
  match: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});
export type PackagePreviewResponse = z.infer<typeof packagePreviewResponse>;

export const importPackageBody = z.strictObject({
  previewId: z.uuid(),
  pupilId: z.uuid(),
});
export type ImportPackageBody = z.infer<typeof importPackageBody>;

export const importedResponse = z.object({ id: z.uuid(), receiptSent: z.boolean() });

export const receivedFileResponse = z.object({
  id: z.uuid(),
  file: z.enum(TRANSFER_FILES),
  /** The pupil at this school the file was imported into. */
  pupil: z.object({ id: z.uuid(), name: z.string() }),
  fromSchoolName: z.string(),
  fromSchoolUrn: z.string().nullable(),
  importedAt: z.string(),
  items: z.array(transferItemSchema),
});
export type ReceivedFileResponse = z.infer<typeof receivedFileResponse>;

/** The public, session-less routes between installations. */
export const fetchPackageBody = z.strictObject({ code: z.string().trim().min(1).max(100) });
export const receiptBody = z.strictObject({
  receiptToken: z.string().min(16).max(200),
  receivedBy: z.string().trim().min(1).max(200),
  receivingSchool: z.string().trim().min(1).max(200),
  receivingUrn: z.string().trim().max(10).nullable(),
});
export type ReceiptBody = z.infer<typeof receiptBody>;
