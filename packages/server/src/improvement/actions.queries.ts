/**
 * The action plan's SQL: every query is scoped to one school. An action belongs to the plan of the
 * assessment it is held by now (`assessmentId`); an unfinished one moves on to each new assessment.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { AppError } from '@tandem/core';
import { assessmentRatings, assessments, improvementActionNotes, improvementActions, users } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';

export type ActionRow = typeof improvementActions.$inferSelect;
export type AssessmentRow = typeof assessments.$inferSelect;
export type ActionWithOwner = ActionRow & { ownerName: string };
export interface NoteRow {
  id: string;
  actionId: string;
  note: string;
  statusAfter: ActionRow['status'];
  byName: string;
  writtenAt: Date;
}

/** Every assessment of the school, newest first (by the day it started, then when it was made). */
export async function assessmentsOfSchool(db: DbOrTx, schoolId: string): Promise<AssessmentRow[]> {
  return db
    .select()
    .from(assessments)
    .where(eq(assessments.schoolId, schoolId))
    .orderBy(desc(assessments.startedOn), desc(assessments.createdAt));
}

/** The assessment whose action plan is current: the latest one, or null when there is none. */
export async function latestAssessment(db: DbOrTx, schoolId: string): Promise<AssessmentRow | null> {
  const [row] = await db
    .select()
    .from(assessments)
    .where(eq(assessments.schoolId, schoolId))
    .orderBy(desc(assessments.startedOn), desc(assessments.createdAt))
    .limit(1);
  return row ?? null;
}

/** The ratings given in one assessment (statements not yet rated have no row or a null rating). */
export async function ratingsOf(db: DbOrTx, schoolId: string, assessmentId: string) {
  return db
    .select({ statementKey: assessmentRatings.statementKey, rating: assessmentRatings.rating })
    .from(assessmentRatings)
    .where(and(eq(assessmentRatings.schoolId, schoolId), eq(assessmentRatings.assessmentId, assessmentId)));
}

const withOwner = { a: improvementActions, ownerName: users.displayName };

/** The actions held by one assessment's plan, with their owners' names, soonest due first. */
export async function actionsOfPlan(db: DbOrTx, schoolId: string, assessmentId: string): Promise<ActionWithOwner[]> {
  const rows = await db
    .select(withOwner)
    .from(improvementActions)
    .innerJoin(users, eq(users.id, improvementActions.ownerUserId))
    .where(and(eq(improvementActions.schoolId, schoolId), eq(improvementActions.assessmentId, assessmentId)))
    .orderBy(asc(improvementActions.dueOn), asc(improvementActions.createdAt));
  return rows.map((r) => ({ ...r.a, ownerName: r.ownerName }));
}

/** One action of the school, or 404 as if it did not exist; `lock` holds it for a change. */
export async function loadAction(
  db: DbOrTx,
  schoolId: string,
  actionId: string,
  lock = false,
): Promise<ActionWithOwner> {
  const query = db
    .select(withOwner)
    .from(improvementActions)
    .innerJoin(users, eq(users.id, improvementActions.ownerUserId))
    .where(and(eq(improvementActions.schoolId, schoolId), eq(improvementActions.id, actionId)));
  const [row] = lock ? await query.for('update', { of: improvementActions }) : await query;
  if (!row) throw new AppError('not_found', 'action not found');
  return { ...row.a, ownerName: row.ownerName };
}

/** The progress notes of these actions, oldest first, with who wrote them. */
export async function notesOf(db: DbOrTx, schoolId: string, actionIds: readonly string[]): Promise<NoteRow[]> {
  if (actionIds.length === 0) return [];
  return db
    .select({
      id: improvementActionNotes.id,
      actionId: improvementActionNotes.actionId,
      note: improvementActionNotes.note,
      statusAfter: improvementActionNotes.statusAfter,
      byName: users.displayName,
      writtenAt: improvementActionNotes.writtenAt,
    })
    .from(improvementActionNotes)
    .innerJoin(users, eq(users.id, improvementActionNotes.writtenBy))
    .where(and(eq(improvementActionNotes.schoolId, schoolId), inArray(improvementActionNotes.actionId, [...actionIds])))
    .orderBy(asc(improvementActionNotes.writtenAt), asc(improvementActionNotes.id));
}

/** One assessment of the school, or 404. */
export async function loadAssessment(db: DbOrTx, schoolId: string, assessmentId: string): Promise<AssessmentRow> {
  const [row] = await db
    .select()
    .from(assessments)
    .where(and(eq(assessments.schoolId, schoolId), eq(assessments.id, assessmentId)));
  if (!row) throw new AppError('not_found', 'assessment not found');
  return row;
}
