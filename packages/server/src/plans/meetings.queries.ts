/**
 * Meeting queries. Every query is scoped to one school, directly or through a meeting already
 * loaded in it.
 */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { AppError, canInSchool, type Actor } from '@tandem/core';
import { meetingActions, meetings, plans, pupils, users } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';
import { caseScopeSql, caseScopesOf } from '../platform/case-access';

export type MeetingRow = typeof meetings.$inferSelect;
type NextStepRow = typeof meetingActions.$inferInsert;

export async function loadMeeting(db: DbOrTx, schoolId: string, meetingId: string): Promise<MeetingRow> {
  const [m] = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.schoolId, schoolId)));
  if (!m) throw new AppError('not_found', 'meeting not found');
  return m;
}

/** Whether the plan is one of this pupil's, in this school. */
export async function isPlanOfPupil(db: DbOrTx, schoolId: string, pupilId: string, planId: string) {
  const [plan] = await db
    .select({ id: plans.id })
    .from(plans)
    .where(and(eq(plans.id, planId), eq(plans.schoolId, schoolId), eq(plans.pupilId, pupilId)));
  return plan !== undefined;
}

/** The meeting this person already recorded with this submission key, if any. */
export async function findMeetingSubmission(
  db: DbOrTx,
  schoolId: string,
  userId: string,
  submissionKey: string,
): Promise<MeetingRow | undefined> {
  const [row] = await db
    .select()
    .from(meetings)
    .where(
      and(eq(meetings.schoolId, schoolId), eq(meetings.createdBy, userId), eq(meetings.submissionKey, submissionKey)),
    );
  return row;
}

export async function insertMeeting(tx: DbOrTx, values: typeof meetings.$inferInsert): Promise<MeetingRow> {
  const [m] = await tx.insert(meetings).values(values).returning();
  if (!m) throw new Error('insert returned nothing');
  return m;
}

export async function addNextSteps(tx: DbOrTx, steps: NextStepRow[]): Promise<void> {
  if (steps.length > 0) await tx.insert(meetingActions).values(steps);
}

export async function countNextSteps(db: DbOrTx, meetingId: string): Promise<number> {
  const [{ n } = { n: 0 }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(meetingActions)
    .where(eq(meetingActions.meetingId, meetingId));
  return n;
}

/**
 * Saves a planned meeting only if it is still at the writer's version and not yet held: undefined
 * when someone else saved (or recorded it as held) first.
 */
export async function updatePlannedMeeting(
  tx: DbOrTx,
  meetingId: string,
  from: number,
  set: Omit<Partial<typeof meetings.$inferInsert>, 'version'>,
): Promise<MeetingRow | undefined> {
  const [updated] = await tx
    .update(meetings)
    .set({ ...set, version: from + 1 })
    .where(and(eq(meetings.id, meetingId), eq(meetings.version, from), isNull(meetings.completedAt)))
    .returning();
  return updated;
}

/** Marks a next step done; false if it was already done (or is not this meeting's). */
export async function completeAction(
  tx: DbOrTx,
  where: { schoolId: string; meetingId: string; actionId: string },
  done: { userId: string; at: Date; note: string | null },
): Promise<boolean> {
  const [row] = await tx
    .update(meetingActions)
    .set({ completedAt: done.at, completedBy: done.userId, completionNote: done.note })
    .where(
      and(
        eq(meetingActions.id, where.actionId),
        eq(meetingActions.meetingId, where.meetingId),
        eq(meetingActions.schoolId, where.schoolId),
        isNull(meetingActions.completedAt),
      ),
    )
    .returning({ id: meetingActions.id });
  return row !== undefined;
}

export async function actionExists(db: DbOrTx, meetingId: string, actionId: string): Promise<boolean> {
  const [exists] = await db
    .select({ id: meetingActions.id })
    .from(meetingActions)
    .where(and(eq(meetingActions.id, actionId), eq(meetingActions.meetingId, meetingId)));
  return exists !== undefined;
}

/** A pupil's meetings, newest first, with how many next steps each has and how many are open. */
export async function meetingsOfPupil(db: DbOrTx, schoolId: string, pupilId: string) {
  return db
    .select({
      m: meetings,
      nextSteps: sql<number>`(select count(*)::int from ${meetingActions} a where a.meeting_id = meetings.id)`,
      open: sql<number>`(select count(*)::int from ${meetingActions} a where a.meeting_id = meetings.id and a.completed_at is null)`,
    })
    .from(meetings)
    .where(and(eq(meetings.schoolId, schoolId), eq(meetings.pupilId, pupilId)))
    .orderBy(desc(meetings.heldAt));
}

/** Who recorded the meeting and who recorded it as held. */
export async function meetingNames(db: DbOrTx, meetingId: string) {
  const creator = alias(users, 'creator');
  const completer = alias(users, 'completer');
  const [names] = await db
    .select({ creator: creator.displayName, completer: completer.displayName })
    .from(meetings)
    .innerJoin(creator, eq(creator.id, meetings.createdBy))
    .leftJoin(completer, eq(completer.id, meetings.completedBy))
    .where(eq(meetings.id, meetingId));
  return names;
}

/** The plan a meeting reviews, with its kind. */
export async function reviewedPlan(db: DbOrTx, planId: string) {
  const [plan] = await db.select({ id: plans.id, kind: plans.kind }).from(plans).where(eq(plans.id, planId));
  return plan;
}

/** A meeting's next steps, soonest due first, with who completed each. */
export async function nextStepsOf(db: DbOrTx, meetingId: string) {
  return db
    .select({ a: meetingActions, by: users.displayName })
    .from(meetingActions)
    .leftJoin(users, eq(users.id, meetingActions.completedBy))
    .where(eq(meetingActions.meetingId, meetingId))
    .orderBy(asc(meetingActions.dueOn), asc(meetingActions.createdAt));
}

/** A pupil's meetings for the family portal: when, where, what kind, newest first (never aims or notes). */
export async function meetingsForFamily(db: DbOrTx, schoolId: string, pupilId: string) {
  return db
    .select({
      id: meetings.id,
      kind: meetings.kind,
      heldAt: meetings.heldAt,
      place: meetings.place,
      completedAt: meetings.completedAt,
      /** Whether a parent or carer was there: only then were the next steps agreed with home. */
      parentAttended: sql<boolean>`exists (select 1 from jsonb_array_elements(${meetings.attendees}) a where a->>'kind' = 'parent')`,
    })
    .from(meetings)
    .where(and(eq(meetings.schoolId, schoolId), eq(meetings.pupilId, pupilId)))
    .orderBy(desc(meetings.heldAt));
}

/** The next steps of these meetings, oldest due first. */
export async function nextStepsOfMeetings(db: DbOrTx, schoolId: string, meetingIds: readonly string[]) {
  if (meetingIds.length === 0) return [];
  return db
    .select({
      meetingId: meetingActions.meetingId,
      description: meetingActions.description,
      ownerUserId: meetingActions.ownerUserId,
      ownerName: meetingActions.ownerName,
      dueOn: meetingActions.dueOn,
      completedAt: meetingActions.completedAt,
    })
    .from(meetingActions)
    .where(and(eq(meetingActions.schoolId, schoolId), inArray(meetingActions.meetingId, [...meetingIds])))
    .orderBy(asc(meetingActions.dueOn), asc(meetingActions.createdAt));
}

/**
 * The next steps a person owns and has not done, in due order, with their pupil: only those whose
 * meeting the person may open (case roles, within their case scope, as the meeting page decides:
 * caseScopeSql, the list form of mayOpenCase), and only due in `window` when given. Shared by
 * "my work" and the calendar feed.
 */
export async function openNextStepsOwned(
  db: DbOrTx,
  actor: Actor,
  schoolId: string,
  limit: number,
  window?: { from: string; to: string },
) {
  if (!canInSchool(actor, 'pupil.readCase', schoolId)) return [];
  const scopes = await caseScopesOf(db, actor, schoolId);
  return db
    .select({ a: meetingActions, pupil: pupils })
    .from(meetingActions)
    .innerJoin(meetings, eq(meetings.id, meetingActions.meetingId))
    .innerJoin(pupils, eq(pupils.id, meetings.pupilId))
    .where(
      and(
        eq(meetingActions.schoolId, schoolId),
        eq(meetingActions.ownerUserId, actor.userId),
        isNull(meetingActions.completedAt),
        eq(meetings.schoolId, schoolId),
        window ? sql`${meetingActions.dueOn} between ${window.from}::date and ${window.to}::date` : undefined,
        caseScopeSql(scopes, actor.userId, schoolId, meetings.pupilId),
      ),
    )
    .orderBy(meetingActions.dueOn)
    .limit(limit);
}
