/**
 * Overdue plan reviews (assess, plan, do, review): once a plan's review date has passed, its lead
 * is reminded once for that date, in the app and by e-mail. Neither names the pupil or the plan:
 * the reminder says a review is overdue and the lead's home page lists which. Several plans of one
 * lead falling due in the same run make one reminder. Rows are claimed with FOR UPDATE SKIP LOCKED
 * and marked in the same transaction, so two server processes never remind twice.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { londonToday } from '@tandem/core';
import { plans, schools, users } from '@tandem/core/schema';
import { asSystem } from '../platform/gate';
import { remindOncePerPerson } from '../platform/reminders';
import type { DueJob } from '../platform/registries';

const BATCH = 50;

const remindOverdueReviews: DueJob = {
  name: 'reviewReminders',
  batchSize: BATCH,
  runBatch: (deps, now) =>
    asSystem(deps, async (s) => {
      const { tx } = s;
      const today = londonToday(now);
      const due = await tx
        .select({
          id: plans.id,
          schoolId: plans.schoolId,
          trustId: schools.trustId,
          reviewDue: plans.reviewDue,
          userId: plans.leadUserId,
          email: users.email,
          disabledAt: users.disabledAt,
        })
        .from(plans)
        .innerJoin(schools, eq(schools.id, plans.schoolId))
        .innerJoin(users, eq(users.id, plans.leadUserId))
        .where(
          and(
            isNull(plans.endedAt),
            sql`${plans.reviewDue} < ${today}::date`,
            sql`${plans.reviewReminderFor} is distinct from ${plans.reviewDue}`,
          ),
        )
        .orderBy(asc(plans.reviewDue))
        .limit(BATCH)
        .for('update', { of: plans, skipLocked: true });
      await remindOncePerPerson(s, 'plan_reviews_overdue', due, async (x) => {
        await tx.update(plans).set({ reviewReminderFor: x.reviewDue }).where(eq(plans.id, x.id));
        await s.audit(
          { action: 'plan.review_reminder_sent', detail: { reviewDue: x.reviewDue } },
          { trustId: x.trustId, schoolId: x.schoolId, subject: { type: 'plan', id: x.id } },
        );
      });
      return due.length;
    }),
};

export const planDueJobs: readonly DueJob[] = [remindOverdueReviews];
