/**
 * A leaver's file not sent by its due day is flagged once to the DSL team and the headteacher
 * (content-free: the alert names no pupil; the transfers list says which). Parts are claimed with
 * FOR UPDATE SKIP LOCKED and marked in the same transaction, so two processes never alert twice.
 * The confirmation of receipt that could not reach a sender is retried here too, and packages
 * opened but not imported (kept decrypted in transfer_previews) are deleted after PREVIEW_HOURS.
 */
import { and, asc, eq, inArray, isNull, lt } from 'drizzle-orm';
import { londonToday, type Role } from '@tandem/core';
import { pupilTransfers, schools, transferParts, transferPreviews } from '@tandem/core/schema';
import { notify } from '../platform/alerts';
import { holdersOf } from '../platform/directory';
import { asSystem } from '../platform/gate';
import type { DueJob } from '../platform/registries';
import { PREVIEW_HOURS } from './use-cases/receive-package';
import { receiptRetryJob } from './use-cases/send-receipt';

const BATCH = 50;
const DSL_TEAM_AND_HEAD: readonly Role[] = ['dsl', 'deputy_dsl', 'headteacher'];

const flagOverdue: DueJob = {
  name: 'transfersOverdue',
  batchSize: BATCH,
  runBatch: (deps, now) =>
    asSystem(deps, async (s) => {
      const today = londonToday(now);
      const due = await s.tx
        .select({
          id: transferParts.id,
          file: transferParts.file,
          schoolId: transferParts.schoolId,
          transferId: transferParts.transferId,
          dueOn: pupilTransfers.dueOn,
          trustId: schools.trustId,
        })
        .from(transferParts)
        .innerJoin(pupilTransfers, eq(pupilTransfers.id, transferParts.transferId))
        .innerJoin(schools, eq(schools.id, transferParts.schoolId))
        .where(
          and(
            inArray(transferParts.status, ['to_send', 'prepared']),
            isNull(transferParts.overdueFlaggedAt),
            lt(pupilTransfers.dueOn, today),
          ),
        )
        .orderBy(asc(pupilTransfers.dueOn))
        .limit(BATCH)
        .for('update', { of: transferParts, skipLocked: true });
      for (const x of due) {
        await s.tx.update(transferParts).set({ overdueFlaggedAt: now }).where(eq(transferParts.id, x.id));
        await s.audit(
          { action: 'transfer.overdue_flagged', detail: { partId: x.id, dueOn: x.dueOn } },
          { trustId: x.trustId, schoolId: x.schoolId, subject: { type: 'pupil_transfer', id: x.transferId } },
        );
        const people = await holdersOf(s.tx, x.schoolId, DSL_TEAM_AND_HEAD);
        await notify(s, {
          schoolId: x.schoolId,
          kind: 'transfer_overdue',
          concernId: null,
          people: people.map((p) => ({ id: p.id, email: p.email })),
        });
      }
      return due.length;
    }),
};

const PREVIEW_BATCH = 100;

/** Opened packages never imported: their decrypted content is not kept past PREVIEW_HOURS. */
const forgetOldPreviews: DueJob = {
  name: 'transferPreviewCleanup',
  batchSize: PREVIEW_BATCH,
  runBatch: (deps, now) =>
    asSystem(deps, async (s) => {
      const before = new Date(now.getTime() - PREVIEW_HOURS * 3600_000);
      const old = await s.tx
        .select({ id: transferPreviews.id })
        .from(transferPreviews)
        .where(lt(transferPreviews.createdAt, before))
        .orderBy(asc(transferPreviews.createdAt))
        .limit(PREVIEW_BATCH)
        .for('update', { skipLocked: true });
      if (old.length === 0) return 0;
      await s.tx.delete(transferPreviews).where(
        inArray(
          transferPreviews.id,
          old.map((o) => o.id),
        ),
      );
      return old.length;
    }),
};

export const transferDueJobs: readonly DueJob[] = [flagOverdue, receiptRetryJob, forgetOldPreviews];
