import { AppError, type Actor, type CreateSchoolBody, type School } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { inTrust } from '../../platform/gate';
import { toSchool } from '../schools.mapping';
import { insertSchool, urnInUse } from '../schools.queries';
import { requireDfeNumberFree } from '../schools.rules';

/**
 * A trust adds a school. What the features need a new school to start with (the level framework,
 * for one) comes from their `onSchoolCreated` hooks, in the same transaction.
 */
export function createSchool(
  deps: AppDeps,
  actor: Actor,
  trustId: string,
  body: CreateSchoolBody,
  ip: string,
): Promise<School> {
  return inTrust(deps, { actor, trustId, ip }, 'trust.manageSchools', async (t) => {
    if (body.urn && (await urnInUse(t.tx, body.urn))) {
      throw new AppError('conflict', 'urn in use', {
        userMessage: 'A school with that URN is already in Tandem.',
        fields: [{ path: 'urn', message: 'A school with this URN already exists' }],
      });
    }
    if (body.dfeNumber) await requireDfeNumberFree(t.tx, body.dfeNumber);
    const row = await insertSchool(t.tx, {
      trustId,
      name: body.name,
      urn: body.urn ?? null,
      dfeNumber: body.dfeNumber ?? null,
      letterhead: body.letterhead,
    });
    for (const hook of deps.registries.onSchoolCreated) {
      await hook(t.tx, { schoolId: row.id, actorUserId: actor.userId });
    }
    await t.audit({ action: 'trust.school_created', detail: { schoolId: row.id } }, { type: 'school', id: row.id });
    return toSchool(row, deps.config.defaultIdleMinutes);
  });
}
