/** The SQL of concern drafts: one per person per school, replaced on each save. */
import { and, eq } from 'drizzle-orm';
import { concernDrafts } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';

export async function loadDraft(db: DbOrTx, schoolId: string, userId: string) {
  const [row] = await db
    .select()
    .from(concernDrafts)
    .where(and(eq(concernDrafts.schoolId, schoolId), eq(concernDrafts.userId, userId)));
  return row;
}

export async function upsertDraft(
  db: DbOrTx,
  o: { schoolId: string; userId: string; body: Record<string, unknown>; savedAt: Date },
): Promise<void> {
  await db
    .insert(concernDrafts)
    .values(o)
    .onConflictDoUpdate({
      target: [concernDrafts.schoolId, concernDrafts.userId],
      set: { body: o.body, savedAt: o.savedAt },
    });
}

/** Remove a person's draft (their concern has been submitted). */
export async function deleteDraft(db: DbOrTx, schoolId: string, userId: string): Promise<void> {
  await db.delete(concernDrafts).where(and(eq(concernDrafts.schoolId, schoolId), eq(concernDrafts.userId, userId)));
}
