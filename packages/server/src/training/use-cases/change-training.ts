import { TRAINING_DEFAULT_RENEWAL_MONTHS, type TrainingDetails } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { loadRecord, updateRecord } from '../training.queries';
import { checkCertificate, checkCompletedOn, checkVersion } from '../training.rules';

/** The lead corrects a record (its person stays); a change made meanwhile is refused with 409. */
export async function changeTraining(
  deps: AppDeps,
  at: SchoolRequest,
  recordId: string,
  body: { details: TrainingDetails; version: number },
) {
  return inSchool(deps, at, 'training.manage', async (s) => {
    const row = await loadRecord(s.tx, s.schoolId, recordId, true);
    checkVersion(row, body.version);
    const d = body.details;
    checkCompletedOn(d.completedOn, s.now);
    if (d.certificateDocumentId !== row.certificateDocumentId) {
      await checkCertificate(s.tx, s, d.certificateDocumentId);
    }
    const next = {
      course: d.course,
      otherName: d.course === 'other' ? d.otherName : '',
      completedOn: d.completedOn,
      provider: d.provider,
      renewalMonths: d.renewalMonths === undefined ? TRAINING_DEFAULT_RENEWAL_MONTHS[d.course] : d.renewalMonths,
      certificateDocumentId: d.certificateDocumentId,
      notes: d.notes,
    };
    const fields = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== row[k]);
    if (fields.length === 0) return { id: row.id, version: row.version };
    const version = await updateRecord(s.tx, row, next, s.now);
    await s.audit({ action: 'training.changed', detail: { fields } }, { type: 'training_record', id: row.id });
    return { id: row.id, version };
  });
}
