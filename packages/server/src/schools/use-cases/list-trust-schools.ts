import type { Actor, School } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { inTrust } from '../../platform/gate';
import { toSchool } from '../schools.mapping';
import { schoolsOfTrust } from '../schools.queries';

/** The schools of a trust, by name, for its trust roles. */
export function listTrustSchools(deps: AppDeps, actor: Actor, trustId: string, ip: string): Promise<School[]> {
  return inTrust(deps, { actor, trustId, ip }, 'trust.viewReports', async (t) =>
    (await schoolsOfTrust(t.tx, trustId)).map(toSchool),
  );
}
