import { AppError, type closeConcernBody } from '@tandem/core';
import type { z } from 'zod';
import type { AppDeps } from '../../platform/deps';
import type { SchoolRequest } from '../../platform/gate';
import { actionsForUpdate, updateAction, updateConcern } from '../concerns.queries';
import { auditConcern, workOn } from '../work-on';

/**
 * Close a concern with its outcome. A concern closed unacknowledged counts as acknowledged by whoever
 * closed it. An action still open must not be lost by closing: the closer says, for each one, that
 * it is done, carried to the pupil's case (it stays open with its owner and due date) or dropped
 * with a reason; closing without saying so for every open action is refused, naming them.
 */
export async function closeConcern(
  deps: AppDeps,
  who: SchoolRequest,
  concernId: string,
  body: z.infer<typeof closeConcernBody>,
): Promise<void> {
  await workOn(deps, who, concernId, async (s, c) => {
    const { actor, now } = s;
    const actions = await actionsForUpdate(s.tx, c.id);
    const open = actions.filter((a) => !a.completedAt && !a.droppedAt && !a.carriedAt);
    const fates = new Map(body.openActions.map((f) => [f.actionId, f]));
    const known = new Set(open.map((a) => a.id));
    const unknown = body.openActions.findIndex((f) => !known.has(f.actionId));
    if (unknown >= 0) {
      throw new AppError('conflict', 'fate for an action that is not open', {
        userMessage: 'One of the actions has changed since you opened this page. Please reload it and try again.',
      });
    }
    const unsaid = open.filter((a) => !fates.has(a.id));
    if (unsaid.length > 0) {
      throw new AppError('validation', 'open actions without a fate', {
        userMessage: `This concern still has ${unsaid.length === 1 ? 'an open action' : `${unsaid.length} open actions`}. Say what becomes of each one before closing it.`,
        fields: unsaid.map((a) => ({
          path: `openActions.${a.id}`,
          message: `Say what becomes of "${a.description}": done, carried to the pupil's case, or dropped with a reason`,
        })),
      });
    }
    const settled = { done: [] as string[], carried: [] as string[], dropped: [] as string[] };
    for (const a of open) {
      const f = fates.get(a.id);
      if (!f) continue;
      const note = f.note ? f.note : null;
      if (f.fate === 'done') {
        await updateAction(s.tx, a.id, { completedAt: now, completedBy: actor.userId, completionNote: note });
        await auditConcern(s, c.id, { action: 'concern.action_completed', detail: { actionId: a.id } });
      } else if (f.fate === 'carried') {
        await updateAction(s.tx, a.id, { carriedAt: now, carriedBy: actor.userId });
        await auditConcern(s, c.id, { action: 'concern.action_carried', detail: { actionId: a.id } });
      } else {
        await updateAction(s.tx, a.id, { droppedAt: now, droppedBy: actor.userId, dropReason: note });
        await auditConcern(s, c.id, { action: 'concern.action_dropped', detail: { actionId: a.id } });
      }
      settled[f.fate].push(a.id);
    }
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
    await auditConcern(s, c.id, {
      action: 'concern.closed',
      detail: {
        outcome: body.outcome,
        ...(open.length > 0
          ? { actionsDone: settled.done, actionsCarried: settled.carried, actionsDropped: settled.dropped }
          : {}),
      },
    });
  });
}
