import { AppError, SCHOOL_STAFF_ROLES, type addActionBody } from '@tandem/core';
import type { z } from 'zod';
import type { AppDeps } from '../../platform/deps';
import type { SchoolRequest } from '../../platform/gate';
import { holdersOf } from '../../platform/directory';
import { findSameOpenAction, insertAction, updateConcern } from '../concerns.queries';
import { auditConcern, workOn } from '../work-on';

/**
 * Give someone an action on a concern, with a date it is due. Giving an action acknowledges an
 * open concern. Returns the action's id; the same action sent again (a double click, a retry)
 * answers the first, unchanged, and audits nothing.
 */
export async function addAction(
  deps: AppDeps,
  who: SchoolRequest,
  concernId: string,
  body: z.infer<typeof addActionBody>,
): Promise<string> {
  return workOn(deps, who, concernId, async (s, c) => {
    const { tx, schoolId, actor, now } = s;
    const owners = await holdersOf(tx, schoolId, SCHOOL_STAFF_ROLES);
    if (!owners.some((o) => o.id === body.ownerUserId)) {
      throw new AppError('validation', 'owner not staff', {
        fields: [{ path: 'ownerUserId', message: 'Choose a member of staff at this school' }],
      });
    }
    // An action on a restricted concern may only be given to the DSL team, who alone can see it.
    if (c.restricted) {
      const team = await holdersOf(tx, schoolId, ['dsl', 'deputy_dsl']);
      if (!team.some((t) => t.id === body.ownerUserId)) {
        throw new AppError('validation', 'owner outside dsl team', {
          fields: [
            { path: 'ownerUserId', message: 'Actions on the safeguarding record can only be given to the DSL team' },
          ],
        });
      }
    }
    const same = await findSameOpenAction(tx, { ...body, concernId: c.id, createdBy: actor.userId });
    if (same) return same;
    const actionId = await insertAction(tx, {
      schoolId,
      concernId: c.id,
      description: body.description,
      ownerUserId: body.ownerUserId,
      dueOn: body.dueOn,
      createdBy: actor.userId,
      createdAt: now,
    });
    if (c.status === 'open') {
      await updateConcern(tx, c.id, {
        status: 'acknowledged',
        acknowledgedBy: actor.userId,
        acknowledgedAt: now,
        updatedAt: now,
      });
      await auditConcern(s, c.id, { action: 'concern.acknowledged', detail: {} });
    }
    await auditConcern(s, c.id, {
      action: 'concern.action_added',
      detail: { actionId, ownerUserId: body.ownerUserId, dueOn: body.dueOn },
    });
    return actionId;
  });
}
