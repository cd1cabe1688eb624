import { londonToday, type ChangeActionInput } from '@tandem/core';
import { improvementActions } from '@tandem/core/schema';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { loadAction } from '../actions.queries';
import { requireDueNotPast, requireStaffOwner, requireStatementOfArea, requireVersion } from '../actions.rules';

const FIELDS = ['areaKey', 'statementKey', 'title', 'successCriteria', 'ownerUserId', 'dueOn'] as const;

/** The lead changes an action, from the version they opened (a change made meanwhile: 409). */
export async function changeAction(deps: AppDeps, at: SchoolRequest, actionId: string, input: ChangeActionInput) {
  return inSchool(deps, at, 'improvement.lead', async (s) => {
    const action = await loadAction(s.tx, s.schoolId, actionId, true);
    requireVersion(action, input.version);
    const next = {
      areaKey: input.areaKey ?? action.areaKey,
      statementKey: input.statementKey === undefined ? action.statementKey : input.statementKey,
      title: input.title ?? action.title,
      successCriteria: input.successCriteria ?? action.successCriteria,
      ownerUserId: input.ownerUserId ?? action.ownerUserId,
      dueOn: input.dueOn ?? action.dueOn,
    };
    const changed = FIELDS.filter((f) => next[f] !== action[f]);
    if (changed.length === 0) return { id: action.id, version: action.version };
    if (changed.includes('areaKey') || changed.includes('statementKey')) {
      requireStatementOfArea(next.statementKey, next.areaKey);
    }
    if (changed.includes('dueOn')) requireDueNotPast(next.dueOn, londonToday(s.now));
    if (changed.includes('ownerUserId')) await requireStaffOwner(s.tx, s.schoolId, next.ownerUserId);
    const version = action.version + 1;
    await s.tx
      .update(improvementActions)
      .set({
        ...next,
        version,
        // A new due date is reminded of afresh once it passes.
        ...(changed.includes('dueOn') ? { remindedOverdueOn: null } : {}),
        updatedAt: s.now,
      })
      .where(eq(improvementActions.id, action.id));
    await s.audit(
      { action: 'action.changed', detail: { fields: [...changed] } },
      { type: 'improvement_action', id: action.id },
    );
    return { id: action.id, version };
  });
}
