import { AppError, parentsMayBeInformed, type recordParentsToldBody } from '@tandem/core';
import type { z } from 'zod';
import type { AppDeps } from '../../platform/deps';
import type { SchoolRequest } from '../../platform/gate';
import { insertAddendum, updateConcern } from '../concerns.queries';
import { auditConcern, workOn } from '../work-on';
import { NEVER_TELL } from '../parents';

/** Record how and when parents were told. Refused, with the reason, where they must not be told. */
export async function recordParentsTold(
  deps: AppDeps,
  who: SchoolRequest,
  concernId: string,
  body: z.infer<typeof recordParentsToldBody>,
): Promise<void> {
  await workOn(
    deps,
    who,
    concernId,
    async (s, c) => {
      const { tx, actor, now } = s;
      if (!parentsMayBeInformed(c)) throw NEVER_TELL;
      if (new Date(body.when).getTime() > now.getTime() + 5 * 60_000) {
        throw new AppError('validation', 'future', {
          fields: [{ path: 'when', message: 'This cannot be in the future' }],
        });
      }
      await updateConcern(tx, c.id, {
        parentsStatus: 'told',
        parentsToldAt: new Date(body.when),
        parentsToldHow: body.how,
        parentsToldBy: actor.userId,
        updatedAt: now,
      });
      if (body.note) {
        await insertAddendum(tx, {
          schoolId: s.schoolId,
          concernId: c.id,
          text: body.note,
          reason: 'Parents told',
          addedBy: actor.userId,
          addedAt: now,
        });
      }
      await auditConcern(s, c.id, { action: 'concern.parents_told', detail: { how: body.how } });
    },
    { allowClosed: true },
  );
}
