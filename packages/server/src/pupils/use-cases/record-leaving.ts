/**
 * Staff record that a pupil leaves: the day and, when known, the next school. The pupil's
 * `left_on` is set and every feature's leaving work (`onPupilLeft`: the transfer of the files to
 * the next school) runs in the same transaction, so a leaver never lacks their transfer tasks.
 */
import { and, eq } from 'drizzle-orm';
import { AppError, urnProblem, type RecordLeavingBody } from '@tandem/core';
import { pupils } from '@tandem/core/schema';
import { requireCaseAccess } from '../../platform/case-access';
import type { AppDeps } from '../../platform/deps';
import { checkSchool, inSchool, type SchoolRequest } from '../../platform/gate';
import { lockPupil } from '../pupils.queries';

/** Whether a "next school" answer means it is not known. */
const UNKNOWN = /^(not known|unknown|n\/?a)$/i;

export async function recordLeaving(
  deps: AppDeps,
  request: SchoolRequest,
  pupilId: string,
  body: RecordLeavingBody,
): Promise<void> {
  await inSchool(deps, request, 'pupil.readList', async (w) => {
    const pupil = await lockPupil(w.tx, w.schoolId, pupilId);
    if (!pupil) throw new AppError('not_found', 'pupil not found');
    checkSchool(w.actor, w.schoolId, 'pupil.editDetails');
    await requireCaseAccess(w.tx, w.actor, w.schoolId, pupilId);
    const badUrn = urnProblem(body.destinationUrn);
    if (badUrn) {
      throw new AppError('validation', 'bad urn', {
        userMessage: badUrn,
        fields: [{ path: 'destinationUrn', message: badUrn }],
      });
    }
    if (pupil.leftOn !== null) {
      throw new AppError('conflict', 'pupil already left', {
        userMessage: `This pupil is already recorded as having left on ${pupil.leftOn}.`,
      });
    }
    await w.tx
      .update(pupils)
      .set({ leftOn: body.leftOn, updatedAt: w.now })
      .where(and(eq(pupils.id, pupilId), eq(pupils.schoolId, w.schoolId)));
    const known = !UNKNOWN.test(body.destinationName);
    const destination = known ? { name: body.destinationName, urn: body.destinationUrn ?? null } : null;
    await w.audit(
      { action: 'pupil.leaving_recorded', detail: { leftOn: body.leftOn, destinationKnown: known } },
      { type: 'pupil', id: pupilId },
    );
    for (const hook of deps.registries.onPupilLeft) {
      await hook(w.tx, {
        schoolId: w.schoolId,
        pupilId,
        leftOn: body.leftOn,
        destination,
        actorUserId: w.actor.userId,
      });
    }
  });
}
