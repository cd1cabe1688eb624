/**
 * Pupil queries. Every query is scoped to one school; lists are keyset-paged on
 * (family name, given name, id), which the pupils_school_name_idx index serves.
 */
import { and, asc, desc, eq, ilike, isNull, or, sql, type SQL } from 'drizzle-orm';
import { AppError, type PupilListQuery } from '@tandem/core';
import {
  contacts,
  pupilDetailChanges,
  pupils,
  teachingGroupPupils,
  teachingGroups,
  teachingGroupStaff,
  users,
} from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';

/**
 * Whether a member of staff teaches a pupil (shares a teaching group with them). Scoped to the
 * school, so its cost does not grow with other schools' teaching groups.
 */
export function teachesSql(schoolId: string, userId: string) {
  return sql<boolean>`exists (
    select 1 from ${teachingGroupStaff} tgs
    join ${teachingGroupPupils} tgp on tgp.group_id = tgs.group_id and tgp.pupil_id = ${pupils.id}
    where tgs.school_id = ${schoolId} and tgs.user_id = ${userId}
  )`;
}

interface Cursor {
  f: string;
  g: string;
  id: string;
}

/** The list's cursor: the last row's names and id, as an opaque URL-safe string. */
export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.f, c.g, c.id])).toString('base64url');
}

function decodeCursor(s: string): Cursor {
  try {
    const [f, g, id] = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as unknown[];
    if (typeof f === 'string' && typeof g === 'string' && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id)) {
      return { f, g, id };
    }
  } catch {
    // fall through
  }
  throw new AppError('bad_request', 'bad cursor', {
    userMessage: 'That page link is no longer valid. Please start from the first page.',
  });
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (m) => `\\${m}`);
}

/** The filter part of the pupil list, shared by the page and the count. */
export function pupilFilters(schoolId: string, q: PupilListQuery): SQL {
  const conditions: (SQL | undefined)[] = [eq(pupils.schoolId, schoolId)];
  if (q.includeLeft !== 'true') conditions.push(isNull(pupils.leftOn));
  if (q.yearGroup !== undefined) conditions.push(eq(pupils.yearGroup, q.yearGroup));
  if (q.form) conditions.push(eq(pupils.form, q.form));
  if (q.level === 'none') conditions.push(isNull(pupils.currentLevel));
  else if (q.level) conditions.push(eq(pupils.currentLevel, q.level));
  switch (q.characteristic) {
    case undefined:
      break;
    case 'send':
      conditions.push(sql`${pupils.send} <> 'none'`);
      break;
    case 'ehcp':
      conditions.push(eq(pupils.send, 'ehcp'));
      break;
    case 'pupil_premium':
      conditions.push(eq(pupils.pupilPremium, true));
      break;
    case 'looked_after':
      conditions.push(eq(pupils.lookedAfter, true));
      break;
    case 'child_in_need':
      conditions.push(eq(pupils.childInNeed, true));
      break;
    case 'young_carer':
      conditions.push(eq(pupils.youngCarer, true));
      break;
    case 'eal':
      conditions.push(eq(pupils.eal, true));
      break;
    case 'female':
    case 'male':
      conditions.push(eq(pupils.sex, q.characteristic));
      break;
  }
  for (const term of (q.search ?? '').split(/\s+/).filter(Boolean).slice(0, 4)) {
    const like = `${escapeLike(term)}%`;
    conditions.push(
      or(ilike(pupils.familyName, like), ilike(pupils.givenName, like), ilike(pupils.preferredName, like)),
    );
  }
  return and(...conditions) as SQL;
}

/**
 * A page of the pupil list. `teacherUserId` asks, per pupil, whether that person teaches them;
 * `caseScope` (platform caseScopeSql) whether the reader may open the pupil's case, and with
 * `onlyInScope` the list holds only those pupils (a filter by level or characteristic).
 */
export async function listPupilsPage(
  db: DbOrTx,
  schoolId: string,
  q: PupilListQuery,
  teacherUserId: string | null,
  caseScope: SQL = sql`false`,
  onlyInScope = false,
) {
  const filters = pupilFilters(schoolId, q);
  const where = onlyInScope ? (and(filters, caseScope) as SQL) : filters;
  const cursor = q.after ? decodeCursor(q.after) : null;
  const page = await db
    .select({
      id: pupils.id,
      givenName: pupils.givenName,
      familyName: pupils.familyName,
      preferredName: pupils.preferredName,
      yearGroup: pupils.yearGroup,
      form: pupils.form,
      currentLevel: pupils.currentLevel,
      leftOn: pupils.leftOn,
      teaches: teacherUserId ? teachesSql(schoolId, teacherUserId) : sql<boolean>`false`,
      inScope: sql<boolean>`${caseScope}`,
    })
    .from(pupils)
    .where(
      cursor
        ? and(
            where,
            sql`(${pupils.familyName}, ${pupils.givenName}, ${pupils.id}) > (${cursor.f}, ${cursor.g}, ${cursor.id}::uuid)`,
          )
        : where,
    )
    .orderBy(asc(pupils.familyName), asc(pupils.givenName), asc(pupils.id))
    .limit(q.limit + 1);
  const [{ total } = { total: 0 }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(pupils)
    .where(where);
  const rows = page.slice(0, q.limit);
  const last = rows[rows.length - 1];
  return {
    rows,
    total,
    nextAfter:
      page.length > q.limit && last ? encodeCursor({ f: last.familyName, g: last.givenName, id: last.id }) : null,
  };
}

/** A pupil's contacts (parents and carers), first contact first. */
export async function contactsOf(db: DbOrTx, schoolId: string, pupilId: string) {
  return db
    .select()
    .from(contacts)
    .where(and(eq(contacts.schoolId, schoolId), eq(contacts.pupilId, pupilId)))
    .orderBy(asc(contacts.priority), asc(contacts.name));
}

/** The teaching groups a pupil is in, by code. */
export async function teachingGroupsOf(db: DbOrTx, schoolId: string, pupilId: string) {
  return db
    .select({ code: teachingGroups.code, name: teachingGroups.name })
    .from(teachingGroupPupils)
    .innerJoin(teachingGroups, eq(teachingGroups.id, teachingGroupPupils.groupId))
    .where(and(eq(teachingGroupPupils.schoolId, schoolId), eq(teachingGroupPupils.pupilId, pupilId)))
    .orderBy(asc(teachingGroups.code));
}

/** A pupil of this school, locked until the transaction ends (undefined if not in the school). */
export async function lockPupil(tx: DbOrTx, schoolId: string, pupilId: string) {
  const [pupil] = await tx
    .select()
    .from(pupils)
    .where(and(eq(pupils.id, pupilId), eq(pupils.schoolId, schoolId)))
    .for('update');
  return pupil;
}

/** Correct a pupil's details, keeping the previous values and the reason beside them. */
export async function correctPupil(
  tx: DbOrTx,
  correction: {
    schoolId: string;
    pupilId: string;
    set: Partial<typeof pupils.$inferInsert>;
    changes: Record<string, { from: unknown; to: unknown }>;
    reason: string;
    changedBy: string;
    changedAt: Date;
  },
): Promise<void> {
  const { schoolId, pupilId, set, changes, reason, changedBy, changedAt } = correction;
  await tx
    .update(pupils)
    .set({ ...set, updatedAt: changedAt })
    .where(eq(pupils.id, pupilId));
  await tx.insert(pupilDetailChanges).values({ schoolId, pupilId, changes, reason, changedBy, changedAt });
}

/** The newest corrections of a pupil's details, newest first, with who made each. */
export async function latestDetailChanges(db: DbOrTx, schoolId: string, pupilId: string, count: number) {
  return db
    .select({ changes: pupilDetailChanges.changes, changedAt: pupilDetailChanges.changedAt, by: users.displayName })
    .from(pupilDetailChanges)
    .leftJoin(users, eq(users.id, pupilDetailChanges.changedBy))
    .where(and(eq(pupilDetailChanges.schoolId, schoolId), eq(pupilDetailChanges.pupilId, pupilId)))
    .orderBy(desc(pupilDetailChanges.changedAt))
    .limit(count);
}

/**
 * The pupil with each correction of their details and who made it, for the chronology: one row
 * per correction (or one row with none), so the pupil and the corrections take one statement.
 */
export async function pupilWithDetailChanges(db: DbOrTx, schoolId: string, pupilId: string) {
  return db
    .select({
      pupil: { createdAt: pupils.createdAt, leftOn: pupils.leftOn },
      c: pupilDetailChanges,
      by: users.displayName,
    })
    .from(pupils)
    .leftJoin(
      pupilDetailChanges,
      and(eq(pupilDetailChanges.schoolId, schoolId), eq(pupilDetailChanges.pupilId, pupilId)),
    )
    .leftJoin(users, eq(users.id, pupilDetailChanges.changedBy))
    .where(and(eq(pupils.id, pupilId), eq(pupils.schoolId, schoolId)));
}
