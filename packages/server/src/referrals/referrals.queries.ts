/** Referrals' SQL, each query scoped to the school. Who may read what is decided in referrals.access.ts. */
import { and, asc, desc, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import { AppError } from '@tandem/core';
import { pupils, referrals, referralSteps, services, users } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';

export type ReferralRow = typeof referrals.$inferSelect;

export async function insertReferral(db: DbOrTx, values: typeof referrals.$inferInsert) {
  const [row] = await db.insert(referrals).values(values).returning();
  return row!;
}

export async function findReferralSubmission(db: DbOrTx, schoolId: string, userId: string, key: string) {
  const [row] = await db
    .select()
    .from(referrals)
    .where(and(eq(referrals.schoolId, schoolId), eq(referrals.madeBy, userId), eq(referrals.submissionKey, key)));
  return row;
}

export async function loadReferral(db: DbOrTx, schoolId: string, id: string, lock = false): Promise<ReferralRow> {
  const q = db
    .select()
    .from(referrals)
    .where(and(eq(referrals.id, id), eq(referrals.schoolId, schoolId)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new AppError('not_found', 'referral not found');
  return row;
}

export async function updateReferral(db: DbOrTx, id: string, values: Partial<typeof referrals.$inferInsert>) {
  const [row] = await db.update(referrals).set(values).where(eq(referrals.id, id)).returning();
  return row!;
}

export async function insertStep(db: DbOrTx, values: typeof referralSteps.$inferInsert) {
  await db.insert(referralSteps).values(values);
}

export async function stepsOf(db: DbOrTx, schoolId: string, referralId: string) {
  return db
    .select({ s: referralSteps, by: users.displayName })
    .from(referralSteps)
    .innerJoin(users, eq(users.id, referralSteps.recordedBy))
    .where(and(eq(referralSteps.schoolId, schoolId), eq(referralSteps.referralId, referralId)))
    .orderBy(asc(referralSteps.recordedAt));
}

const listColumns = {
  r: referrals,
  madeByName: users.displayName,
  serviceName: services.details,
  pupil: { givenName: pupils.givenName, familyName: pupils.familyName, preferredName: pupils.preferredName },
};

/** Referrals of a school (optionally one pupil's, or only some statuses), newest first. */
export async function listReferrals(
  db: DbOrTx,
  schoolId: string,
  o: { pupilId?: string; statuses?: readonly ReferralRow['status'][]; seeRestricted: boolean },
) {
  return db
    .select(listColumns)
    .from(referrals)
    .innerJoin(users, eq(users.id, referrals.madeBy))
    .innerJoin(pupils, eq(pupils.id, referrals.pupilId))
    .leftJoin(services, eq(services.id, referrals.serviceId))
    .where(
      and(
        eq(referrals.schoolId, schoolId),
        o.pupilId ? eq(referrals.pupilId, o.pupilId) : undefined,
        o.statuses ? inArray(referrals.status, [...o.statuses]) : undefined,
        o.seeRestricted ? undefined : eq(referrals.restricted, false),
      ),
    )
    .orderBy(desc(referrals.updatedAt));
}
export type ReferralListRow = Awaited<ReturnType<typeof listReferrals>>[number];

/**
 * A pupil's referrals shared with their parents, newest sent first: never a restricted one and never
 * a draft, whatever the sharing column says (a referral made restricted later stays hidden).
 */
export async function referralsSharedWithParents(db: DbOrTx, schoolId: string, pupilId: string) {
  return db
    .select({ r: referrals, service: services.details })
    .from(referrals)
    .leftJoin(services, eq(services.id, referrals.serviceId))
    .where(
      and(
        eq(referrals.schoolId, schoolId),
        eq(referrals.pupilId, pupilId),
        eq(referrals.restricted, false),
        ne(referrals.status, 'draft'),
        isNotNull(referrals.sharedWithParentsAt),
      ),
    )
    .orderBy(desc(referrals.sentOn), desc(referrals.sharedWithParentsAt));
}
