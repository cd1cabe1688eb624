/** Action-plan rows to API answers, in one place. */
import {
  actionFinished,
  areaTitle,
  areasOf,
  proposesAction,
  statementByKey,
  statementsOf,
  type ActionPlanAssessment,
  type ImprovementAction,
  type ProposedAction,
  type Rating,
} from '@tandem/core';
import type { ActionWithOwner, AssessmentRow, NoteRow } from './actions.queries';

export function assessmentOf(a: AssessmentRow): ActionPlanAssessment {
  return { id: a.id, framework: a.framework, periodLabel: a.periodLabel, startedOn: a.startedOn, status: a.status };
}

/** Whether an unfinished action is past its due date on this school day. */
export function isOverdue(a: { status: ActionWithOwner['status']; dueOn: string }, today: string): boolean {
  return !actionFinished(a.status) && a.dueOn < today;
}

export function actionOf(
  a: ActionWithOwner,
  o: { notes: readonly NoteRow[]; periodLabels: ReadonlyMap<string, string>; today: string },
): ImprovementAction {
  return {
    id: a.id,
    areaKey: a.areaKey,
    areaTitle: areaTitle(a.areaKey),
    statementKey: a.statementKey,
    statementText: a.statementKey ? (statementByKey(a.statementKey)?.text ?? null) : null,
    title: a.title,
    successCriteria: a.successCriteria,
    owner: { id: a.ownerUserId, name: a.ownerName },
    dueOn: a.dueOn,
    status: a.status,
    overdue: isOverdue(a, o.today),
    version: a.version,
    carriedFrom: a.firstAssessmentId !== a.assessmentId ? (o.periodLabels.get(a.firstAssessmentId) ?? null) : null,
    notes: o.notes
      .filter((n) => n.actionId === a.id)
      .map((n) => ({ id: n.id, note: n.note, status: n.statusAfter, byName: n.byName, at: n.writtenAt.toISOString() })),
  };
}

/** Actions grouped by area, in the order of the frameworks' areas (unknown areas last). */
export function groupByArea(actions: readonly ImprovementAction[]) {
  const groups = new Map<string, ImprovementAction[]>();
  for (const a of actions) groups.set(a.areaKey, [...(groups.get(a.areaKey) ?? []), a]);
  const order = [...areasOf('principles'), ...areasOf('county'), ...areasOf('steps')].map((x) => x.key);
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([areaKey, list]) => ({ areaKey, areaTitle: areaTitle(areaKey), actions: list }));
}

/**
 * Statements rated below "established" that no action of the plan answers yet, in the
 * framework's order.
 */
export function proposals(
  assessment: AssessmentRow,
  ratings: readonly { statementKey: string; rating: Rating | null }[],
  answered: ReadonlySet<string>,
): ProposedAction[] {
  const byKey = new Map(ratings.map((r) => [r.statementKey, r.rating]));
  const out: ProposedAction[] = [];
  for (const s of statementsOf(assessment.framework)) {
    const rating = byKey.get(s.key) ?? null;
    if (rating === null || !proposesAction(rating) || answered.has(s.key)) continue;
    out.push({
      statementKey: s.key,
      statementText: s.text,
      areaKey: s.areaKey,
      areaTitle: areaTitle(s.areaKey),
      rating,
    });
  }
  return out;
}
