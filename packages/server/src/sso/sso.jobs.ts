/**
 * One-time single sign-on attempts do not outlive their use: a due job deletes those that ended a
 * day ago or more (a used or expired one is kept that long, so a late or replayed return is told
 * apart from a state Tandem never gave). Claimed with FOR UPDATE SKIP LOCKED, so several processes
 * never trip over each other. The attempts hold no personal data (a hash of the address at most).
 */
import { asc, inArray, lt } from 'drizzle-orm';
import { ssoAttempts } from '@tandem/core/schema';
import { asSystem } from '../platform/gate';
import type { DueJob } from '../platform/registries';

const BATCH = 200;
/** How long an ended attempt is kept to recognise a replay. */
export const ATTEMPT_KEPT_MS = 86_400_000;

const forgetOldAttempts: DueJob = {
  name: 'ssoAttemptCleanup',
  batchSize: BATCH,
  runBatch: (deps, now) =>
    asSystem(deps, async (s) => {
      const old = await s.tx
        .select({ id: ssoAttempts.id })
        .from(ssoAttempts)
        .where(lt(ssoAttempts.expiresAt, new Date(now.getTime() - ATTEMPT_KEPT_MS)))
        .orderBy(asc(ssoAttempts.expiresAt))
        .limit(BATCH)
        .for('update', { skipLocked: true });
      if (old.length === 0) return 0;
      await s.tx.delete(ssoAttempts).where(
        inArray(
          ssoAttempts.id,
          old.map((o) => o.id),
        ),
      );
      return old.length;
    }),
};

export const ssoDueJobs: readonly DueJob[] = [forgetOldAttempts];
