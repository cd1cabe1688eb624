import { AppError, belongsToSchool, canInTrust, type Actor, type School } from '@tandem/core';
import type { DbOrTx } from '../../db/client';
import type { AppDeps } from '../../platform/deps';
import { readInSchool } from '../../platform/gate';
import { toSchool } from '../schools.mapping';
import { schoolById } from '../schools.queries';

/**
 * A school's details, for anyone with a role in it, and for trust roles who may see the trust's
 * reports. Anyone else is told it does not exist.
 */
export async function getSchool(deps: AppDeps, actor: Actor, schoolId: string): Promise<School> {
  if (belongsToSchool(actor, schoolId)) {
    return readInSchool(deps, { actor, schoolId }, 'member', async (s) =>
      toSchool(await found(s.db, schoolId), deps.config.defaultIdleMinutes),
    );
  }
  // A trust role holds no role in the school itself: its trust is known only once the row is read.
  const row = await found(deps.database.db, schoolId);
  if (!canInTrust(actor, 'trust.viewReports', row.trustId)) throw new AppError('not_found', 'school not in scope');
  return toSchool(row, deps.config.defaultIdleMinutes);
}

async function found(db: DbOrTx, schoolId: string) {
  const row = await schoolById(db, schoolId);
  if (!row) throw new AppError('not_found', 'school not found');
  return row;
}
