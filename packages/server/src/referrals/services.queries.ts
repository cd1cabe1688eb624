/** The services directory's SQL: a trust's national and shared entries, and each school's own. */
import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import { AppError, type ServiceDetails } from '@tandem/core';
import { services, serviceVersions, users } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';

export type ServiceRow = typeof services.$inferSelect;

/** Entries a school sees: its trust's (national and shared) and its own. */
export async function servicesForSchool(db: DbOrTx, trustId: string, schoolId: string) {
  return db
    .select()
    .from(services)
    .where(and(eq(services.trustId, trustId), or(isNull(services.schoolId), eq(services.schoolId, schoolId))))
    .orderBy(asc(sql`${services.details}->>'name'`));
}

/** A trust's own entries: national and shared (no school's local ones). */
export async function servicesOfTrust(db: DbOrTx, trustId: string) {
  return db
    .select()
    .from(services)
    .where(and(eq(services.trustId, trustId), isNull(services.schoolId)))
    .orderBy(asc(sql`${services.details}->>'name'`));
}

/** One entry a school may see, or 404. */
export async function loadService(db: DbOrTx, trustId: string, schoolId: string | null, id: string, lock = false) {
  const q = db
    .select()
    .from(services)
    .where(
      and(
        eq(services.id, id),
        eq(services.trustId, trustId),
        schoolId === null ? isNull(services.schoolId) : or(isNull(services.schoolId), eq(services.schoolId, schoolId)),
      ),
    );
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new AppError('not_found', 'service not found');
  return row;
}

export async function insertService(
  db: DbOrTx,
  v: {
    trustId: string;
    schoolId: string | null;
    scope: ServiceRow['scope'];
    details: ServiceDetails;
    checkedOn: string;
    by: string | null;
    at: Date;
  },
) {
  const [row] = await db
    .insert(services)
    .values({
      trustId: v.trustId,
      schoolId: v.schoolId,
      scope: v.scope,
      details: v.details,
      status: 'active',
      lastCheckedOn: v.checkedOn,
      createdAt: v.at,
      updatedAt: v.at,
    })
    .returning();
  await db.insert(serviceVersions).values({
    serviceId: row!.id,
    version: 1,
    details: v.details,
    status: 'active',
    changedBy: v.by,
    changedAt: v.at,
  });
  return row!;
}

export async function updateService(
  db: DbOrTx,
  row: ServiceRow,
  v: { details: ServiceDetails; status: ServiceRow['status']; checkedOn: string; by: string; at: Date },
) {
  const version = row.version + 1;
  await db
    .update(services)
    .set({ details: v.details, status: v.status, version, lastCheckedOn: v.checkedOn, updatedAt: v.at })
    .where(eq(services.id, row.id));
  await db.insert(serviceVersions).values({
    serviceId: row.id,
    version,
    details: v.details,
    status: v.status,
    changedBy: v.by,
    changedAt: v.at,
  });
  return version;
}

export async function versionsOf(db: DbOrTx, serviceId: string) {
  return db
    .select({ v: serviceVersions, by: users.displayName })
    .from(serviceVersions)
    .leftJoin(users, eq(users.id, serviceVersions.changedBy))
    .where(eq(serviceVersions.serviceId, serviceId))
    .orderBy(asc(serviceVersions.version));
}

export async function markChecked(db: DbOrTx, id: string, on: string) {
  await db.update(services).set({ lastCheckedOn: on }).where(eq(services.id, id));
}
