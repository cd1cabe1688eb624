/** A case role in the pupil's scope records a safeguarding visit or call: when, which kind, seen or not, how they seemed. */
import { AppError, type RecordVisitBody } from '@tandem/core';
import { welfareVisits } from '@tandem/core/schema';
import { requireCaseAccess } from '../../platform/case-access';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';

export async function recordVisit(
  deps: AppDeps,
  at: SchoolRequest,
  pupilId: string,
  body: RecordVisitBody,
): Promise<{ id: string }> {
  return inSchool(deps, at, 'pupil.readCase', async (s) => {
    const { tx, schoolId, actor, now } = s;
    await requireCaseAccess(tx, actor, schoolId, pupilId);
    const when = new Date(body.at);
    // A few minutes' grace for a clock that runs ahead of the server's.
    if (when.getTime() > now.getTime() + 5 * 60_000) {
      const message = 'The visit or call must be now or in the past';
      throw new AppError('validation', 'visit in the future', {
        userMessage: message,
        fields: [{ path: 'at', message }],
      });
    }
    const [row] = await tx
      .insert(welfareVisits)
      .values({
        schoolId,
        pupilId,
        kind: body.kind,
        at: when,
        byUserId: actor.userId,
        seen: body.seen,
        howSeemed: body.howSeemed,
        recordedBy: actor.userId,
        createdAt: now,
      })
      .returning({ id: welfareVisits.id });
    await s.audit(
      { action: 'visit.recorded', detail: { kind: body.kind, seen: body.seen } },
      { type: 'pupil', id: pupilId },
    );
    return { id: row!.id };
  });
}
