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
import type { AppDeps } from '../app';
import { appendAudit } from '../audit/audit.service';
import { deliverAlerts, recordAlerts, type PendingEmail } from '../concerns/alerts';

const BATCH = 50;

/** One batch; returns how many plans were reminded about. */
export async function remindOverdueReviews(deps: AppDeps, now: Date): Promise<number> {
  const today = londonToday(now);
  const emails: PendingEmail[] = [];
  const wake: string[] = [];
  const count = await deps.database.db.transaction(async (tx) => {
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
    const byLead = new Map<string, { schoolId: string; email: string }>();
    for (const p of due) {
      await tx.update(plans).set({ reviewReminderFor: p.reviewDue }).where(eq(plans.id, p.id));
      await appendAudit(
        tx,
        deps.clock,
        { action: 'plan.review_reminder_sent', detail: { reviewDue: p.reviewDue } },
        { actorUserId: null, trustId: p.trustId, schoolId: p.schoolId, subjectType: 'plan', subjectId: p.id },
      );
      if (!p.leadDisabled) byLead.set(`${p.schoolId}:${p.leadUserId}`, { schoolId: p.schoolId, email: p.leadEmail });
    }
    for (const [key, lead] of byLead) {
      const userId = key.split(':')[1] as string;
      emails.push(
        ...(await recordAlerts(tx, deps, {
          schoolId: lead.schoolId,
          kind: 'plan_reviews_overdue',
          concernId: null,
          people: [{ id: userId, email: lead.email }],
        })),
      );
      wake.push(userId);
    }
    return due.length;
  });
  await deliverAlerts(deps, emails, wake);
  return count;
}
