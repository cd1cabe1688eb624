import { AppError } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import type { SchoolRequest } from '../../platform/gate';
import { holdersOf } from '../../platform/directory';
import { notify } from '../../platform/alerts';
import { insertAddendum, updateConcern } from '../concerns.queries';
import { auditConcern, workOn } from '../work-on';

/** The Mental Health Lead passes a concern to the DSL team, who are alerted at once. */
export async function escalateToDsl(deps: AppDeps, who: SchoolRequest, concernId: string, reason: string) {
  await workOn(deps, who, concernId, async (s, c) => {
    const { tx, schoolId, actor, now } = s;
    if (c.route === 'dsl')
      throw new AppError('conflict', 'already with dsl', { userMessage: 'This concern is already with the DSL team.' });
    await updateConcern(tx, c.id, {
      route: 'dsl',
      urgent: true,
      status: 'open',
      escalatedToDslBy: actor.userId,
      escalatedToDslAt: now,
      escalationAlertedAt: null,
      updatedAt: now,
    });
    await insertAddendum(tx, {
      schoolId,
      concernId: c.id,
      text: reason,
      reason: 'Passed to the DSL',
      addedBy: actor.userId,
      addedAt: now,
    });
    await auditConcern(s, c.id, { action: 'concern.escalated_to_dsl', detail: {} });
    const team = (await holdersOf(tx, schoolId, ['dsl', 'deputy_dsl'])).filter((p) => p.id !== actor.userId);
    await notify(s, { schoolId, kind: 'concern_escalated_to_dsl', concernId: c.id, people: team });
  });
}
