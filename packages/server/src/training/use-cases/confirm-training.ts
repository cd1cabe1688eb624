import { AppError } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { loadRecord, updateRecord } from '../training.queries';
import { checkVersion } from '../training.rules';

/** The lead confirms training a member of staff recorded themself. */
export async function confirmTraining(deps: AppDeps, at: SchoolRequest, recordId: string, version: number) {
  return inSchool(deps, at, 'training.manage', async (s) => {
    const row = await loadRecord(s.tx, s.schoolId, recordId, true);
    checkVersion(row, version);
    if (row.status === 'confirmed') {
      throw new AppError('conflict', 'already confirmed', { userMessage: 'This training is already confirmed.' });
    }
    const next = await updateRecord(
      s.tx,
      row,
      { status: 'confirmed', confirmedBy: s.actor.userId, confirmedAt: s.now },
      s.now,
    );
    await s.audit(
      { action: 'training.confirmed', detail: { userId: row.userId } },
      { type: 'training_record', id: row.id },
    );
    return { id: row.id, version: next };
  });
}
