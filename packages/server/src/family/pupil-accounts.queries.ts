/** Pupils' own accounts: who has one, who has a code waiting, and making the accounts. */
import { and, asc, eq, gt, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { AppError, type PupilAccountRow, type PupilAccountState } from '@tandem/core';
import { pupils, users } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';
import { pupilName } from '../platform/directory';

const PAGE = 100;

const state = sql<PupilAccountState>`case
  when ${users.passwordHash} is not null then 'active'
  when ${pupils.userId} is not null then 'code_issued'
  else 'none' end`;
const lastSeen = sql<
  Date | string | null
>`(select max(s.last_seen_at) from sessions s where s.user_id = ${pupils.userId})`;

export async function listPupilAccounts(
  db: DbOrTx,
  schoolId: string,
  q: { yearGroup?: number; cursor?: string; years: readonly number[] },
): Promise<{ rows: PupilAccountRow[]; nextCursor: string | null }> {
  const where: SQL[] = [eq(pupils.schoolId, schoolId), isNull(pupils.leftOn)];
  if (q.yearGroup !== undefined) where.push(eq(pupils.yearGroup, q.yearGroup));
  else if (q.years.length > 0) where.push(inArray(pupils.yearGroup, [...q.years]));
  if (q.cursor) {
    let key: [string, string, string];
    try {
      key = JSON.parse(Buffer.from(q.cursor, 'base64url').toString('utf8')) as [string, string, string];
      if (!Array.isArray(key) || key.length !== 3 || !key.every((k) => typeof k === 'string')) throw new Error('bad');
    } catch {
      throw new AppError('bad_request', 'bad cursor', {
        userMessage: 'That page link is no longer valid. Please start again.',
      });
    }
    const [f, g, id] = key;
    where.push(
      or(
        gt(pupils.familyName, f),
        and(eq(pupils.familyName, f), gt(pupils.givenName, g)),
        and(eq(pupils.familyName, f), eq(pupils.givenName, g), gt(pupils.id, id)),
      ) as SQL,
    );
  }
  const rows = await db
    .select({ p: pupils, email: users.email, state, lastSeen })
    .from(pupils)
    .leftJoin(users, eq(users.id, pupils.userId))
    .where(and(...where))
    .orderBy(asc(pupils.familyName), asc(pupils.givenName), asc(pupils.id))
    .limit(PAGE + 1);
  const page = rows.slice(0, PAGE);
  const last = page.at(-1);
  return {
    rows: page.map((r) => ({
      pupilId: r.p.id,
      name: pupilName(r.p),
      form: r.p.form,
      yearGroup: r.p.yearGroup,
      state: r.state,
      signInName: r.email,
      lastSeenAt: r.lastSeen ? new Date(r.lastSeen).toISOString() : null,
    })),
    nextCursor:
      rows.length > PAGE && last
        ? Buffer.from(JSON.stringify([last.p.familyName, last.p.givenName, last.p.id])).toString('base64url')
        : null,
  };
}

/** The pupils named (or a year group), on roll in this school, with their account if any. */
export async function pupilsForCodes(db: DbOrTx, schoolId: string, o: { yearGroup?: number; pupilIds?: string[] }) {
  const where: SQL[] = [eq(pupils.schoolId, schoolId), isNull(pupils.leftOn)];
  if (o.yearGroup !== undefined) where.push(eq(pupils.yearGroup, o.yearGroup));
  if (o.pupilIds)
    where.push(inArray(pupils.id, o.pupilIds.length ? o.pupilIds : ['00000000-0000-0000-0000-000000000000']));
  return db
    .select({ p: pupils, email: users.email })
    .from(pupils)
    .leftJoin(users, eq(users.id, pupils.userId))
    .where(and(...where))
    .orderBy(asc(pupils.form), asc(pupils.familyName), asc(pupils.givenName));
}

function ascii(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/**
 * A sign-in name no one else has: given.family@schoolname.pupils (a number added when taken). It looks
 * like an e-mail address so the one sign-in form serves everyone, but nothing is ever sent to it.
 */
export async function freeSignInName(db: DbOrTx, p: { givenName: string; familyName: string }, schoolName: string) {
  // The school's whole name, so two schools sharing a first word ("St Mary's", "St John's") differ.
  const school = ascii(schoolName).slice(0, 24) || 'school';
  const base = `${ascii(p.givenName) || 'pupil'}.${ascii(p.familyName) || 'pupil'}`;
  const taken = await db
    .select({ email: users.email })
    .from(users)
    .where(sql`${users.email} like ${`${base}%@${school}.pupils`}`);
  const used = new Set(taken.map((t) => t.email));
  for (let n = 0; ; n += 1) {
    const candidate = `${base}${n === 0 ? '' : n + 1}@${school}.pupils`;
    if (!used.has(candidate)) return candidate;
  }
}
