/** What the training record writes to the audit trail. Gathered in audit/events.ts. */
export type TrainingAuditEvent =
  | { action: 'training.recorded'; detail: { userId: string; course: string; confirmed: boolean } }
  | { action: 'training.changed'; detail: { fields: string[] } }
  | { action: 'training.confirmed'; detail: { userId: string } }
  | { action: 'training.exported'; detail: { rows: number } };

export const TRAINING_AUDIT_LABELS: Record<TrainingAuditEvent['action'], string> = {
  'training.recorded': 'Recorded training',
  'training.changed': 'Changed a training record',
  'training.confirmed': 'Confirmed a training record',
  'training.exported': 'Exported the training record',
};

export const TRAINING_SUBJECT_TYPES = ['training_record'] as const;
export const TRAINING_SUBJECT_LABELS: Record<(typeof TRAINING_SUBJECT_TYPES)[number], string> = {
  training_record: 'Training record',
};
