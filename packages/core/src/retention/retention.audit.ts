/**
 * What retention writes to the audit trail: kinds, ids and counts only, never names or content.
 * Gathered in audit/events.ts.
 */
import type { RecordClass } from '../records/record-classes';

export type RetentionAuditEvent =
  | { action: 'retention.list_viewed'; detail: { pupils: number; entries: number } }
  | { action: 'retention.register_viewed'; detail: { entries: number } }
  | { action: 'retention.lengthened'; detail: { recordClass: RecordClass; years: number } }
  | { action: 'retention.destruction_proposed'; detail: { recordClass: RecordClass; destructionId: string } }
  | { action: 'retention.proposal_withdrawn'; detail: { recordClass: RecordClass; destructionId: string } }
  | {
      action: 'retention.destroyed';
      detail: { recordClass: RecordClass; destructionId: string; items: number; proposedBy: string };
    };

export const RETENTION_AUDIT_LABELS: Record<RetentionAuditEvent['action'], string> = {
  'retention.list_viewed': 'Viewed the records reaching their retention review',
  'retention.register_viewed': 'Viewed the register of destroyed records',
  'retention.lengthened': 'Changed how long the school keeps a kind of record',
  'retention.destruction_proposed': "Proposed destroying a pupil's child-protection file",
  'retention.proposal_withdrawn': 'Withdrew a proposal to destroy records',
  'retention.destroyed': "Destroyed a pupil's records at the end of their retention period",
};

export const RETENTION_SUBJECT_TYPES = ['retention_destruction'] as const;
export const RETENTION_SUBJECT_LABELS: Record<(typeof RETENTION_SUBJECT_TYPES)[number], string> = {
  retention_destruction: 'Records destruction',
};
