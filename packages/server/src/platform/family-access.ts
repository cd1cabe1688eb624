/**
 * Who may see a child in the family portal: the pupil themself (their own account, on roll), or a
 * parent or carer the school holds as the child's contact, whose account is linked to that contact,
 * and whom the school has not flagged "no access". Anyone else gets 404, exactly as for a child who
 * does not exist. Every family route of every feature starts here.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { AppError, canInSchool, londonToday, type Permission } from '@tandem/core';
import { contacts, familyNoAccess, pupils } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';
import type { SchoolRead } from './gate';
import type { FamilyReader } from './registries';

const NOT_FOUND = () => new AppError('not_found', 'child not found');

/**
 * What family routes let through the gate: both portal roles, so that a pupil asking for a parent's
 * view (or for another pupil) gets the same 404 as anyone asking for a child they may not see,
 * never a 403 that says the child exists. `familyReaderFor` then decides.
 */
export const FAMILY_PORTALS: readonly Permission[] = ['portal.parent', 'portal.pupil'];

/** The reader for this child, or 404. Call inside `inSchool`/`readInSchool` with portal permissions. */
export async function familyReaderFor(read: SchoolRead, pupilId: string): Promise<FamilyReader> {
  const reader = await findFamilyReader(read.db, read, pupilId);
  if (!reader) throw NOT_FOUND();
  return reader;
}

/** As `familyReaderFor`, answering null instead of 404. */
export async function findFamilyReader(
  db: DbOrTx,
  read: Pick<SchoolRead, 'actor' | 'schoolId' | 'now'>,
  pupilId: string,
): Promise<FamilyReader | null> {
  const { actor, schoolId, now } = read;
  const base = { actor, schoolId, pupilId, now, today: londonToday(now) };
  if (canInSchool(actor, 'portal.pupil', schoolId)) {
    const [own] = await db
      .select({ id: pupils.id })
      .from(pupils)
      .where(
        and(
          eq(pupils.id, pupilId),
          eq(pupils.schoolId, schoolId),
          eq(pupils.userId, actor.userId),
          isNull(pupils.leftOn),
        ),
      );
    if (own) return { ...base, as: 'pupil', contactIds: [], contactNames: [] };
  }
  if (canInSchool(actor, 'portal.parent', schoolId)) {
    const links = await db
      .select({ id: contacts.id, name: contacts.name, flag: familyNoAccess.id })
      .from(contacts)
      .innerJoin(pupils, eq(pupils.id, contacts.pupilId))
      .leftJoin(familyNoAccess, and(eq(familyNoAccess.contactId, contacts.id), isNull(familyNoAccess.liftedAt)))
      .where(
        and(
          eq(contacts.schoolId, schoolId),
          eq(contacts.pupilId, pupilId),
          eq(contacts.userId, actor.userId),
          eq(contacts.parentalResponsibility, true),
          eq(contacts.noContact, false),
          isNull(pupils.leftOn),
        ),
      );
    // One flagged link is enough to refuse: the school's decision about this parent stands.
    if (links.length > 0 && links.every((l) => l.flag === null)) {
      return { ...base, as: 'parent', contactIds: links.map((l) => l.id), contactNames: links.map((l) => l.name) };
    }
  }
  return null;
}
