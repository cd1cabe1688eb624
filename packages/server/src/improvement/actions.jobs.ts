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
import { remindOncePerPerson } from '../platform/reminders';
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
          userId: improvementActions.ownerUserId,
          email: users.email,
          disabledAt: users.disabledAt,
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
      await remindOncePerPerson(s, 'action_overdue', due, async (x) => {
        await tx.update(improvementActions).set({ remindedOverdueOn: x.dueOn }).where(eq(improvementActions.id, x.id));
        await s.audit(
          { action: 'action.overdue_reminder_sent', detail: { dueOn: x.dueOn } },
          { trustId: x.trustId, schoolId: x.schoolId, subject: { type: 'improvement_action', id: x.id } },
        );
      });
      return due.length;
    }),
};

export const actionDueJobs: readonly DueJob[] = [remindOverdueActions];
