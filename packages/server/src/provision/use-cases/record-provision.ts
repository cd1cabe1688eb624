/** The SMHL or DSL records where a pupil is taught when not (only) in school. */
import { provisionProblems, type RecordProvisionBody } from '@tandem/core';
import { alternativeProvisions } from '@tandem/core/schema';
import { requireCaseAccess } from '../../platform/case-access';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { refuse } from '../provision.rules';

export async function recordProvision(
  deps: AppDeps,
  at: SchoolRequest,
  pupilId: string,
  body: RecordProvisionBody,
): Promise<{ id: string; revision: number }> {
  return inSchool(deps, at, 'provision.manage', async (s) => {
    const { tx, schoolId, actor, now } = s;
    await requireCaseAccess(tx, actor, schoolId, pupilId);
    refuse(provisionProblems(body));
    const [row] = await tx
      .insert(alternativeProvisions)
      .values({
        ...body,
        days: [...new Set(body.days)],
        schoolId,
        pupilId,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: alternativeProvisions.id });
    await s.audit(
      { action: 'provision.recorded', detail: { kind: body.kind } },
      { type: 'alternative_provision', id: row!.id },
    );
    return { id: row!.id, revision: 1 };
  });
}
