import { AppError, concernAccessFor, type Actor, type ConcernDetail } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import type { DbOrTx } from '../../db/client';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { concernChildren, loadConcern, pupilsOf, staffName, type ConcernRow } from '../concerns.queries';
import { fullDetail, loggerView, todayOf } from '../concerns.mapping';
import { auditConcern } from '../work-on';

/**
 * Read a concern. Every read is audited, the logger's included. Out of sight answers 404; a refused
 * attempt to open one in the restricted safeguarding record is audited too (the refusal is returned,
 * not thrown, so the gate commits its audit entry before the 404 is answered).
 */
export async function getConcern(deps: AppDeps, who: SchoolRequest, concernId: string) {
  const answer = await inSchool(deps, who, 'concern.log', async (s) => {
    const { tx, actor, schoolId } = s;
    const c = await loadConcern(tx, schoolId, concernId);
    const access = concernAccessFor(actor, schoolId, c);
    if (access === 'none') {
      if (c.restricted) await auditConcern(s, c.id, { action: 'concern.access_refused', detail: {} });
      return null;
    }
    const response =
      access === 'full'
        ? { access: 'full' as const, concern: await readFull(tx, c, { actor, schoolId, today: todayOf(s.now) }) }
        : { access: 'logger' as const, concern: loggerView(c, (await pupilsOf(tx, [c.id])).get(c.id) ?? []) };
    // Audited last: the append locks the chain head until the transaction ends.
    await auditConcern(s, c.id, { action: 'concern.viewed', detail: { access } });
    return response;
  });
  if (answer === null) throw new AppError('not_found', 'concern not visible');
  return answer;
}

async function readFull(
  db: DbOrTx,
  c: ConcernRow,
  reader: { actor: Actor; schoolId: string; today: string },
): Promise<ConcernDetail> {
  const loggedByName = (await staffName(db, c.loggedBy)) ?? '';
  const acknowledgedByName = c.acknowledgedBy ? await staffName(db, c.acknowledgedBy) : null;
  const pupils = (await pupilsOf(db, [c.id])).get(c.id) ?? [];
  const children = await concernChildren(db, c.id);
  return fullDetail(c, { loggedByName, acknowledgedByName, pupils, children }, reader);
}
