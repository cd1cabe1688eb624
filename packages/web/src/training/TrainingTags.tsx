/** The status words of the training record, each as a tag whose colour repeats the word. */
import {
  TRAINING_RECORD_STATUS_LABELS,
  TRAINING_STATUS_LABELS,
  type TrainingRecordSummary,
  type TrainingStatus,
} from '@tandem/core';
import { Tag } from '../components/Page';
import { EXPIRY_TONES, STATUS_TONES } from './trainingApi';

export function StatusTag({ status }: { status: TrainingStatus }) {
  return <Tag tone={STATUS_TONES[status]}>{TRAINING_STATUS_LABELS[status]}</Tag>;
}

/** A record: awaiting the lead's confirmation, or whether the training done then is still in date. */
export function RecordTag({ record }: { record: Pick<TrainingRecordSummary, 'status' | 'expiry'> }) {
  if (record.status === 'awaiting_confirmation') {
    return <Tag tone="blue">{TRAINING_RECORD_STATUS_LABELS.awaiting_confirmation}</Tag>;
  }
  const words = { up_to_date: 'In date', due: 'Renew within 60 days', overdue: 'Expired' } as const;
  return <Tag tone={EXPIRY_TONES[record.expiry]}>{words[record.expiry]}</Tag>;
}
