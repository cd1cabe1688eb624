/**
 * Overdue actions: once an unfinished action's due date has passed, its owner is reminded once for
 * that date, in the app and by a content-free e-mail (the home page lists which). Several actions
 * of one owner falling due in the same run make one reminder. Rows are claimed with FOR UPDATE
 * SKIP LOCKED and marked in the same transaction, so two server processes never remind twice.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { londonToday } from '@tandem/core';
import { improvementActions, schools, users } from '@tandem/core/schema';
import { asSystem } from '../platform/gate';
import { notify } from '../platform/alerts';
import type { DueJob } from '../platform/registries';

const BATCH = 50;

const remindOverdueActions: DueJob = {
  name: 'actionReminders',
  batchSize: BATCH,
  runBatch: (deps, now) =>
    asSystem(deps, async (s) => {
      const { tx } = s;
      const today = londonToday(now);
      const due = await tx
        .select({
          id: improvementActions.id,
          schoolId: improvementActions.schoolId,
          trustId: schools.trustId,
          dueOn: improvementActions.dueOn,
          ownerUserId: improvementActions.ownerUserId,
          ownerEmail: users.email,
          ownerDisabled: users.disabledAt,
        })
        .from(improvementActions)
        .innerJoin(schools, eq(schools.id, improvementActions.schoolId))
        .innerJoin(users, eq(users.id, improvementActions.ownerUserId))
        .where(
          and(
            inArray(improvementActions.status, ['not_started', 'in_progress']),
            sql`${improvementActions.dueOn} < ${today}::date`,
            sql`${improvementActions.remindedOverdueOn} is distinct from ${improvementActions.dueOn}`,
          ),
        )
        .orderBy(asc(improvementActions.dueOn))
        .limit(BATCH)
        .for('update', { of: improvementActions, skipLocked: true });
      const byOwner = new Map<string, { schoolId: string; userId: string; email: string }>();
      for (const a of due) {
        await tx.update(improvementActions).set({ remindedOverdueOn: a.dueOn }).where(eq(improvementActions.id, a.id));
        await s.audit(
          { action: 'action.overdue_reminder_sent', detail: { dueOn: a.dueOn } },
          { trustId: a.trustId, schoolId: a.schoolId, subject: { type: 'improvement_action', id: a.id } },
        );
        if (!a.ownerDisabled) {
          byOwner.set(`${a.schoolId}:${a.ownerUserId}`, {
            schoolId: a.schoolId,
            userId: a.ownerUserId,
            email: a.ownerEmail,
          });
        }
      }
      for (const owner of byOwner.values()) {
        await notify(s, {
          schoolId: owner.schoolId,
          kind: 'action_overdue',
          concernId: null,
          people: [{ id: owner.userId, email: owner.email }],
        });
      }
      return due.length;
    }),
};

export const actionDueJobs: readonly DueJob[] = [remindOverdueActions];
