/**
 * When a school is added to a trust that has no starter library yet, the trust is given it (once):
 * every school starts with the shared entries, which the trust's curators then keep.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { STARTER_LIBRARY } from '@tandem/core';
import { resources } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';
import { trustIdOfSchool } from '../platform/directory';
import type { SchoolCreatedHook } from '../platform/registries';
import { insertResource } from './resources.queries';

/**
 * Adds the starter library to a trust unless it has it already. `reviewedOn` says when each entry
 * was last reviewed (the demo gives some an older date, so "due for review" shows).
 */
export async function seedStarterLibrary(
  db: DbOrTx,
  trustId: string,
  at: Date,
  reviewedOn: (index: number) => string = () => at.toISOString().slice(0, 10),
): Promise<void> {
  const [any] = await db
    .select({ id: resources.id })
    .from(resources)
    .where(and(eq(resources.trustId, trustId), isNull(resources.schoolId), eq(resources.starter, true)))
    .limit(1);
  if (any) return;
  let i = 0;
  for (const entry of STARTER_LIBRARY) {
    await insertResource(db, {
      trustId,
      schoolId: null,
      details: { ...entry, documentId: null },
      reviewedOn: reviewedOn(i++),
      by: null,
      at,
      starter: true,
    });
  }
}

export const seedLibraryForNewSchool: SchoolCreatedHook = async (tx, { schoolId }) => {
  const trustId = await trustIdOfSchool(tx, schoolId);
  if (trustId) await seedStarterLibrary(tx, trustId, new Date());
};
