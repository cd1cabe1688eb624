import { AppError, type Actor } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { forAccount } from '../../platform/gate';
import { setEmailNews } from '../family.queries';

/** A parent turns the "something new" e-mails on or off (their own account; not about a child). */
export async function setPreferences(deps: AppDeps, actor: Actor, emailNews: boolean, ip: string) {
  if (!actor.assignments.some((a) => a.role === 'parent')) throw new AppError('not_found', 'not a parent account');
  return forAccount(deps, { ip }, async (a) => {
    await setEmailNews(a.tx, actor.userId, emailNews, a.now);
    return { emailNews };
  });
}
