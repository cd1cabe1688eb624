/**
 * The family feature's own reads and writes: which children an account sees, what a parent sent
 * the school, what they confirmed reading, their e-mail choice.
 */
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { yearGroupLabel, type SchoolRole, type FamilyChildSummary, type ParentMessagePart } from '@tandem/core';
import {
  contacts,
  familyConfirmations,
  familyMessages,
  familyNoAccess,
  familyPreferences,
  pupils,
  roleAssignments,
  schools,
} from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';

function summary(p: {
  id: string;
  schoolId: string;
  schoolName: string;
  givenName: string;
  preferredName: string | null;
  familyName: string;
  yearGroup: number;
}): FamilyChildSummary {
  const first = p.preferredName ?? p.givenName;
  return {
    schoolId: p.schoolId,
    schoolName: p.schoolName,
    pupilId: p.id,
    name: `${first} ${p.familyName}`,
    firstName: first,
    yearLabel: yearGroupLabel(p.yearGroup),
  };
}

const childCols = {
  id: pupils.id,
  schoolId: pupils.schoolId,
  schoolName: schools.name,
  givenName: pupils.givenName,
  preferredName: pupils.preferredName,
  familyName: pupils.familyName,
  yearGroup: pupils.yearGroup,
};

/** The children a parent sees, in the schools where they hold the parent role (the same rule as family-access). */
export async function childrenOfParent(
  db: DbOrTx,
  userId: string,
  schoolIds: readonly string[],
): Promise<FamilyChildSummary[]> {
  if (schoolIds.length === 0) return [];
  const rows = await db
    .selectDistinct(childCols)
    .from(contacts)
    .innerJoin(pupils, eq(pupils.id, contacts.pupilId))
    .innerJoin(schools, eq(schools.id, pupils.schoolId))
    .where(
      and(
        eq(contacts.userId, userId),
        inArray(contacts.schoolId, [...schoolIds]),
        eq(contacts.parentalResponsibility, true),
        eq(contacts.noContact, false),
        isNull(pupils.leftOn),
        sql`not exists (select 1 from ${familyNoAccess} f where f.contact_id in (select c2.id from ${contacts} c2 where c2.user_id = ${userId} and c2.pupil_id = ${pupils.id}) and f.lifted_at is null)`,
      ),
    );
  return rows.map(summary).sort((a, b) => a.name.localeCompare(b.name));
}

/** One child's summary, once the reader check has passed (no second access check). */
export async function childSummary(db: DbOrTx, schoolId: string, pupilId: string): Promise<FamilyChildSummary | null> {
  const [row] = await db
    .select(childCols)
    .from(pupils)
    .innerJoin(schools, eq(schools.id, pupils.schoolId))
    .where(and(eq(pupils.id, pupilId), eq(pupils.schoolId, schoolId)));
  return row ? summary(row) : null;
}

/** The pupil's own record, for their account. */
export async function pupilOfAccount(
  db: DbOrTx,
  userId: string,
  schoolIds: readonly string[],
): Promise<FamilyChildSummary[]> {
  if (schoolIds.length === 0) return [];
  const rows = await db
    .select(childCols)
    .from(pupils)
    .innerJoin(schools, eq(schools.id, pupils.schoolId))
    .where(and(eq(pupils.userId, userId), inArray(pupils.schoolId, [...schoolIds]), isNull(pupils.leftOn)));
  return rows.map(summary);
}

export async function emailNewsOf(db: DbOrTx, userId: string): Promise<boolean> {
  const [p] = await db
    .select({ on: familyPreferences.emailNews })
    .from(familyPreferences)
    .where(eq(familyPreferences.userId, userId));
  return p?.on ?? true;
}

export async function setEmailNews(db: DbOrTx, userId: string, on: boolean, now: Date): Promise<void> {
  await db
    .insert(familyPreferences)
    .values({ userId, emailNews: on, updatedAt: now })
    .onConflictDoUpdate({ target: familyPreferences.userId, set: { emailNews: on, updatedAt: now } });
}

/** What this parent sent the school about this child, newest first. */
export async function messagesOf(db: DbOrTx, schoolId: string, pupilId: string, userId: string) {
  return db
    .select()
    .from(familyMessages)
    .where(
      and(
        eq(familyMessages.schoolId, schoolId),
        eq(familyMessages.pupilId, pupilId),
        eq(familyMessages.sentBy, userId),
      ),
    )
    .orderBy(desc(familyMessages.sentAt))
    .limit(50);
}

export async function messageBySubmission(db: DbOrTx, userId: string, submissionKey: string) {
  const [m] = await db
    .select()
    .from(familyMessages)
    .where(and(eq(familyMessages.sentBy, userId), eq(familyMessages.submissionKey, submissionKey)));
  return m ?? null;
}

export type MessageRow = typeof familyMessages.$inferSelect;

export function messagePart(
  m: MessageRow,
  readAt: Date | undefined,
  interventionName: string | null,
): ParentMessagePart {
  return {
    id: m.id,
    kind: m.kind,
    text: m.text,
    sentAt: m.sentAt.toISOString(),
    state: readAt ? 'read' : 'received',
    readAt: readAt ? readAt.toISOString() : null,
    interventionName,
  };
}

/** This parent's confirmations for a child: "plan:<id>:<version>" and "letter:<id>:0" → when. */
export async function confirmationsOf(db: DbOrTx, schoolId: string, pupilId: string, userId: string) {
  const rows = await db
    .select()
    .from(familyConfirmations)
    .where(
      and(
        eq(familyConfirmations.schoolId, schoolId),
        eq(familyConfirmations.pupilId, pupilId),
        eq(familyConfirmations.userId, userId),
      ),
    );
  return new Map(rows.map((r) => [`${r.item}:${r.itemId}:${r.itemVersion}`, r.confirmedAt]));
}

/** Give a parent or pupil their role in a school, unless they hold it already (roles are never duplicated). */
export async function grantFamilyRole(
  db: DbOrTx,
  o: {
    userId: string;
    trustId: string;
    schoolId: string;
    role: Extract<SchoolRole, 'parent' | 'pupil'>;
    grantedBy: string;
  },
): Promise<void> {
  const [held] = await db
    .select({ id: roleAssignments.id })
    .from(roleAssignments)
    .where(
      and(
        eq(roleAssignments.userId, o.userId),
        eq(roleAssignments.schoolId, o.schoolId),
        eq(roleAssignments.role, o.role),
        isNull(roleAssignments.revokedAt),
      ),
    );
  if (!held) await db.insert(roleAssignments).values(o);
}
