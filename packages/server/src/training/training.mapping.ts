/** Training rows to API answers, in one place. */
import {
  TRAINING_COURSE_LABELS,
  statusOfExpiry,
  trainingExpiresOn,
  type DocumentInfo,
  type TrainingRecord,
  type TrainingRecordSummary,
} from '@tandem/core';
import type { TrainingRow } from './training.queries';

/** The course's name, or the "other" training's own name. */
export function courseNameOf(r: Pick<TrainingRow, 'course' | 'otherName'>): string {
  return r.course === 'other' ? r.otherName : TRAINING_COURSE_LABELS[r.course];
}

export function summaryOf(r: TrainingRow, today: string): TrainingRecordSummary {
  const expiresOn = trainingExpiresOn(r.completedOn, r.renewalMonths);
  return {
    id: r.id,
    userId: r.userId,
    course: r.course,
    courseName: courseNameOf(r),
    completedOn: r.completedOn,
    provider: r.provider,
    expiresOn,
    expiry: statusOfExpiry(expiresOn, today),
    status: r.status,
    version: r.version,
  };
}

export function recordOf(
  r: TrainingRow,
  o: {
    today: string;
    names: { staffName: string; recordedByName: string; confirmedByName: string | null };
    certificate: DocumentInfo | null;
    manages: boolean;
  },
): TrainingRecord {
  return {
    ...summaryOf(r, o.today),
    staffName: o.names.staffName,
    otherName: r.otherName,
    renewalMonths: r.renewalMonths,
    certificate: o.certificate,
    notes: r.notes,
    recordedByName: o.names.recordedByName,
    recordedAt: r.recordedAt.toISOString(),
    confirmedByName: r.status === 'confirmed' ? o.names.confirmedByName : null,
    confirmedAt: r.confirmedAt?.toISOString() ?? null,
    canEdit: o.manages,
    canConfirm: o.manages && r.status === 'awaiting_confirmation',
  };
}
