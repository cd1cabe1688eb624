/**
 * The survey's SQL, each query scoped to one school. Responses are only ever read as sums, for
 * groups of at least MIN_GROUP_SIZE (the HAVING below), or as free text from such groups in an
 * order that is new each time: no query returns a response's id, its day, or anything per person.
 */
import { and, asc, desc, eq, inArray, lt, ne, sql, type SQL } from 'drizzle-orm';
import { AGREES_FROM, AppError, MIN_GROUP_SIZE, type AnswerSums, type StaffGroup } from '@tandem/core';
import { staffSurveyParticipants, staffSurveyResponses, staffSurveys } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';

export type SurveyRow = typeof staffSurveys.$inferSelect;

/** A survey of this school, or 404 as if it did not exist. */
export async function loadSurvey(db: DbOrTx, schoolId: string, surveyId: string, lock = false): Promise<SurveyRow> {
  const q = db
    .select()
    .from(staffSurveys)
    .where(and(eq(staffSurveys.schoolId, schoolId), eq(staffSurveys.id, surveyId)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new AppError('not_found', 'survey not found');
  return row;
}

export async function surveysOfSchool(db: DbOrTx, schoolId: string): Promise<SurveyRow[]> {
  return db
    .select()
    .from(staffSurveys)
    .where(eq(staffSurveys.schoolId, schoolId))
    .orderBy(desc(staffSurveys.opensOn), desc(staffSurveys.createdAt));
}

/** How many were invited and have answered, per survey and group (counts only). */
export async function participationCounts(db: DbOrTx, schoolId: string, surveyIds: readonly string[]) {
  if (surveyIds.length === 0) return [];
  return db
    .select({
      surveyId: staffSurveyParticipants.surveyId,
      group: staffSurveyParticipants.group,
      invited: sql<number>`count(*)::int`,
      responded: sql<number>`(count(*) filter (where ${staffSurveyParticipants.responded}))::int`,
    })
    .from(staffSurveyParticipants)
    .where(
      and(eq(staffSurveyParticipants.schoolId, schoolId), inArray(staffSurveyParticipants.surveyId, [...surveyIds])),
    )
    .groupBy(staffSurveyParticipants.surveyId, staffSurveyParticipants.group);
}

/** One person's own invitation: whether they were asked and whether they have answered. */
export async function participationOf(db: DbOrTx, schoolId: string, surveyIds: readonly string[], userId: string) {
  if (surveyIds.length === 0) return [];
  return db
    .select({
      surveyId: staffSurveyParticipants.surveyId,
      group: staffSurveyParticipants.group,
      responded: staffSurveyParticipants.responded,
    })
    .from(staffSurveyParticipants)
    .where(
      and(
        eq(staffSurveyParticipants.schoolId, schoolId),
        eq(staffSurveyParticipants.userId, userId),
        inArray(staffSurveyParticipants.surveyId, [...surveyIds]),
      ),
    );
}

/**
 * The sums of each statement's answers per group and for everyone, only where at least
 * MIN_GROUP_SIZE answered: a smaller group's answers never leave the database.
 */
export async function answerSums(
  db: DbOrTx,
  schoolId: string,
  surveyId: string,
  keys: readonly string[],
): Promise<AnswerSums[]> {
  const cols: Record<string, SQL<number>> = {};
  keys.forEach((key, i) => {
    const v = sql`(${staffSurveyResponses.answers} ->> ${key})::int`;
    cols[`a${i}`] = sql<number>`(count(*) filter (where ${v} >= ${AGREES_FROM}))::int`;
    cols[`s${i}`] = sql<number>`coalesce(sum(${v}), 0)::int`;
    cols[`n${i}`] = sql<number>`count(${v})::int`;
  });
  const where = and(eq(staffSurveyResponses.schoolId, schoolId), eq(staffSurveyResponses.surveyId, surveyId));
  const enough = sql`count(*) >= ${MIN_GROUP_SIZE}`;
  const perGroup = await db
    .select({ group: staffSurveyResponses.group, ...cols })
    .from(staffSurveyResponses)
    .where(where)
    .groupBy(staffSurveyResponses.group)
    .having(enough);
  const everyone = await db.select(cols).from(staffSurveyResponses).where(where).having(enough);
  const out: AnswerSums[] = [];
  const add = (row: Record<string, unknown>, group: StaffGroup | null) =>
    keys.forEach((key, i) =>
      out.push({ key, group, n: Number(row[`n${i}`]), agree: Number(row[`a${i}`]), sum: Number(row[`s${i}`]) }),
    );
  for (const row of perGroup) add(row, row.group);
  for (const row of everyone) add(row, null);
  return out;
}

/** How many responses have free text, from groups of at least MIN_GROUP_SIZE. */
export async function freeTextCount(db: DbOrTx, schoolId: string, surveyId: string): Promise<number> {
  const comments = await freeText(db, schoolId, surveyId);
  return comments.length;
}

/** Free text from groups of at least MIN_GROUP_SIZE, in a new random order each time; no id, no day. */
export async function freeText(db: DbOrTx, schoolId: string, surveyId: string) {
  const where = and(eq(staffSurveyResponses.schoolId, schoolId), eq(staffSurveyResponses.surveyId, surveyId));
  const bigGroups = db
    .select({ group: staffSurveyResponses.group })
    .from(staffSurveyResponses)
    .where(where)
    .groupBy(staffSurveyResponses.group)
    .having(sql`count(*) >= ${MIN_GROUP_SIZE}`);
  return db
    .select({ text: sql<string>`${staffSurveyResponses.freeText}`, group: staffSurveyResponses.group })
    .from(staffSurveyResponses)
    .where(
      and(
        where,
        sql`${staffSurveyResponses.freeText} is not null and ${staffSurveyResponses.freeText} <> ''`,
        inArray(staffSurveyResponses.group, bigGroups),
      ),
    )
    .orderBy(sql`random()`);
}

/** The school's last closed survey before this one (its statements are compared by key). */
export async function previousClosed(db: DbOrTx, survey: SurveyRow): Promise<SurveyRow | null> {
  const [row] = await db
    .select()
    .from(staffSurveys)
    .where(
      and(
        eq(staffSurveys.schoolId, survey.schoolId),
        eq(staffSurveys.status, 'closed'),
        ne(staffSurveys.id, survey.id),
        lt(staffSurveys.opensOn, survey.opensOn),
      ),
    )
    .orderBy(desc(staffSurveys.opensOn))
    .limit(1);
  return row ?? null;
}

/** Invited people who have not answered (for reminders: no link to any answer). */
export async function notAnswered(db: DbOrTx, schoolId: string, surveyId: string) {
  return db
    .select({ userId: staffSurveyParticipants.userId })
    .from(staffSurveyParticipants)
    .where(
      and(
        eq(staffSurveyParticipants.schoolId, schoolId),
        eq(staffSurveyParticipants.surveyId, surveyId),
        eq(staffSurveyParticipants.responded, false),
      ),
    )
    .orderBy(asc(staffSurveyParticipants.userId));
}
