/**
 * Records retention in "my work". A child-protection file proposed for destruction waits for a
 * second person: everyone with records.retention but its proposer is asked to confirm it, seeing
 * whose file it is as the retention page shows them (never its contents or counts). The DSL team
 * is also told how many pupils' records of each kind are past their review date, none waiting for a
 * second person: a count, no names. Both link to the retention page.
 *
 * The past-review count gathers records through every feature's source, as the page does: the
 * sources are passed in by features.ts (a source has no deps of its own).
 */
import { and, eq, ne } from 'drizzle-orm';
import {
  canInSchool,
  RECORD_CLASSES,
  type DestructionToConfirmItem,
  type RecordClass,
  type RetentionPastReviewItem,
} from '@tandem/core';
import { retentionDestructions, users } from '@tandem/core/schema';
import type { MyWorkSource, PupilRecordSource } from '../platform/registries';
import { openProposals, settingsOf } from './retention.queries';
import { recordsReachingReview } from './retention.review';
import { seesChildProtection } from './retention.rules';

/** At most this many of the oldest pupils are gathered for the count (the page shows the rest). */
const COUNT_PUPILS = 200;

export function retentionMyWork(sources: () => readonly PupilRecordSource[]): MyWorkSource {
  return {
    name: 'retention',
    async items(db, r) {
      if (!canInSchool(r.actor, 'records.retention', r.schoolId)) return {};
      const proposals = await db
        .select({ d: retentionDestructions, proposedByName: users.displayName })
        .from(retentionDestructions)
        .innerJoin(users, eq(users.id, retentionDestructions.proposedBy))
        .where(
          and(
            eq(retentionDestructions.schoolId, r.schoolId),
            eq(retentionDestructions.status, 'proposed'),
            eq(retentionDestructions.recordClass, 'child-protection'),
            ne(retentionDestructions.proposedBy, r.actor.userId),
          ),
        );
      const destructionsToConfirm: DestructionToConfirmItem[] = proposals.map(({ d, proposedByName }) => ({
        destructionId: d.id,
        pupil: { id: d.pupilId, name: d.pupilName },
        proposedByName,
        proposedAt: d.proposedAt.toISOString(),
      }));
      if (!seesChildProtection(r.actor, r.schoolId)) return { destructionsToConfirm };

      const settings = await settingsOf(db, r.schoolId);
      const { rows } = await recordsReachingReview(sources(), db, {
        schoolId: r.schoolId,
        classes: RECORD_CLASSES,
        settings,
        today: r.today,
        horizon: r.today,
        limit: COUNT_PUPILS,
      });
      const waiting = new Set((await openProposals(db, r.schoolId, RECORD_CLASSES)).map(({ d }) => key(d)));
      const pupilsOf = new Map<RecordClass, Set<string>>();
      for (const row of rows) {
        if (!row.due || waiting.has(key(row))) continue;
        const set = pupilsOf.get(row.recordClass) ?? new Set<string>();
        set.add(row.pupilId);
        pupilsOf.set(row.recordClass, set);
      }
      const retentionPastReview: RetentionPastReviewItem[] = RECORD_CLASSES.flatMap((recordClass) => {
        const n = pupilsOf.get(recordClass)?.size ?? 0;
        return n > 0 ? [{ recordClass, pupils: n }] : [];
      });
      return { destructionsToConfirm, retentionPastReview };
    },
  };
}

const key = (x: { pupilId: string; recordClass: RecordClass }) => `${x.pupilId}/${x.recordClass}`;
