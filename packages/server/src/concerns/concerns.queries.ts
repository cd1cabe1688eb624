/**
 * Concern queries. Each is scoped to one school. Restricted concerns are filtered out here for
 * anyone outside the DSL team, so a list can never reveal that one exists.
 */
import { and, asc, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { AppError } from '@tandem/core';
import {
  concernActions,
  concernAddenda,
  concernCorrections,
  concernFiles,
  concernPupils,
  concerns,
  dslDuty,
  pupils,
  roleAssignments,
  users,
} from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';

export type ConcernRow = typeof concerns.$inferSelect;

export async function loadConcern(db: DbOrTx, schoolId: string, concernId: string, lock = false): Promise<ConcernRow> {
  const q = db
    .select()
    .from(concerns)
    .where(and(eq(concerns.id, concernId), eq(concerns.schoolId, schoolId)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new AppError('not_found', 'concern not found');
  return row;
}

export async function pupilsOf(db: DbOrTx, concernIds: string[]) {
  if (concernIds.length === 0) return new Map<string, { id: string; name: string; form: string }[]>();
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
  const map = new Map<string, { id: string; name: string; form: string }[]>();
  for (const r of rows) {
    const list = map.get(r.concernId) ?? [];
    list.push({ id: r.id, name: `${r.preferredName ?? r.givenName} ${r.familyName}`, form: r.form });
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
        lt(concernActions.dueOn, today),
      ),
    )
    .groupBy(concernActions.concernId);
  return new Map(rows.map((r) => [r.concernId, r.n]));
}

export interface QueueCursor {
  at: string;
  id: string;
}

export function encodeQueueCursor(c: QueueCursor): string {
  return Buffer.from(JSON.stringify([c.at, c.id])).toString('base64url');
}

export function decodeQueueCursor(s: string): QueueCursor {
  try {
    const [at, id] = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as unknown[];
    if (typeof at === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(at))) return { at, id };
  } catch {
    // fall through
  }
  throw new AppError('bad_request', 'bad cursor', {
    userMessage: 'That page link is no longer valid. Please start again.',
  });
}

/** The filter for a queue: the Mental Health Lead's queue never includes DSL-routed or restricted concerns. */
export function queueCondition(schoolId: string, queue: 'mental_health' | 'dsl', status: string): SQL {
  const statusCond =
    status === 'active' ? inArray(concerns.status, ['open', 'acknowledged']) : eq(concerns.status, status);
  const queueCond =
    queue === 'dsl'
      ? or(eq(concerns.route, 'dsl'), eq(concerns.restricted, true))
      : and(eq(concerns.route, 'mental_health_lead'), eq(concerns.restricted, false));
  return and(eq(concerns.schoolId, schoolId), queueCond, statusCond) as SQL;
}

export async function queuePage(db: DbOrTx, where: SQL, cursor: QueueCursor | null, limit: number) {
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

/** People holding any of the roles in the school now. */
export async function holdersOf(db: DbOrTx, schoolId: string, roles: string[]) {
  return db
    .selectDistinct({ id: users.id, email: users.email, displayName: users.displayName })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        eq(roleAssignments.schoolId, schoolId),
        inArray(roleAssignments.role, roles),
        isNull(roleAssignments.revokedAt),
        isNull(users.disabledAt),
      ),
    );
}

/** Who is on DSL duty today; when the rota is empty, the whole DSL team. */
export async function dslOnDuty(db: DbOrTx, schoolId: string, now: Date) {
  // The school's day, in UK time (a concern at 00:30 BST on Tuesday is a Tuesday concern).
  const day = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'Europe/London' }).format(now);
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(day) + 1; // Monday = 1
  if (weekday <= 5) {
    const rows = await db
      .select({ name: users.displayName, whereToFind: dslDuty.whereToFind })
      .from(dslDuty)
      .innerJoin(users, eq(users.id, dslDuty.userId))
      .where(and(eq(dslDuty.schoolId, schoolId), eq(dslDuty.weekday, weekday)));
    if (rows.length > 0) return rows;
  }
  const team = await holdersOf(db, schoolId, ['dsl', 'deputy_dsl']);
  return team.map((t) => ({ name: t.displayName, whereToFind: '' }));
}
