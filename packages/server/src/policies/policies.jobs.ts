/**
 * Overdue policy reviews: once a policy's next review date has passed, its owner is reminded once
 * for that date, in the app and by e-mail (content-free: the home page lists which). Several
 * policies of one owner falling due in the same run make one reminder. Rows are claimed with
 * FOR UPDATE SKIP LOCKED and marked in the same transaction, so two processes never remind twice.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { londonToday } from '@tandem/core';
import { policies, schools, users } from '@tandem/core/schema';
import { remindOncePerPerson } from '../platform/reminders';
import { asSystem } from '../platform/gate';
import type { DueJob } from '../platform/registries';

const BATCH = 50;

const remindOverduePolicyReviews: DueJob = {
  name: 'policyReviewReminders',
  batchSize: BATCH,
  runBatch: (deps, now) =>
    asSystem(deps, async (s) => {
      const { tx } = s;
      const today = londonToday(now);
      const due = await tx
        .select({
          id: policies.id,
          schoolId: policies.schoolId,
          trustId: schools.trustId,
          nextReviewOn: policies.nextReviewOn,
          userId: policies.ownerUserId,
          email: users.email,
          disabledAt: users.disabledAt,
        })
        .from(policies)
        .innerJoin(schools, eq(schools.id, policies.schoolId))
        .innerJoin(users, eq(users.id, policies.ownerUserId))
        .where(
          and(
            sql`${policies.nextReviewOn} < ${today}::date`,
            sql`${policies.reviewReminderFor} is distinct from ${policies.nextReviewOn}`,
          ),
        )
        .orderBy(asc(policies.nextReviewOn))
        .limit(BATCH)
        .for('update', { of: policies, skipLocked: true });
      await remindOncePerPerson(s, 'policy_review_overdue', due, async (x) => {
        await tx.update(policies).set({ reviewReminderFor: x.nextReviewOn }).where(eq(policies.id, x.id));
        await s.audit(
          { action: 'policy.review_reminder_sent', detail: { nextReviewOn: x.nextReviewOn } },
          { trustId: x.trustId, schoolId: x.schoolId, subject: { type: 'policy', id: x.id } },
        );
      });
      return due.length;
    }),
};

export const policyDueJobs: readonly DueJob[] = [remindOverduePolicyReviews];
