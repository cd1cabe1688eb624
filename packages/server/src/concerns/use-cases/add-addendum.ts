import type { addAddendumBody } from '@tandem/core';
import type { z } from 'zod';
import type { AppDeps } from '../../platform/deps';
import type { SchoolRequest } from '../../platform/gate';
import { findSameAddendum, insertAddendum } from '../concerns.queries';
import { auditConcern, workOn } from '../work-on';

/** How long after an addition the same words from the same person are taken as the same send. */
const RESEND_WINDOW_MS = 10 * 60_000;

/**
 * Add to a concern. The original account is never changed; the logger may add to their own. The
 * same addition sent again (a double click, a retry) is kept once and audited once.
 */
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
      const since = new Date(s.now.getTime() - RESEND_WINDOW_MS);
      const same = { concernId: c.id, text: body.text, reason: body.reason, addedBy: s.actor.userId, since };
      if (await findSameAddendum(s.tx, same)) return;
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
