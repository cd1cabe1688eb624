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
import { notify } from '../platform/alerts';
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
          leadUserId: plans.leadUserId,
          leadEmail: users.email,
          leadDisabled: users.disabledAt,
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
      const byLead = new Map<string, { schoolId: string; userId: string; email: string }>();
      for (const p of due) {
        await tx.update(plans).set({ reviewReminderFor: p.reviewDue }).where(eq(plans.id, p.id));
        await s.audit(
          { action: 'plan.review_reminder_sent', detail: { reviewDue: p.reviewDue } },
          { trustId: p.trustId, schoolId: p.schoolId, subject: { type: 'plan', id: p.id } },
        );
        if (!p.leadDisabled) {
          byLead.set(`${p.schoolId}:${p.leadUserId}`, {
            schoolId: p.schoolId,
            userId: p.leadUserId,
            email: p.leadEmail,
          });
        }
      }
      for (const lead of byLead.values()) {
        await notify(s, {
          schoolId: lead.schoolId,
          kind: 'plan_reviews_overdue',
          concernId: null,
          people: [{ id: lead.userId, email: lead.email }],
        });
      }
      return due.length;
    }),
};

export const planDueJobs: readonly DueJob[] = [remindOverdueReviews];
