/** What the store of whole-school documents (policy files, evidence, resources) writes to the trail. */
export type DocumentAuditEvent =
  | { action: 'document.uploaded'; detail: { size: number; contentType: string } }
  | { action: 'document.downloaded'; detail: Record<string, never> };

export const DOCUMENT_AUDIT_LABELS: Record<DocumentAuditEvent['action'], string> = {
  'document.uploaded': 'Uploaded a document',
  'document.downloaded': 'Downloaded a document',
};

export const DOCUMENT_SUBJECT_TYPES = ['document'] as const;
export const DOCUMENT_SUBJECT_LABELS: Record<(typeof DOCUMENT_SUBJECT_TYPES)[number], string> = {
  document: 'Document',
};
