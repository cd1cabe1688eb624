/** The resource library's SQL: a trust's shared entries and each school's own, always scoped. */
import { and, asc, eq, isNull, or } from 'drizzle-orm';
import { AppError, type ResourceDetails } from '@tandem/core';
import { resources, users } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';

export type ResourceRow = typeof resources.$inferSelect;
export type ResourceWithReviewer = ResourceRow & { reviewerName: string | null };

function withReviewer(db: DbOrTx) {
  return db
    .select({ r: resources, reviewerName: users.displayName })
    .from(resources)
    .leftJoin(users, eq(users.id, resources.lastReviewedBy));
}

const flat = (rows: { r: ResourceRow; reviewerName: string | null }[]): ResourceWithReviewer[] =>
  rows.map(({ r, reviewerName }) => ({ ...r, reviewerName }));

/** The library a school reads: its trust's shared entries and its own, in the library (not withdrawn). */
export async function libraryOfSchool(db: DbOrTx, trustId: string, schoolId: string) {
  return flat(
    await withReviewer(db)
      .where(
        and(
          eq(resources.trustId, trustId),
          or(isNull(resources.schoolId), eq(resources.schoolId, schoolId)),
          eq(resources.status, 'active'),
        ),
      )
      .orderBy(asc(resources.title)),
  );
}

/** The trust's own shared entries in the library. */
export async function libraryOfTrust(db: DbOrTx, trustId: string) {
  return flat(
    await withReviewer(db)
      .where(and(eq(resources.trustId, trustId), isNull(resources.schoolId), eq(resources.status, 'active')))
      .orderBy(asc(resources.title)),
  );
}

/** A school's own entries in the library (for the lead's yearly review). */
export async function ownEntriesOfSchool(db: DbOrTx, schoolId: string) {
  return db
    .select()
    .from(resources)
    .where(and(eq(resources.schoolId, schoolId), eq(resources.status, 'active')))
    .orderBy(asc(resources.lastReviewedOn));
}

/**
 * One entry in the library, as a school (its trust's and its own) or a trust (its shared ones, when
 * `schoolId` is null) sees it; a withdrawn entry or anyone else's answers 404.
 */
export async function loadResource(
  db: DbOrTx,
  where: { trustId: string; schoolId: string | null },
  id: string,
  lock = false,
): Promise<ResourceWithReviewer> {
  const scope =
    where.schoolId === null
      ? isNull(resources.schoolId)
      : or(isNull(resources.schoolId), eq(resources.schoolId, where.schoolId));
  const q = withReviewer(db).where(
    and(eq(resources.id, id), eq(resources.trustId, where.trustId), scope, eq(resources.status, 'active')),
  );
  const [row] = lock ? await q.for('update', { of: resources }) : await q;
  if (!row) throw new AppError('not_found', 'resource not found');
  return { ...row.r, reviewerName: row.reviewerName };
}

export async function insertResource(
  db: DbOrTx,
  v: {
    trustId: string;
    schoolId: string | null;
    details: ResourceDetails;
    reviewedOn: string;
    by: string | null;
    at: Date;
    starter?: boolean;
  },
) {
  const [row] = await db
    .insert(resources)
    .values({
      trustId: v.trustId,
      schoolId: v.schoolId,
      ...v.details,
      starter: v.starter ?? false,
      lastReviewedOn: v.reviewedOn,
      lastReviewedBy: v.by,
      createdBy: v.by,
      createdAt: v.at,
      updatedAt: v.at,
    })
    .returning({ id: resources.id });
  return row!;
}

/** A change: the new details, a new version, and (as the entry was just looked at) reviewed today. */
export async function updateResource(
  db: DbOrTx,
  row: ResourceRow,
  v: { details: ResourceDetails; reviewedOn: string; by: string; at: Date },
): Promise<number> {
  const version = row.version + 1;
  await db
    .update(resources)
    .set({ ...v.details, version, lastReviewedOn: v.reviewedOn, lastReviewedBy: v.by, updatedAt: v.at })
    .where(eq(resources.id, row.id));
  return version;
}

export async function markReviewed(db: DbOrTx, id: string, v: { on: string; by: string; at: Date }) {
  await db
    .update(resources)
    .set({ lastReviewedOn: v.on, lastReviewedBy: v.by, updatedAt: v.at })
    .where(eq(resources.id, id));
}

export async function markWithdrawn(db: DbOrTx, row: ResourceRow, at: Date) {
  await db
    .update(resources)
    .set({ status: 'withdrawn', version: row.version + 1, updatedAt: at })
    .where(eq(resources.id, row.id));
}
