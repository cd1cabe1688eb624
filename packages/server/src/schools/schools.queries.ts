/**
 * The SQL of schools. A school's trust and name, which any feature may need, are read through
 * platform/directory.ts.
 */
import { eq } from 'drizzle-orm';
import { schools } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';

export type SchoolRow = typeof schools.$inferSelect;

export function schoolsOfTrust(db: DbOrTx, trustId: string): Promise<SchoolRow[]> {
  return db.select().from(schools).where(eq(schools.trustId, trustId)).orderBy(schools.name);
}

export async function schoolById(db: DbOrTx, schoolId: string): Promise<SchoolRow | undefined> {
  const [row] = await db.select().from(schools).where(eq(schools.id, schoolId));
  return row;
}

/** Whether any school (in any trust) already has this URN: URNs are national. */
export async function urnInUse(db: DbOrTx, urn: string): Promise<boolean> {
  const [clash] = await db.select({ id: schools.id }).from(schools).where(eq(schools.urn, urn));
  return clash !== undefined;
}

/** Whether another school (in any trust) already has this DfE number: DfE numbers are national too. */
export async function dfeNumberInUse(db: DbOrTx, dfeNumber: string, exceptSchoolId?: string): Promise<boolean> {
  const [clash] = await db.select({ id: schools.id }).from(schools).where(eq(schools.dfeNumber, dfeNumber));
  return clash !== undefined && clash.id !== exceptSchoolId;
}

export async function insertSchool(db: DbOrTx, values: typeof schools.$inferInsert): Promise<SchoolRow> {
  const [row] = await db.insert(schools).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function updateSchoolRow(
  db: DbOrTx,
  schoolId: string,
  changes: Partial<SchoolRow>,
): Promise<SchoolRow | undefined> {
  const [row] = await db.update(schools).set(changes).where(eq(schools.id, schoolId)).returning();
  return row;
}
