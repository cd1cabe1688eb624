/**
 * Parents and carers as the staff page lists them: each contact the MIS holds, with where their
 * Tandem account stands (cannot be invited, not invited, invited, signed up, no access).
 */
import { and, asc, eq, gt, ilike, isNull, or, sql, type SQL } from 'drizzle-orm';
import { AppError, PARENT_ACCOUNT_STATES, type FamilyContactRow, type ParentAccountState } from '@tandem/core';
import { contacts, familyNoAccess, pupils, users } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';
import { pupilName } from '../platform/directory';

const PAGE = 50;

/** Why a contact cannot be invited, or null when they can. */
export function notInvitableReason(c: { parentalResponsibility: boolean; noContact: boolean; email: string | null }) {
  if (c.noContact) return 'The school’s records say not to contact them';
  if (!c.parentalResponsibility) return 'They do not have parental responsibility';
  if (!c.email) return 'The school holds no e-mail address for them';
  return null;
}

const flagBy = sql<string | null>`(select u.display_name from users u where u.id = ${familyNoAccess.setBy})`;
const invitedAt = sql<Date | null>`(select max(t.created_at) from one_time_tokens t where t.user_id = ${contacts.userId} and t.purpose = 'invitation')`;
const lastSeen = sql<Date | null>`(select max(s.last_seen_at) from sessions s where s.user_id = ${contacts.userId})`;

/** The state, as SQL, so the list can be filtered and counted by it. */
const stateSql = sql<ParentAccountState>`case
  when ${familyNoAccess.id} is not null then 'no_access'
  when ${contacts.noContact} or not ${contacts.parentalResponsibility} or ${contacts.email} is null then 'not_invitable'
  when ${users.passwordHash} is not null then 'signed_up'
  when ${contacts.userId} is not null then 'invited'
  else 'not_invited' end`;

function fromContacts(db: DbOrTx) {
  return {
    base: (cols: Record<string, unknown>) =>
      db
        .select(cols as never)
        .from(contacts)
        .innerJoin(pupils, eq(pupils.id, contacts.pupilId))
        .leftJoin(users, eq(users.id, contacts.userId))
        .leftJoin(familyNoAccess, and(eq(familyNoAccess.contactId, contacts.id), isNull(familyNoAccess.liftedAt))),
  };
}

function encode(name: string, id: string): string {
  return Buffer.from(JSON.stringify([name, id])).toString('base64url');
}
function decode(cursor: string): [string, string] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && typeof v[0] === 'string' && typeof v[1] === 'string') return [v[0], v[1]];
  } catch {
    // Refused below.
  }
  throw new AppError('bad_request', 'bad cursor', {
    userMessage: 'That page link is no longer valid. Please start again.',
  });
}

export async function listContacts(
  db: DbOrTx,
  schoolId: string,
  q: { q?: string; state?: ParentAccountState; yearGroup?: number; cursor?: string },
): Promise<{ rows: FamilyContactRow[]; nextCursor: string | null; counts: Record<ParentAccountState, number> }> {
  const where: SQL[] = [eq(contacts.schoolId, schoolId), isNull(pupils.leftOn)];
  if (q.yearGroup !== undefined) where.push(eq(pupils.yearGroup, q.yearGroup));
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    where.push(
      or(
        ilike(contacts.name, like),
        ilike(pupils.givenName, like),
        ilike(pupils.familyName, like),
        ilike(sql`coalesce(${pupils.preferredName}, '')`, like),
        // A child's whole name, as people type it: "Freya Begum".
        ilike(sql`${pupils.givenName} || ' ' || ${pupils.familyName}`, like),
        ilike(sql`coalesce(${pupils.preferredName}, ${pupils.givenName}) || ' ' || ${pupils.familyName}`, like),
      ) as SQL,
    );
  }
  const counted = await fromContacts(db)
    .base({ state: stateSql, n: sql<number>`count(*)::int` })
    .where(and(...where))
    .groupBy(sql`1`);
  const counts = Object.fromEntries(PARENT_ACCOUNT_STATES.map((s) => [s, 0])) as Record<ParentAccountState, number>;
  for (const c of counted as unknown as { state: ParentAccountState; n: number | string }[])
    counts[c.state] = Number(c.n);

  const pageWhere = [...where];
  if (q.state) pageWhere.push(sql`(${stateSql}) = ${q.state}`);
  if (q.cursor) {
    const [name, id] = decode(q.cursor);
    pageWhere.push(or(gt(contacts.name, name), and(eq(contacts.name, name), gt(contacts.id, id))) as SQL);
  }
  const rows = (await fromContacts(db)
    .base({
      c: contacts,
      p: {
        givenName: pupils.givenName,
        familyName: pupils.familyName,
        preferredName: pupils.preferredName,
        form: pupils.form,
        yearGroup: pupils.yearGroup,
      },
      state: stateSql,
      invitedAt,
      lastSeen,
      flag: { reasonKind: familyNoAccess.reasonKind, reason: familyNoAccess.reason, setAt: familyNoAccess.setAt },
      flagBy,
    })
    .where(and(...pageWhere))
    .orderBy(asc(contacts.name), asc(contacts.id))
    .limit(PAGE + 1)) as unknown as {
    c: typeof contacts.$inferSelect;
    p: { givenName: string; familyName: string; preferredName: string | null; form: string; yearGroup: number };
    state: ParentAccountState;
    invitedAt: Date | string | null;
    lastSeen: Date | string | null;
    flag: { reasonKind: 'court_order' | 'school_decision'; reason: string; setAt: Date } | null;
    flagBy: string | null;
  }[];
  const page = rows.slice(0, PAGE);
  const last = page.at(-1);
  return {
    rows: page.map((r) => ({
      contactId: r.c.id,
      name: r.c.name,
      relationship: r.c.relationship,
      email: r.c.email,
      pupilId: r.c.pupilId,
      pupilName: pupilName(r.p),
      form: r.p.form,
      yearGroup: r.p.yearGroup,
      state: r.state,
      notInvitableReason: notInvitableReason(r.c),
      invitedAt: iso(r.invitedAt),
      lastSeenAt: iso(r.lastSeen),
      noAccess: r.flag
        ? {
            reasonKind: r.flag.reasonKind,
            reason: r.flag.reason,
            setAt: iso(r.flag.setAt) ?? '',
            setByName: r.flagBy ?? '',
          }
        : null,
    })),
    nextCursor: rows.length > PAGE && last ? encode(last.c.name, last.c.id) : null,
    counts,
  };
}

function iso(v: Date | string | null): string | null {
  if (v === null) return null;
  return new Date(v).toISOString();
}

/** One contact of this school, or 404. */
export async function loadContact(db: DbOrTx, schoolId: string, contactId: string) {
  const [row] = await db
    .select({ c: contacts, leftOn: pupils.leftOn })
    .from(contacts)
    .innerJoin(pupils, eq(pupils.id, contacts.pupilId))
    .where(and(eq(contacts.id, contactId), eq(contacts.schoolId, schoolId)));
  if (!row) throw new AppError('not_found', 'contact not found');
  return row;
}

/** The contact's active no-access flag, if any. */
export async function activeFlag(db: DbOrTx, contactId: string) {
  const [f] = await db
    .select()
    .from(familyNoAccess)
    .where(and(eq(familyNoAccess.contactId, contactId), isNull(familyNoAccess.liftedAt)));
  return f ?? null;
}
