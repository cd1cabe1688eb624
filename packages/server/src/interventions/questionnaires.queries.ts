/** The SQL of questionnaires and the school's own measures, each query scoped to the school. */
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { AppError } from '@tandem/core';
import {
  customMeasures,
  interventionPlaces,
  interventions,
  interventionStaff,
  pupils,
  questionnaires,
} from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';

export type QuestionnaireRow = typeof questionnaires.$inferSelect;

export async function insertQuestionnaire(db: DbOrTx, values: typeof questionnaires.$inferInsert) {
  const [row] = await db.insert(questionnaires).values(values).onConflictDoNothing().returning();
  return row;
}

/** The questionnaire in this school, or 404; with `lock`, held for update. */
export async function loadQuestionnaire(db: DbOrTx, schoolId: string, id: string, lock = false) {
  const q = db
    .select()
    .from(questionnaires)
    .where(and(eq(questionnaires.id, id), eq(questionnaires.schoolId, schoolId)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new AppError('not_found', 'questionnaire not found');
  return row;
}

export async function updateQuestionnaire(db: DbOrTx, id: string, values: Partial<typeof questionnaires.$inferInsert>) {
  const [row] = await db.update(questionnaires).set(values).where(eq(questionnaires.id, id)).returning();
  return row!;
}

/** Baseline and follow-up questionnaires of these places. */
export async function questionnairesOfPlaces(db: DbOrTx, schoolId: string, placeIds: readonly string[]) {
  if (placeIds.length === 0) return [];
  return db
    .select({
      id: questionnaires.id,
      placeId: questionnaires.placeId,
      timepoint: questionnaires.timepoint,
      status: questionnaires.status,
      measureKey: questionnaires.measureKey,
      measureVersion: questionnaires.measureVersion,
      scores: questionnaires.scores,
    })
    .from(questionnaires)
    .where(and(eq(questionnaires.schoolId, schoolId), inArray(questionnaires.placeId, [...placeIds])));
}

/** A pupil's questionnaires with the intervention each belongs to, newest first. */
export async function questionnairesOfPupil(db: DbOrTx, schoolId: string, pupilId: string) {
  return db
    .select({ q: questionnaires, interventionName: interventions.name })
    .from(questionnaires)
    .leftJoin(interventionPlaces, eq(interventionPlaces.id, questionnaires.placeId))
    .leftJoin(interventions, eq(interventions.id, interventionPlaces.interventionId))
    .where(and(eq(questionnaires.schoolId, schoolId), eq(questionnaires.pupilId, pupilId)))
    .orderBy(desc(questionnaires.createdAt));
}

/** The intervention a questionnaire's place is on (null for a questionnaire on its own). */
export async function interventionOfPlace(db: DbOrTx, schoolId: string, placeId: string | null) {
  if (!placeId) return null;
  const [row] = await db
    .select({ id: interventions.id, name: interventions.name })
    .from(interventionPlaces)
    .innerJoin(interventions, eq(interventions.id, interventionPlaces.interventionId))
    .where(and(eq(interventionPlaces.id, placeId), eq(interventionPlaces.schoolId, schoolId)));
  return row ?? null;
}

/** Due or started questionnaires of places on the interventions this person runs. */
export async function questionnairesDueFor(db: DbOrTx, schoolId: string, userId: string) {
  return db
    .select({
      q: questionnaires,
      interventionName: interventions.name,
      pupil: { givenName: pupils.givenName, familyName: pupils.familyName, preferredName: pupils.preferredName },
    })
    .from(questionnaires)
    .innerJoin(interventionPlaces, eq(interventionPlaces.id, questionnaires.placeId))
    .innerJoin(interventions, eq(interventions.id, interventionPlaces.interventionId))
    .innerJoin(
      interventionStaff,
      and(eq(interventionStaff.interventionId, interventions.id), eq(interventionStaff.userId, userId)),
    )
    .innerJoin(pupils, eq(pupils.id, questionnaires.pupilId))
    .where(
      and(
        eq(questionnaires.schoolId, schoolId),
        inArray(questionnaires.status, ['due', 'in_progress']),
        isNotNull(questionnaires.placeId),
      ),
    )
    .orderBy(asc(questionnaires.dueOn));
}

/** Completed baseline and follow-up pairs of a school's places (for the lead's outcomes). */
export async function completedPairs(db: DbOrTx, schoolId: string, sinceIso: string) {
  return db
    .select({
      placeId: questionnaires.placeId,
      interventionId: interventionPlaces.interventionId,
      timepoint: questionnaires.timepoint,
      measureKey: questionnaires.measureKey,
      measureVersion: questionnaires.measureVersion,
      scores: questionnaires.scores,
    })
    .from(questionnaires)
    .innerJoin(interventionPlaces, eq(interventionPlaces.id, questionnaires.placeId))
    .where(
      and(
        eq(questionnaires.schoolId, schoolId),
        eq(interventionPlaces.schoolId, schoolId),
        eq(questionnaires.status, 'complete'),
        inArray(questionnaires.timepoint, ['baseline', 'follow_up']),
        sql`${interventionPlaces.endedAt} >= ${sinceIso}`,
      ),
    );
}

export async function insertCustomMeasure(db: DbOrTx, values: typeof customMeasures.$inferInsert) {
  const [row] = await db.insert(customMeasures).values(values).returning();
  return row!;
}

export async function retireCustomVersions(db: DbOrTx, schoolId: string, measureId: string) {
  await db
    .update(customMeasures)
    .set({ status: 'retired' })
    .where(and(eq(customMeasures.schoolId, schoolId), eq(customMeasures.measureId, measureId)));
}
