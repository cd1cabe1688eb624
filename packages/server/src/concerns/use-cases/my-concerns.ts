import type { Actor } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { readInSchool } from '../../platform/gate';
import { concernsLoggedBy, pupilsOf } from '../concerns.queries';
import { loggerView } from '../concerns.mapping';

/** The concerns the signed-in member of staff has logged, as the logger sees them. */
export async function myConcerns(deps: AppDeps, who: { actor: Actor; schoolId: string }) {
  return readInSchool(deps, who, 'concern.log', async ({ db, actor, schoolId }) => {
    const rows = await concernsLoggedBy(db, schoolId, actor.userId);
    const pupilMap = await pupilsOf(
      db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => loggerView(r, pupilMap.get(r.id) ?? []));
  });
}
