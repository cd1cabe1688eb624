import { eq } from 'drizzle-orm';
import { schools } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';

/** The trust a school belongs to, for the audit entries of school-level events (null if unknown). */
export async function trustIdOfSchool(db: DbOrTx, schoolId: string): Promise<string | null> {
  const [s] = await db.select({ trustId: schools.trustId }).from(schools).where(eq(schools.id, schoolId));
  return s?.trustId ?? null;
}

/** A school's name, for printed documents ('' if unknown). */
export async function schoolNameOf(db: DbOrTx, schoolId: string): Promise<string> {
  const [s] = await db.select({ name: schools.name }).from(schools).where(eq(schools.id, schoolId));
  return s?.name ?? '';
}
