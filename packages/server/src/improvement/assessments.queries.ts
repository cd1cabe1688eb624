/** The self-assessment's SQL, each query scoped to the school. */
import { aliasedTable, and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { AppError, type Framework } from '@tandem/core';
import { assessmentRatings, assessments, users } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';

export type AssessmentRow = typeof assessments.$inferSelect;
export type RatingRow = typeof assessmentRatings.$inferSelect;

const starter = aliasedTable(users, 'starter');
const confirmer = aliasedTable(users, 'confirmer');

const summaryColumns = {
  a: assessments,
  startedByName: starter.displayName,
  confirmedByName: confirmer.displayName,
};

export interface AssessmentListRow {
  a: AssessmentRow;
  startedByName: string;
  confirmedByName: string | null;
}

/** The school's assessments, newest first, with who started and confirmed each. */
export async function listAssessments(
  db: DbOrTx,
  schoolId: string,
  framework?: Framework,
): Promise<AssessmentListRow[]> {
  return db
    .select(summaryColumns)
    .from(assessments)
    .innerJoin(starter, eq(starter.id, assessments.startedBy))
    .leftJoin(confirmer, eq(confirmer.id, assessments.confirmedBy))
    .where(and(eq(assessments.schoolId, schoolId), framework ? eq(assessments.framework, framework) : undefined))
    .orderBy(desc(assessments.startedOn), desc(assessments.createdAt));
}

/** One assessment of the school with its people, or 404 as if it did not exist. */
export async function loadAssessmentSummary(db: DbOrTx, schoolId: string, id: string): Promise<AssessmentListRow> {
  const [row] = await db
    .select(summaryColumns)
    .from(assessments)
    .innerJoin(starter, eq(starter.id, assessments.startedBy))
    .leftJoin(confirmer, eq(confirmer.id, assessments.confirmedBy))
    .where(and(eq(assessments.schoolId, schoolId), eq(assessments.id, id)));
  if (!row) throw new AppError('not_found', 'assessment not found');
  return row;
}

/** One assessment of the school, locked for a change, or 404. */
export async function lockAssessment(db: DbOrTx, schoolId: string, id: string): Promise<AssessmentRow> {
  const [row] = await db
    .select()
    .from(assessments)
    .where(and(eq(assessments.schoolId, schoolId), eq(assessments.id, id)))
    .for('update');
  if (!row) throw new AppError('not_found', 'assessment not found');
  return row;
}

/** The school's draft of this framework, if one is open. */
export async function draftOf(db: DbOrTx, schoolId: string, framework: Framework) {
  const [row] = await db
    .select({ id: assessments.id })
    .from(assessments)
    .where(
      and(eq(assessments.schoolId, schoolId), eq(assessments.framework, framework), eq(assessments.status, 'draft')),
    );
  return row;
}

/** The latest confirmed assessment of this framework (the one a new assessment follows). */
export async function latestConfirmed(db: DbOrTx, schoolId: string, framework: Framework) {
  const [row] = await db
    .select({ id: assessments.id })
    .from(assessments)
    .where(
      and(
        eq(assessments.schoolId, schoolId),
        eq(assessments.framework, framework),
        eq(assessments.status, 'confirmed'),
        isNotNull(assessments.confirmedAt),
      ),
    )
    .orderBy(desc(assessments.confirmedAt))
    .limit(1);
  return row;
}

export async function insertAssessment(db: DbOrTx, values: typeof assessments.$inferInsert) {
  const [row] = await db.insert(assessments).values(values).returning();
  return row!;
}

export async function markConfirmed(db: DbOrTx, id: string, by: string, at: Date) {
  await db
    .update(assessments)
    .set({ status: 'confirmed', confirmedAt: at, confirmedBy: by })
    .where(eq(assessments.id, id));
}

/** The ratings of some assessments of the school, with who last changed each. */
export async function ratingsOf(db: DbOrTx, schoolId: string, assessmentIds: readonly string[]) {
  if (assessmentIds.length === 0) return [];
  return db
    .select({ r: assessmentRatings, byName: users.displayName })
    .from(assessmentRatings)
    .innerJoin(users, eq(users.id, assessmentRatings.updatedBy))
    .where(and(eq(assessmentRatings.schoolId, schoolId), inArray(assessmentRatings.assessmentId, [...assessmentIds])))
    .orderBy(asc(assessmentRatings.statementKey));
}

/** How many statements of each assessment are rated. */
export async function ratedCounts(db: DbOrTx, schoolId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ id: assessmentRatings.assessmentId, n: sql<number>`count(*)::int` })
    .from(assessmentRatings)
    .where(and(eq(assessmentRatings.schoolId, schoolId), isNotNull(assessmentRatings.rating)))
    .groupBy(assessmentRatings.assessmentId);
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** One statement's saved rating, locked for a change (undefined while never saved). */
export async function lockRating(db: DbOrTx, schoolId: string, assessmentId: string, statementKey: string) {
  const [row] = await db
    .select()
    .from(assessmentRatings)
    .where(
      and(
        eq(assessmentRatings.schoolId, schoolId),
        eq(assessmentRatings.assessmentId, assessmentId),
        eq(assessmentRatings.statementKey, statementKey),
      ),
    )
    .for('update');
  return row;
}

export async function insertRating(db: DbOrTx, values: typeof assessmentRatings.$inferInsert) {
  const [row] = await db.insert(assessmentRatings).values(values).returning();
  return row!;
}

export async function updateRating(db: DbOrTx, id: string, values: Partial<typeof assessmentRatings.$inferInsert>) {
  const [row] = await db.update(assessmentRatings).set(values).where(eq(assessmentRatings.id, id)).returning();
  return row!;
}
