/** The school's term dates as the school-day rule reads them (core schools/term-dates.ts). */
import { asc, eq } from 'drizzle-orm';
import type { SchoolCalendar } from '@tandem/core';
import { schoolClosures, schoolTerms } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';

export async function schoolCalendar(db: DbOrTx, schoolId: string): Promise<SchoolCalendar> {
  const terms = await db
    .select({ name: schoolTerms.name, firstDay: schoolTerms.firstDay, lastDay: schoolTerms.lastDay })
    .from(schoolTerms)
    .where(eq(schoolTerms.schoolId, schoolId))
    .orderBy(asc(schoolTerms.firstDay));
  const closures = await db
    .select({ on: schoolClosures.on })
    .from(schoolClosures)
    .where(eq(schoolClosures.schoolId, schoolId));
  return { terms, closures: closures.map((c) => c.on) };
}
