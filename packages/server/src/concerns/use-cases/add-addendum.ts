import type { addAddendumBody } from '@tandem/core';
import type { z } from 'zod';
import type { AppDeps } from '../../platform/deps';
import type { SchoolRequest } from '../../platform/gate';
import { insertAddendum } from '../concerns.queries';
import { auditConcern, workOn } from '../work-on';

/** Add to a concern. The original account is never changed; the logger may add to their own. */
export async function addAddendum(
  deps: AppDeps,
  who: SchoolRequest,
  concernId: string,
  body: z.infer<typeof addAddendumBody>,
): Promise<void> {
  await workOn(
    deps,
    who,
    concernId,
    async (s, c) => {
      const addendumId = await insertAddendum(s.tx, {
        schoolId: s.schoolId,
        concernId: c.id,
        text: body.text,
        reason: body.reason,
        addedBy: s.actor.userId,
        addedAt: s.now,
      });
      await auditConcern(s, c.id, { action: 'concern.addendum_added', detail: { addendumId } });
    },
    { allowLogger: true, allowClosed: true },
  );
}
