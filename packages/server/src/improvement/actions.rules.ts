/** The action plan's checks shared by several use cases. */
import { AppError, canInSchool, statementByKey, type Actor } from '@tandem/core';
import type { DbOrTx } from '../db/client';
import { staffOfSchool } from '../platform/directory';
import type { ActionRow } from './actions.queries';

function invalid(path: string, message: string): AppError {
  return new AppError('validation', message, { fields: [{ path, message }] });
}

/** The owner is a current member of staff of this school. */
export async function requireStaffOwner(db: DbOrTx, schoolId: string, ownerUserId: string): Promise<void> {
  const staff = await staffOfSchool(db, schoolId);
  if (!staff.some((s) => s.id === ownerUserId)) {
    throw invalid('ownerUserId', 'Choose a member of staff of this school to own the action');
  }
}

/** The statement it answers, if any, is one of the area's statements. */
export function requireStatementOfArea(statementKey: string | null, areaKey: string): void {
  if (statementKey === null) return;
  if (statementByKey(statementKey)?.areaKey !== areaKey) {
    throw invalid('statementKey', 'Choose a statement of the area the action serves, or none');
  }
}

export function requireDueNotPast(dueOn: string, today: string): void {
  if (dueOn < today) throw invalid('dueOn', 'The due date cannot be in the past');
}

/** A change made from an older version is refused, not overwritten; the editor keeps its text. */
export function requireVersion(action: ActionRow, version: number): void {
  if (action.version !== version) {
    throw new AppError('conflict', 'stale action', {
      userMessage:
        'Someone changed this action while you were editing. Your text is still here: load it again to see their change.',
    });
  }
}

/** The lead writes and changes the plan. */
export function isLead(actor: Actor, schoolId: string): boolean {
  return canInSchool(actor, 'improvement.lead', schoolId);
}

/** Who reads the whole plan: contributors to the self-assessment and the lead. */
export function readsPlan(actor: Actor, schoolId: string): boolean {
  return isLead(actor, schoolId) || canInSchool(actor, 'improvement.contribute', schoolId);
}
