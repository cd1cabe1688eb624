/** The SQL of files attached to concerns. */
import { and, eq, sql } from 'drizzle-orm';
import { concernFiles } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';

export async function countFiles(db: DbOrTx, concernId: string): Promise<number> {
  const [{ n } = { n: 0 }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(concernFiles)
    .where(eq(concernFiles.concernId, concernId));
  return n;
}

export async function insertFile(tx: DbOrTx, values: typeof concernFiles.$inferInsert) {
  const [row] = await tx
    .insert(concernFiles)
    .values(values)
    .returning({ id: concernFiles.id, fileName: concernFiles.fileName });
  if (!row) throw new Error('file insert returned nothing');
  return row;
}

/** A file of this concern in this school, if there is one. */
export async function loadFile(db: DbOrTx, schoolId: string, concernId: string, fileId: string) {
  const [file] = await db
    .select()
    .from(concernFiles)
    .where(
      and(eq(concernFiles.id, fileId), eq(concernFiles.concernId, concernId), eq(concernFiles.schoolId, schoolId)),
    );
  return file;
}
