import type { closeConcernBody } from '@tandem/core';
import type { z } from 'zod';
import type { AppDeps } from '../../platform/deps';
import type { SchoolRequest } from '../../platform/gate';
import { updateConcern } from '../concerns.queries';
import { auditConcern, workOn } from '../work-on';

/** Close a concern with its outcome. A concern closed unacknowledged counts as acknowledged by whoever closed it. */
export async function closeConcern(
  deps: AppDeps,
  who: SchoolRequest,
  concernId: string,
  body: z.infer<typeof closeConcernBody>,
): Promise<void> {
  await workOn(deps, who, concernId, async (s, c) => {
    const { actor, now } = s;
    await updateConcern(s.tx, c.id, {
      status: 'closed',
      outcome: body.outcome,
      outcomeNote: body.note,
      closedBy: actor.userId,
      closedAt: now,
      acknowledgedBy: c.acknowledgedBy ?? actor.userId,
      acknowledgedAt: c.acknowledgedAt ?? now,
      updatedAt: now,
    });
    await auditConcern(s, c.id, { action: 'concern.closed', detail: { outcome: body.outcome } });
  });
}
