/**
 * The action plan's part of my work: the person's own unfinished actions in this school, each
 * flagged overdue once its due date has passed. The owner may open each (the action page).
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { areaTitle, type ActionDueItem } from '@tandem/core';
import { improvementActions } from '@tandem/core/schema';
import type { MyWorkSource } from '../platform/registries';

const LIMIT = 50;

export const actionMyWork: MyWorkSource = {
  name: 'actions',
  async items(db, { actor, schoolId, today }) {
    const rows = await db
      .select({
        id: improvementActions.id,
        title: improvementActions.title,
        areaKey: improvementActions.areaKey,
        dueOn: improvementActions.dueOn,
      })
      .from(improvementActions)
      .where(
        and(
          eq(improvementActions.schoolId, schoolId),
          eq(improvementActions.ownerUserId, actor.userId),
          inArray(improvementActions.status, ['not_started', 'in_progress']),
        ),
      )
      .orderBy(asc(improvementActions.dueOn))
      .limit(LIMIT);
    const actionsDue: ActionDueItem[] = rows.map((r) => ({
      actionId: r.id,
      title: r.title,
      areaTitle: areaTitle(r.areaKey),
      dueOn: r.dueOn,
      overdue: r.dueOn < today,
    }));
    return { actionsDue };
  },
};
