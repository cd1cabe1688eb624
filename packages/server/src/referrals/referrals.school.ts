/**
 * When a school is added to a trust whose directory has no national entries yet, the national
 * services are added for the trust (once): every school starts with them.
 */
import { and, eq } from 'drizzle-orm';
import { NATIONAL_SERVICES } from '@tandem/core';
import { services } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';
import { trustIdOfSchool } from '../platform/directory';
import type { SchoolCreatedHook } from '../platform/registries';
import { insertService } from './services.queries';

export async function seedNationalServices(db: DbOrTx, trustId: string, at: Date): Promise<void> {
  const [any] = await db
    .select({ id: services.id })
    .from(services)
    .where(and(eq(services.trustId, trustId), eq(services.scope, 'national')))
    .limit(1);
  if (any) return;
  for (const details of NATIONAL_SERVICES) {
    await insertService(db, {
      trustId,
      schoolId: null,
      scope: 'national',
      details,
      checkedOn: at.toISOString().slice(0, 10),
      by: null,
      at,
    });
  }
}

export const seedDirectoryForNewSchool: SchoolCreatedHook = async (tx, { schoolId }) => {
  const trustId = await trustIdOfSchool(tx, schoolId);
  if (trustId) await seedNationalServices(tx, trustId, new Date());
};
