/**
 * What leaving and transfers write to the audit trail: identifiers, files and counts only, never a
 * name, a school's name or a code. Gathered in audit/events.ts.
 */
import type { TransferFile } from './transfers.values';

export type TransferAuditEvent =
  | { action: 'pupil.leaving_recorded'; detail: { leftOn: string; destinationKnown: boolean } }
  | { action: 'transfer.destination_changed'; detail: { urnKnown: boolean } }
  | { action: 'transfer.viewed'; detail: { parts: number } }
  | { action: 'transfer.package_prepared'; detail: { partId: string; file: TransferFile; items: number } }
  | { action: 'transfer.package_downloaded'; detail: { partId: string; file: TransferFile } }
  | { action: 'transfer.package_fetched'; detail: { partId: string; file: TransferFile } }
  | { action: 'transfer.pdf_printed'; detail: { partId: string; file: TransferFile; items: number } }
  | { action: 'transfer.marked_sent'; detail: { partId: string; how: string } }
  | { action: 'transfer.none_held'; detail: { partId: string } }
  | { action: 'transfer.receipt_recorded'; detail: { partId: string; how: string } }
  | { action: 'transfer.overdue_flagged'; detail: { partId: string; dueOn: string } }
  | { action: 'transfer.package_opened'; detail: { file: TransferFile; items: number } }
  | { action: 'transfer.package_refused'; detail: { reason: 'wrong_code' | 'other_school' | 'not_a_package' } }
  | { action: 'transfer.file_imported'; detail: { receivedId: string; file: TransferFile; items: number } }
  | { action: 'transfer.received_viewed'; detail: { receivedId: string; file: TransferFile } }
  | { action: 'transfer.receipt_sent'; detail: { receivedId: string; attempts: number } };

export const TRANSFER_AUDIT_LABELS: Record<TransferAuditEvent['action'], string> = {
  'pupil.leaving_recorded': 'Recorded that a pupil is leaving',
  'transfer.destination_changed': 'Changed the next school of a leaver',
  'transfer.viewed': 'Opened a leaver’s transfer',
  'transfer.package_prepared': 'Prepared an encrypted transfer package',
  'transfer.package_downloaded': 'Downloaded an encrypted transfer package',
  'transfer.package_fetched': 'The next school’s Tandem collected a transfer package',
  'transfer.pdf_printed': 'Printed a leaver’s file as PDF',
  'transfer.marked_sent': 'Recorded a leaver’s file as sent',
  'transfer.none_held': 'Recorded that no child-protection file is held',
  'transfer.receipt_recorded': 'Recorded confirmation of receipt from the next school',
  'transfer.overdue_flagged': 'Flagged a leaver’s file not sent by its due day',
  'transfer.package_opened': 'Opened a transfer package from another school',
  'transfer.package_refused': 'Refused a transfer package',
  'transfer.file_imported': 'Imported a file received from a pupil’s last school',
  'transfer.received_viewed': 'Read a file received from a pupil’s last school',
  'transfer.receipt_sent': 'Sent confirmation of receipt to the last school',
};

export const TRANSFER_SUBJECT_TYPES = ['pupil_transfer', 'received_file'] as const;
export const TRANSFER_SUBJECT_LABELS: Record<(typeof TRANSFER_SUBJECT_TYPES)[number], string> = {
  pupil_transfer: 'Transfer to the next school',
  received_file: 'File received from the last school',
};
