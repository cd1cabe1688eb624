import { AppError, type UpdatePupilBody } from '@tandem/core';
import type { pupils } from '@tandem/core/schema';
import type { AppDeps } from '../../platform/deps';
import { checkSchool, inSchool, type SchoolRequest } from '../../platform/gate';
import { correctPupil, lockPupil } from '../pupils.queries';

/** Correct a pupil's details. The previous values and the reason are kept; nothing is overwritten silently. */
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
    const { reason, ...requested } = body;
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
    const set = Object.fromEntries(fields.map((f) => [f, changes[f]?.to])) as Partial<typeof pupils.$inferInsert>;
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
