import { AppError, routeConcern } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { holdersOf } from '../../platform/directory';
import { readInSchool, type SchoolRequest } from '../../platform/gate';
import { dslOnDuty, loadConcern } from '../concerns.queries';
import { loggedAnswer } from '../concerns.mapping';
import { alertGroups } from './log-concern';

/**
 * The confirmation shown after logging a concern, again (the page's own address, so a reload shows
 * it rather than an empty form): where it went, its reference, who was alerted and, if it was
 * urgent, who is on DSL duty now and the emergency steps. Only for the person who logged it; anyone
 * else gets 404. It carries no more than the answer to logging did (none of the account), so, like
 * that answer, it is not audited.
 */
export async function concernSent(deps: AppDeps, who: Omit<SchoolRequest, 'ip'>, concernId: string) {
  return readInSchool(deps, who, 'concern.log', async ({ db, actor, schoolId, now }) => {
    const c = await loadConcern(db, schoolId, concernId);
    if (c.loggedBy !== actor.userId) throw new AppError('not_found', 'not the logger');
    const decision = routeConcern(c);
    const alerted = [];
    for (const g of alertGroups(decision)) {
      const people = (await holdersOf(db, schoolId, g.roles)).filter((p) => p.id !== actor.userId);
      if (people.length > 0) alerted.push({ who: g.who, names: people.map((p) => p.displayName).sort() });
    }
    const onDuty = decision.findDslNow || decision.alsoAlertDslTeam ? await dslOnDuty(db, schoolId, now) : [];
    return loggedAnswer(c, { onDuty, alerted, alreadyReceived: false });
  });
}
