/**
 * The checks plan changes share: the version the writer started from, a plan that has ended, the
 * content and sharing a kind of plan allows, and who may mark a plan agreed. Each refuses with the
 * message the person sees.
 */
import {
  AppError,
  CASE_ROLE_SET,
  KIND_SHAREABLE_WITH_PARENTS,
  KIND_SHAREABLE_WITH_STAFF,
  checkContentForKind,
  rolesInSchool,
  type Actor,
  type PlanContent,
  type PlanKind,
  type Role,
} from '@tandem/core';
import type { DbOrTx } from '../db/client';
import { loadVersion, type PlanAccess, type PlanRow } from './plans.queries';

/** Roles that may lead a plan. */
export const CASE_ROLES: readonly Role[] = [...CASE_ROLE_SET];

/** A refusal naming the one field at fault. */
export function validation(path: string, message: string): AppError {
  return new AppError('validation', message, { fields: [{ path, message }] });
}

/** Checks the content against the kind's rules, as the create body does, for a revision. */
export function requireContentForKind(kind: PlanKind, content: PlanContent): void {
  const fields: { path: string; message: string }[] = [];
  checkContentForKind(kind, content, {
    addIssue: (i) => fields.push({ path: i.path.join('.'), message: i.message }),
  });
  if (fields.length > 0) throw new AppError('validation', 'content does not fit kind', { fields });
}

/** An ended plan is kept as it was: refuses any change. */
export function requireNotEnded(plan: PlanRow): void {
  if (plan.endedAt) {
    throw new AppError('conflict', 'plan ended', {
      userMessage: 'This plan has ended, so it can no longer be changed. Write a new plan if one is needed.',
    });
  }
}

const SAVED_AT = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});

/** The writer's version is not the newest: say who saved the newer one, and when. */
export async function staleVersion(db: DbOrTx, plan: PlanRow): Promise<AppError> {
  const latest = await loadVersion(db, plan.id, plan.version);
  const when = SAVED_AT.format(latest.createdAt);
  return new AppError('conflict', 'stale plan version', {
    userMessage: `${latest.createdByName} saved a newer version of this plan (version ${plan.version}, ${when}) while you were working. Nothing you entered has been saved yet.`,
  });
}

/** Refuses a change that started from an older version than the (locked) plan's. */
export async function requireCurrent(db: DbOrTx, plan: PlanRow, version: number): Promise<void> {
  if (version !== plan.version) throw await staleVersion(db, plan);
}

/** A Signs of Safety record stays with the case team; parents see only kinds with parent parts. */
export function checkSharingForKind(
  kind: PlanKind,
  s: { shareWithTeaching: boolean; sharedWith: string[]; parentShareable: boolean },
): void {
  if (!KIND_SHAREABLE_WITH_STAFF[kind] && (s.shareWithTeaching || s.sharedWith.length > 0)) {
    throw validation(
      'sharedWith',
      'A Signs of Safety record stays with the case team; it cannot be given to other staff',
    );
  }
  if (!KIND_SHAREABLE_WITH_PARENTS[kind] && s.parentShareable) {
    throw validation('parentShareable', 'This kind of plan has no parent-facing parts');
  }
}

/** Only the plan's lead or a Senior Mental Health Lead may say every agreement is in. */
export function requireLeadOrSmhl(actor: Actor, schoolId: string, plan: PlanRow): void {
  if (plan.leadUserId !== actor.userId && !rolesInSchool(actor, schoolId).includes('smhl')) {
    throw new AppError('forbidden', 'not the plan lead', {
      userMessage: "Only the plan's lead or the Senior Mental Health Lead can mark it agreed.",
    });
  }
}

/** Someone the plan was not given to is told nothing, not even that it exists. */
export function requireVisible(access: PlanAccess): asserts access is Exclude<PlanAccess, 'none'> {
  if (access === 'none') throw new AppError('not_found', 'plan not visible');
}
