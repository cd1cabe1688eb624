/**
 * A pupil's "I'd like to talk to someone" not acknowledged by the end of the school day goes to the
 * lead (the SMHL, or the DSL team when the school has no SMHL): alerted, content-free, and listed
 * first on their home page. Rows are claimed with FOR UPDATE SKIP LOCKED and marked escalated in the
 * same transaction, so two server processes never alert twice.
 */
import { and, asc, eq, isNull, lte } from 'drizzle-orm';
import { checkins, schools } from '@tandem/core/schema';
import { asSystem } from '../platform/gate';
import { notify } from '../platform/alerts';
import { holdersOf } from '../platform/directory';
import type { DueJob } from '../platform/registries';

const BATCH = 50;

const escalateUnreadTalk: DueJob = {
  name: 'talkEscalations',
  batchSize: BATCH,
  runBatch: (deps, now) =>
    asSystem(deps, async (s) => {
      const due = await s.tx
        .select({ id: checkins.id, schoolId: checkins.schoolId, trustId: schools.trustId })
        .from(checkins)
        .innerJoin(schools, eq(schools.id, checkins.schoolId))
        .where(
          and(
            eq(checkins.wantsToTalk, true),
            isNull(checkins.acknowledgedAt),
            isNull(checkins.escalatedAt),
            lte(checkins.escalateAt, now),
          ),
        )
        .orderBy(asc(checkins.escalateAt))
        .limit(BATCH)
        .for('update', { of: checkins, skipLocked: true });
      const bySchool = new Map<string, string>();
      for (const c of due) {
        await s.tx.update(checkins).set({ escalatedAt: now }).where(eq(checkins.id, c.id));
        await s.audit(
          { action: 'checkin.escalated', detail: {} },
          { trustId: c.trustId, schoolId: c.schoolId, subject: { type: 'checkin', id: c.id } },
        );
        bySchool.set(c.schoolId, c.trustId);
      }
      for (const schoolId of bySchool.keys()) {
        let leads = await holdersOf(s.tx, schoolId, ['smhl']);
        if (leads.length === 0) leads = await holdersOf(s.tx, schoolId, ['dsl', 'deputy_dsl']);
        await notify(s, {
          schoolId,
          kind: 'talk_unacknowledged',
          concernId: null,
          people: leads.map((l) => ({ id: l.id, email: l.email })),
        });
      }
      return due.length;
    }),
};

export const checkinDueJobs: readonly DueJob[] = [escalateUnreadTalk];
