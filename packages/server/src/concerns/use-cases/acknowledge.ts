import { AppError } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import type { SchoolRequest } from '../../platform/gate';
import { updateConcern } from '../concerns.queries';
import { auditConcern, workOn } from '../work-on';

/** Whoever triages the concern says they have seen it and are dealing with it. */
export async function acknowledge(deps: AppDeps, who: SchoolRequest, concernId: string): Promise<void> {
  await workOn(deps, who, concernId, async (s, c) => {
    if (c.status !== 'open') {
      throw new AppError('conflict', 'already acknowledged', {
        userMessage: 'This concern has already been acknowledged.',
      });
    }
    await updateConcern(s.tx, c.id, {
      status: 'acknowledged',
      acknowledgedBy: s.actor.userId,
      acknowledgedAt: s.now,
      updatedAt: s.now,
    });
    await auditConcern(s, c.id, { action: 'concern.acknowledged', detail: {} });
  });
}
