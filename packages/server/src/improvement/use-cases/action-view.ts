/** Actions as the plan and the action page show them: with their notes and where they came from. */
import { londonToday, type ImprovementAction } from '@tandem/core';
import type { DbOrTx } from '../../db/client';
import { actionOf } from '../actions.mapping';
import { assessmentsOfSchool, notesOf, type ActionWithOwner } from '../actions.queries';

export async function actionViews(
  db: DbOrTx,
  schoolId: string,
  rows: readonly ActionWithOwner[],
  now: Date,
): Promise<ImprovementAction[]> {
  const notes = await notesOf(
    db,
    schoolId,
    rows.map((r) => r.id),
  );
  const periodLabels = new Map((await assessmentsOfSchool(db, schoolId)).map((a) => [a.id, a.periodLabel]));
  const today = londonToday(now);
  return rows.map((r) => actionOf(r, { notes, periodLabels, today }));
}
