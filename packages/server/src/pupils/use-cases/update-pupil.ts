import { AppError, type FieldIssue, type UpdatePupilBody } from '@tandem/core';
import type { pupils } from '@tandem/core/schema';
import { requireCaseAccess } from '../../platform/case-access';
import type { AppDeps } from '../../platform/deps';
import { checkSchool, inSchool, type SchoolRequest } from '../../platform/gate';
import type { DbOrTx } from '../../db/client';
import { FIELD_LABELS } from '../pupils.chronology';
import { correctPupil, latestDetailChanges, lockPupil } from '../pupils.queries';

/**
 * Correct a pupil's details. The previous values and the reason are kept; nothing is overwritten
 * silently: a correction starting from an older version than the pupil's is refused.
 */
export async function updatePupil(
  deps: AppDeps,
  request: SchoolRequest,
  pupilId: string,
  body: UpdatePupilBody,
): Promise<void> {
  await inSchool(deps, request, 'pupil.readList', async (w) => {
    const pupil = await lockPupil(w.tx, w.schoolId, pupilId);
    if (!pupil) throw new AppError('not_found', 'pupil not found');
    checkSchool(w.actor, w.schoolId, 'pupil.editDetails');
    await requireCaseAccess(w.tx, w.actor, w.schoolId, pupilId);
    const { reason, version, ...requested } = body;
    if (version !== pupil.detailsVersion) {
      throw await staleCorrection(w.tx, w.schoolId, pupilId, pupil.detailsVersion - version);
    }
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const [field, to] of Object.entries(requested) as [keyof typeof requested, unknown][]) {
      if (to === undefined) continue;
      const from = pupil[field];
      if (from !== to) changes[field] = { from, to };
    }
    const fields = Object.keys(changes);
    if (fields.length === 0) {
      throw new AppError('validation', 'nothing changed', {
        userMessage: 'Nothing has changed, so there is nothing to save.',
      });
    }
    const set = {
      ...(Object.fromEntries(fields.map((f) => [f, changes[f]?.to])) as Partial<typeof pupils.$inferInsert>),
      detailsVersion: pupil.detailsVersion + 1,
    };
    await correctPupil(w.tx, {
      schoolId: w.schoolId,
      pupilId,
      set,
      changes,
      reason,
      changedBy: w.actor.userId,
      changedAt: w.now,
    });
    await w.audit({ action: 'pupil.updated', detail: { fields } }, { type: 'pupil', id: pupilId });
  });
}

const CHANGED_AT = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});

function shown(value: unknown): string {
  if (value === null || value === '') return 'blank';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return `“${typeof value === 'string' ? value : JSON.stringify(value)}”`;
}

/**
 * The refusal of a correction made from older details: who corrected what since, and when, with
 * each field's newer value, so the person can check theirs against it. Nothing of theirs is saved.
 */
async function staleCorrection(db: DbOrTx, schoolId: string, pupilId: string, since: number): Promise<AppError> {
  // Each correction adds one to the version, so the newest `since` corrections are the ones missed.
  const missed = since > 0 ? await latestDetailChanges(db, schoolId, pupilId, Math.min(since, 20)) : [];
  const newest = missed[0];
  const fields: FieldIssue[] = [];
  const seen = new Set<string>();
  for (const change of missed) {
    for (const [field, { to }] of Object.entries(change.changes)) {
      if (seen.has(field)) continue;
      seen.add(field);
      fields.push({ path: field, message: `${change.by ?? 'Someone'} changed this to ${shown(to)}` });
    }
  }
  const what = [...seen].map((f) => FIELD_LABELS[f] ?? f).join(', ');
  const userMessage = newest
    ? `${newest.by ?? 'Someone else'} corrected this pupil’s details (${what}) at ${CHANGED_AT.format(newest.changedAt)} while you were working. Nothing you entered has been saved yet: check the newer details and save again.`
    : 'Someone else corrected this pupil’s details while you were working. Nothing you entered has been saved yet: check the newer details and save again.';
  return new AppError('conflict', 'stale pupil details', { userMessage, fields });
}
