/**
 * Concern queries. Each is scoped to one school. Restricted concerns are filtered out here for
 * anyone outside the DSL team, so a list can never reveal that one exists.
 */
import { and, asc, desc, eq, gte, inArray, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { AppError, concernAccessFor, type Actor, type ConcernQueue, type ConcernQueueFilter } from '@tandem/core';
import {
  concernActions,
  concernAddenda,
  concernCorrections,
  concernFiles,
  concernPupils,
  concerns,
  dslDuty,
  pupils,
  schools,
  users,
} from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';
import type { PageCursor } from '../platform/cursor';
import { holdersOf, pupilName } from '../platform/directory';

export type ConcernRow = typeof concerns.$inferSelect;
export type NewConcern = typeof concerns.$inferInsert;
export type ConcernChange = Partial<Omit<NewConcern, 'id' | 'schoolId'>>;

/** A pupil as a concern lists them. */
export interface PupilRef {
  id: string;
  name: string;
  form: string;
}

export async function loadConcern(db: DbOrTx, schoolId: string, concernId: string, lock = false): Promise<ConcernRow> {
  const q = db
    .select()
    .from(concerns)
    .where(and(eq(concerns.id, concernId), eq(concerns.schoolId, schoolId)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new AppError('not_found', 'concern not found');
  return row;
}

/** The pupils of each concern, by family then given name. */
export async function pupilsOf(db: DbOrTx, concernIds: string[]): Promise<Map<string, PupilRef[]>> {
  if (concernIds.length === 0) return new Map<string, PupilRef[]>();
  const rows = await db
    .select({
      concernId: concernPupils.concernId,
      id: pupils.id,
      givenName: pupils.givenName,
      familyName: pupils.familyName,
      preferredName: pupils.preferredName,
      form: pupils.form,
    })
    .from(concernPupils)
    .innerJoin(pupils, eq(pupils.id, concernPupils.pupilId))
    .where(inArray(concernPupils.concernId, concernIds))
    .orderBy(asc(pupils.familyName), asc(pupils.givenName));
  const map = new Map<string, PupilRef[]>();
  for (const r of rows) {
    const list = map.get(r.concernId) ?? [];
    list.push({ id: r.id, name: pupilName(r), form: r.form });
    map.set(r.concernId, list);
  }
  return map;
}

export async function overdueActionCounts(db: DbOrTx, concernIds: string[], today: string) {
  if (concernIds.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ concernId: concernActions.concernId, n: sql<number>`count(*)::int` })
    .from(concernActions)
    .where(
      and(
        inArray(concernActions.concernId, concernIds),
        isNull(concernActions.completedAt),
        isNull(concernActions.droppedAt),
        lt(concernActions.dueOn, today),
      ),
    )
    .groupBy(concernActions.concernId);
  return new Map(rows.map((r) => [r.concernId, r.n]));
}

/**
 * The filter for a queue: the Mental Health Lead's queue never includes DSL-routed or restricted
 * concerns. A medical emergency stays in the Mental Health Lead's queue and is listed in the DSL
 * team's too, so whichever of them gets there first can open and acknowledge it.
 */
export function queueCondition(schoolId: string, queue: ConcernQueue, status: ConcernQueueFilter): SQL {
  const statusCond =
    status === 'active' ? inArray(concerns.status, ['open', 'acknowledged']) : eq(concerns.status, status);
  const queueCond =
    queue === 'dsl'
      ? or(
          eq(concerns.route, 'dsl'),
          eq(concerns.restricted, true),
          and(eq(concerns.medicalEmergency, true), eq(concerns.urgent, true)),
        )
      : and(eq(concerns.route, 'mental_health_lead'), eq(concerns.restricted, false));
  return and(eq(concerns.schoolId, schoolId), queueCond, statusCond) as SQL;
}

export async function queuePage(db: DbOrTx, where: SQL, cursor: PageCursor | null, limit: number) {
  const rows = await db
    .select({ c: concerns, loggedByName: users.displayName })
    .from(concerns)
    .innerJoin(users, eq(users.id, concerns.loggedBy))
    .where(
      cursor
        ? and(where, sql`(${concerns.loggedAt}, ${concerns.id}) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`)
        : where,
    )
    .orderBy(desc(concerns.loggedAt), desc(concerns.id))
    .limit(limit + 1);
  const [{ total } = { total: 0 }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(concerns)
    .where(where);
  return { rows, total };
}

/** The concerns a member of staff logged in a school, newest first (the latest 50). */
export async function concernsLoggedBy(db: DbOrTx, schoolId: string, userId: string): Promise<ConcernRow[]> {
  return db
    .select()
    .from(concerns)
    .where(and(eq(concerns.schoolId, schoolId), eq(concerns.loggedBy, userId)))
    .orderBy(sql`${concerns.loggedAt} desc`)
    .limit(50);
}

/** A member of staff's name as shown on a record (null if unknown). */
export async function staffName(db: DbOrTx, userId: string): Promise<string | null> {
  const [row] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, userId));
  return row?.name ?? null;
}

export async function concernChildren(db: DbOrTx, concernId: string) {
  const addenda = await db
    .select({ a: concernAddenda, by: users.displayName })
    .from(concernAddenda)
    .innerJoin(users, eq(users.id, concernAddenda.addedBy))
    .where(eq(concernAddenda.concernId, concernId))
    .orderBy(asc(concernAddenda.addedAt));
  const actions = await db
    .select({ a: concernActions, owner: users.displayName })
    .from(concernActions)
    .innerJoin(users, eq(users.id, concernActions.ownerUserId))
    .where(eq(concernActions.concernId, concernId))
    .orderBy(asc(concernActions.dueOn), asc(concernActions.createdAt));
  const corrections = await db
    .select({ c: concernCorrections, by: users.displayName })
    .from(concernCorrections)
    .innerJoin(users, eq(users.id, concernCorrections.changedBy))
    .where(eq(concernCorrections.concernId, concernId))
    .orderBy(asc(concernCorrections.changedAt));
  const files = await db
    .select({
      id: concernFiles.id,
      fileName: concernFiles.fileName,
      contentType: concernFiles.contentType,
      size: concernFiles.size,
    })
    .from(concernFiles)
    .where(eq(concernFiles.concernId, concernId))
    .orderBy(asc(concernFiles.addedAt));
  return { addenda, actions, corrections, files };
}

export type ConcernChildren = Awaited<ReturnType<typeof concernChildren>>;

/** Who is on DSL duty today; when the rota is empty, the whole DSL team. */
export async function dslOnDuty(db: DbOrTx, schoolId: string, now: Date) {
  // The school's day, in UK time (a concern at 00:30 BST on Tuesday is a Tuesday concern).
  const day = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'Europe/London' }).format(now);
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(day) + 1; // Monday = 1
  if (weekday <= 5) {
    const rows = await db
      .select({ userId: users.id, name: users.displayName, email: users.email, whereToFind: dslDuty.whereToFind })
      .from(dslDuty)
      .innerJoin(users, eq(users.id, dslDuty.userId))
      .where(and(eq(dslDuty.schoolId, schoolId), eq(dslDuty.weekday, weekday)));
    if (rows.length > 0) return rows;
  }
  const team = await holdersOf(db, schoolId, ['dsl', 'deputy_dsl']);
  return team.map((t) => ({ userId: t.id, name: t.displayName, email: t.email, whereToFind: '' }));
}

/** Of these concerns, the ones in the restricted safeguarding record. */
export async function restrictedAmong(db: DbOrTx, schoolId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: concerns.id })
    .from(concerns)
    .where(and(eq(concerns.schoolId, schoolId), inArray(concerns.id, [...ids]), eq(concerns.restricted, true)));
  return new Set(rows.map((r) => r.id));
}

// Writing a concern.

/**
 * Hold the school's row until the transaction ends, so that changes to the school's concerns (and
 * its duty rota) happen one at a time: references stay consecutive and a double submit sees the
 * first.
 */
export async function lockSchool(tx: DbOrTx, schoolId: string): Promise<void> {
  await tx.select({ id: schools.id }).from(schools).where(eq(schools.id, schoolId)).for('update');
}

/** The concern this person already logged with this submission key, if any. */
export async function findSubmission(
  db: DbOrTx,
  schoolId: string,
  userId: string,
  submissionKey: string,
): Promise<ConcernRow | undefined> {
  const [row] = await db
    .select()
    .from(concerns)
    .where(
      and(eq(concerns.schoolId, schoolId), eq(concerns.loggedBy, userId), eq(concerns.submissionKey, submissionKey)),
    );
  return row;
}

/** Of these pupils, how many are pupils of the school. */
export async function countPupilsInSchool(db: DbOrTx, schoolId: string, pupilIds: string[]): Promise<number> {
  const found = await db
    .select({ id: pupils.id })
    .from(pupils)
    .where(and(eq(pupils.schoolId, schoolId), inArray(pupils.id, pupilIds)));
  return found.length;
}

/** The highest number used so far after a reference prefix such as "C-2026-" (0 if none). */
export async function lastReferenceNumber(db: DbOrTx, schoolId: string, prefix: string): Promise<number> {
  const [{ n } = { n: 0 }] = await db
    .select({
      n: sql<number>`coalesce(max(substring(${concerns.reference} from ${prefix.length + 1}::int)::int), 0)::int`,
    })
    .from(concerns)
    .where(and(eq(concerns.schoolId, schoolId), sql`${concerns.reference} like ${`${prefix}%`}`));
  return n;
}

export async function insertConcern(tx: DbOrTx, values: NewConcern): Promise<ConcernRow> {
  const [row] = await tx.insert(concerns).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function updateConcern(tx: DbOrTx, concernId: string, change: ConcernChange): Promise<void> {
  await tx.update(concerns).set(change).where(eq(concerns.id, concernId));
}

export async function concernPupilIds(db: DbOrTx, concernId: string): Promise<string[]> {
  const rows = await db
    .select({ id: concernPupils.pupilId })
    .from(concernPupils)
    .where(eq(concernPupils.concernId, concernId));
  return rows.map((r) => r.id);
}

export async function addConcernPupils(tx: DbOrTx, schoolId: string, concernId: string, pupilIds: string[]) {
  await tx.insert(concernPupils).values(pupilIds.map((pupilId) => ({ schoolId, concernId, pupilId })));
}

export async function removeConcernPupils(tx: DbOrTx, concernId: string): Promise<void> {
  await tx.delete(concernPupils).where(eq(concernPupils.concernId, concernId));
}

/** Add to a concern's record (its original account is never changed); returns the addendum's id. */
/**
 * The same addition made by this person moments ago (a double click, a retry), word for word. The
 * same words added again later are a new addition, and kept.
 */
export async function findSameAddendum(
  db: DbOrTx,
  a: { concernId: string; text: string; reason: string; addedBy: string; since: Date },
): Promise<string | undefined> {
  const [row] = await db
    .select({ id: concernAddenda.id })
    .from(concernAddenda)
    .where(
      and(
        eq(concernAddenda.concernId, a.concernId),
        eq(concernAddenda.text, a.text),
        eq(concernAddenda.reason, a.reason),
        eq(concernAddenda.addedBy, a.addedBy),
        gte(concernAddenda.addedAt, a.since),
      ),
    );
  return row?.id;
}

export async function insertAddendum(tx: DbOrTx, values: typeof concernAddenda.$inferInsert): Promise<string> {
  const [row] = await tx.insert(concernAddenda).values(values).returning({ id: concernAddenda.id });
  return row?.id ?? '';
}

/** Keep a correction with its old value, new value and reason. */
export async function insertCorrection(tx: DbOrTx, values: typeof concernCorrections.$inferInsert): Promise<void> {
  await tx.insert(concernCorrections).values(values);
}

/** The same action, still open, already given by this person (a double click, a retry). */
export async function findSameOpenAction(
  db: DbOrTx,
  a: { concernId: string; description: string; ownerUserId: string; dueOn: string; createdBy: string },
): Promise<string | undefined> {
  const [row] = await db
    .select({ id: concernActions.id })
    .from(concernActions)
    .where(
      and(
        eq(concernActions.concernId, a.concernId),
        eq(concernActions.description, a.description),
        eq(concernActions.ownerUserId, a.ownerUserId),
        eq(concernActions.dueOn, a.dueOn),
        eq(concernActions.createdBy, a.createdBy),
        isNull(concernActions.completedAt),
        isNull(concernActions.carriedAt),
        isNull(concernActions.droppedAt),
      ),
    );
  return row?.id;
}

export async function insertAction(tx: DbOrTx, values: typeof concernActions.$inferInsert): Promise<string> {
  const [row] = await tx.insert(concernActions).values(values).returning({ id: concernActions.id });
  return row?.id ?? '';
}

/** Mark an open action of this concern done; false if there is no such action still open. */
export async function markActionDone(
  tx: DbOrTx,
  concernId: string,
  actionId: string,
  done: { at: Date; by: string; note: string | null },
): Promise<boolean> {
  const rows = await tx
    .update(concernActions)
    .set({ completedAt: done.at, completedBy: done.by, completionNote: done.note })
    .where(
      and(
        eq(concernActions.id, actionId),
        eq(concernActions.concernId, concernId),
        isNull(concernActions.completedAt),
        isNull(concernActions.droppedAt),
      ),
    )
    .returning({ id: concernActions.id });
  return rows.length > 0;
}

/** A concern's actions, locked, for deciding at close what becomes of each one still open. */
export async function actionsForUpdate(tx: DbOrTx, concernId: string) {
  return tx
    .select()
    .from(concernActions)
    .where(eq(concernActions.concernId, concernId))
    .orderBy(asc(concernActions.dueOn), asc(concernActions.createdAt))
    .for('update');
}

export async function updateAction(
  tx: DbOrTx,
  actionId: string,
  change: Partial<Omit<typeof concernActions.$inferInsert, 'id' | 'schoolId' | 'concernId'>>,
): Promise<void> {
  await tx.update(concernActions).set(change).where(eq(concernActions.id, actionId));
}

/** An action on a concern, or undefined. */
export async function actionOf(db: DbOrTx, concernId: string, actionId: string) {
  const [row] = await db
    .select()
    .from(concernActions)
    .where(and(eq(concernActions.id, actionId), eq(concernActions.concernId, concernId)));
  return row;
}

/**
 * The actions on concerns a person owns and has not done or dropped, in due order, with their
 * concern: only where the person may open the concern in full (concernAccessFor, so an action in
 * the restricted record reaches only the DSL team), and only due in `window` when given. An action
 * carried to the pupil's case when its concern closed is still the owner's. Shared by "my work" and
 * the calendar feed.
 */
export async function openActionsOwned(
  db: DbOrTx,
  actor: Actor,
  schoolId: string,
  limit: number,
  window?: { from: string; to: string },
) {
  const rows = await db
    .select({ a: concernActions, c: concerns })
    .from(concernActions)
    .innerJoin(concerns, eq(concerns.id, concernActions.concernId))
    .where(
      and(
        eq(concernActions.schoolId, schoolId),
        eq(concernActions.ownerUserId, actor.userId),
        isNull(concernActions.completedAt),
        isNull(concernActions.droppedAt),
        eq(concerns.schoolId, schoolId),
        or(ne(concerns.status, 'closed'), sql`${concernActions.carriedAt} is not null`),
        window ? sql`${concernActions.dueOn} between ${window.from}::date and ${window.to}::date` : undefined,
      ),
    )
    .orderBy(concernActions.dueOn)
    .limit(limit);
  return rows.filter(({ c }) => concernAccessFor(actor, schoolId, c) === 'full');
}
