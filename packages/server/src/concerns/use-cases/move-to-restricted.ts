import { AppError } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import type { SchoolRequest } from '../../platform/gate';
import { insertCorrection, updateConcern } from '../concerns.queries';
import { auditConcern, workOn } from '../work-on';

/** The DSL moves a concern into the restricted safeguarding record: from then on, the DSL team only. */
export async function moveToRestricted(deps: AppDeps, who: SchoolRequest, concernId: string, reason: string) {
  await workOn(
    deps,
    who,
    concernId,
    async (s, c) => {
      const { tx, now } = s;
      if (c.restricted)
        throw new AppError('conflict', 'already restricted', {
          userMessage: 'This concern is already in the safeguarding record.',
        });
      await updateConcern(tx, c.id, {
        restricted: true,
        route: 'dsl',
        category: 'safeguarding',
        possibleChildProtection: true,
        parentsStatus: 'not_to_be_told',
        pupilTellsBy: null,
        updatedAt: now,
      });
      await insertCorrection(tx, {
        schoolId: s.schoolId,
        concernId: c.id,
        field: 'restricted',
        fromValue: false,
        toValue: true,
        reason,
        changedBy: s.actor.userId,
        changedAt: now,
      });
      await auditConcern(s, c.id, { action: 'concern.moved_to_restricted', detail: {} });
    },
    { allowed: 'safeguarding.read', allowClosed: true },
  );
}
