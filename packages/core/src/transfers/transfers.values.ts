/**
 * A leaver's files to the next school (KCSIE: the child-protection file goes separately from the
 * main pupil file, within five school days, securely, with confirmation of receipt).
 */

/** Which file a transfer part carries. */
export const TRANSFER_FILES = ['child-protection', 'wellbeing'] as const;
export type TransferFile = (typeof TRANSFER_FILES)[number];
export const TRANSFER_FILE_LABELS: Record<TransferFile, string> = {
  'child-protection': 'Child-protection file',
  wellbeing: 'Wellbeing file',
};

/** School days from leaving to the files being sent. */
export const TRANSFER_DUE_SCHOOL_DAYS = 5;

/**
 * Where a part stands: `to_send` (nothing sent yet); `prepared` (a package is ready with its
 * one-time code, not yet taken); `sent` (downloaded to send by the school's secure means, fetched by
 * the next school's Tandem, or PDFs recorded as sent); `received` (the next school confirmed);
 * `none_held` (the DSL recorded that no child-protection file is held).
 */
export const TRANSFER_PART_STATUSES = ['to_send', 'prepared', 'sent', 'received', 'none_held'] as const;
export type TransferPartStatus = (typeof TRANSFER_PART_STATUSES)[number];
export const TRANSFER_PART_STATUS_LABELS: Record<TransferPartStatus, string> = {
  to_send: 'To send',
  prepared: 'Package ready, not yet collected',
  sent: 'Sent, awaiting confirmation of receipt',
  received: 'Received by the next school',
  none_held: 'No child-protection file held',
};

/** How a part went (or how receipt was confirmed) when not through Tandem. */
export const TRANSFER_SENT_HOW = ['tandem_fetch', 'secure_email', 'secure_portal', 'by_hand', 'recorded_post'] as const;
export type TransferSentHow = (typeof TRANSFER_SENT_HOW)[number];
export const TRANSFER_SENT_HOW_LABELS: Record<TransferSentHow, string> = {
  tandem_fetch: 'Collected by the next school’s Tandem',
  secure_email: 'Secure e-mail',
  secure_portal: 'Secure file transfer (e.g. S2S)',
  by_hand: 'By hand, signed for',
  recorded_post: 'Recorded delivery',
};

export const RECEIPT_HOW = ['tandem', 'email', 'phone', 'letter', 'signed_form'] as const;
export type ReceiptHow = (typeof RECEIPT_HOW)[number];
export const RECEIPT_HOW_LABELS: Record<ReceiptHow, string> = {
  tandem: 'Confirmed in Tandem by the next school',
  email: 'E-mail',
  phone: 'Telephone',
  letter: 'Letter',
  signed_form: 'Signed receipt form',
};

/** The format of a transfer package's content (inside the age encryption). */
export const TRANSFER_PACKAGE_FORMAT = 'tandem-transfer/1';
/** Largest package a receiving Tandem accepts (upload or fetch). */
export const MAX_TRANSFER_PACKAGE_BYTES = 20 * 1024 * 1024;
