import {
  AppError,
  canInSchool,
  isStaffRole,
  londonToday,
  rolesInSchool,
  type MyTraining,
  type TrainingRecord,
} from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { documentInfos } from '../../platform/documents';
import { readInSchool, type SchoolRequest } from '../../platform/gate';
import { recordOf, summaryOf } from '../training.mapping';
import { loadRecord, namesOnRecord, recordsOf } from '../training.queries';
import { personStandings } from '../training.standing';

/** The reader's own training: what their roles need and where they stand, and every record they have. */
export async function myTraining(deps: AppDeps, at: Omit<SchoolRequest, 'ip'>): Promise<MyTraining> {
  return readInSchool(deps, at, 'staff.wholeSchool', async ({ db, actor, schoolId, now }) => {
    const today = londonToday(now);
    const roles = rolesInSchool(actor, schoolId).filter(isStaffRole);
    const [required, rows] = await Promise.all([
      personStandings(db, schoolId, actor.userId, roles, today),
      recordsOf(db, schoolId, actor.userId),
    ]);
    return {
      today,
      required,
      records: rows.map((r) => summaryOf(r, today)),
      canManage: canInSchool(actor, 'training.manage', schoolId),
    };
  });
}

/** One record: the person's own, or anyone's for the lead. Anyone else is told it does not exist. */
export async function getTrainingRecord(
  deps: AppDeps,
  at: Omit<SchoolRequest, 'ip'>,
  recordId: string,
): Promise<TrainingRecord> {
  return readInSchool(deps, at, 'staff.wholeSchool', async ({ db, actor, schoolId, now }) => {
    const row = await loadRecord(db, schoolId, recordId);
    const manages = canInSchool(actor, 'training.manage', schoolId);
    if (row.userId !== actor.userId && !manages) throw new AppError('not_found', 'another person’s training');
    const [names, docs] = await Promise.all([
      namesOnRecord(db, row),
      documentInfos(db, row.certificateDocumentId ? [row.certificateDocumentId] : []),
    ]);
    return recordOf(row, {
      today: londonToday(now),
      names,
      certificate: row.certificateDocumentId ? (docs.get(row.certificateDocumentId) ?? null) : null,
      manages,
    });
  });
}
