/**
 * Check-ins and trusted adults: a pupil's own check-ins, who their "I'd like to talk to someone"
 * goes to (the trusted adult the lead chose, else their tutor, else the lead), and the requests
 * waiting for a member of staff.
 */
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import {
  checkins,
  pupils,
  roleAssignments,
  teachingGroupStaff,
  teachingGroups,
  trustedAdults,
  users,
} from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';

export type CheckinRow = typeof checkins.$inferSelect;

/** Staff now active in the school (any staff role, not revoked, not disabled). */
function activeStaff(schoolId: string, userId: ReturnType<typeof sql> | typeof users.id) {
  return sql`exists (select 1 from ${roleAssignments} ra where ra.user_id = ${userId} and ra.school_id = ${schoolId}
    and ra.revoked_at is null and ra.role not in ('parent', 'pupil'))`;
}

export async function chosenTrustedAdult(db: DbOrTx, schoolId: string, pupilId: string) {
  const [row] = await db
    .select({ userId: users.id, name: users.displayName, email: users.email })
    .from(trustedAdults)
    .innerJoin(users, eq(users.id, trustedAdults.userId))
    .where(
      and(
        eq(trustedAdults.schoolId, schoolId),
        eq(trustedAdults.pupilId, pupilId),
        isNull(users.disabledAt),
        activeStaff(schoolId, users.id),
      ),
    );
  return row ?? null;
}

/** The pupil's tutor: staff of the tutor group named after the pupil's form. */
export async function tutorOf(db: DbOrTx, schoolId: string, form: string) {
  if (!form) return null;
  const [row] = await db
    .select({ userId: users.id, name: users.displayName, email: users.email })
    .from(teachingGroups)
    .innerJoin(teachingGroupStaff, eq(teachingGroupStaff.groupId, teachingGroups.id))
    .innerJoin(users, eq(users.id, teachingGroupStaff.userId))
    .where(
      and(
        eq(teachingGroups.schoolId, schoolId),
        eq(teachingGroups.code, form),
        isNull(users.disabledAt),
        activeStaff(schoolId, users.id),
      ),
    )
    .orderBy(asc(users.displayName))
    .limit(1);
  return row ?? null;
}

export async function setTrustedAdult(
  db: DbOrTx,
  o: { schoolId: string; pupilId: string; userId: string; by: string; at: Date },
) {
  await db
    .insert(trustedAdults)
    .values({ schoolId: o.schoolId, pupilId: o.pupilId, userId: o.userId, setBy: o.by, setAt: o.at })
    .onConflictDoUpdate({
      target: [trustedAdults.schoolId, trustedAdults.pupilId],
      set: { userId: o.userId, setBy: o.by, setAt: o.at },
    });
}

export async function checkinBySubmission(db: DbOrTx, schoolId: string, pupilId: string, submissionKey: string) {
  const [row] = await db
    .select()
    .from(checkins)
    .where(
      and(eq(checkins.schoolId, schoolId), eq(checkins.pupilId, pupilId), eq(checkins.submissionKey, submissionKey)),
    );
  return row ?? null;
}

/** A pupil's check-ins since a time, newest first (with who acknowledged a talk request). */
export async function checkinsOf(db: DbOrTx, schoolId: string, pupilId: string, since: Date, limit = 200) {
  return db
    .select({ c: checkins, ackName: users.displayName })
    .from(checkins)
    .leftJoin(users, eq(users.id, checkins.acknowledgedBy))
    .where(and(eq(checkins.schoolId, schoolId), eq(checkins.pupilId, pupilId), gte(checkins.createdAt, since)))
    .orderBy(desc(checkins.createdAt))
    .limit(limit);
}

export async function latestCheckinAt(db: DbOrTx, schoolId: string, pupilId: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: checkins.createdAt })
    .from(checkins)
    .where(and(eq(checkins.schoolId, schoolId), eq(checkins.pupilId, pupilId)))
    .orderBy(desc(checkins.createdAt))
    .limit(1);
  return row?.at ?? null;
}

const talkCols = {
  c: checkins,
  pupil: {
    id: pupils.id,
    givenName: pupils.givenName,
    preferredName: pupils.preferredName,
    familyName: pupils.familyName,
    form: pupils.form,
  },
  talkToName: sql<string | null>`(select u.display_name from users u where u.id = ${checkins.talkToUserId})`,
  ackName: sql<string | null>`(select u.display_name from users u where u.id = ${checkins.acknowledgedBy})`,
};

/**
 * Talk requests for a member of staff: those sent to them, and, for the lead (all = true), every
 * one in the school. Waiting ones, and those acknowledged since `recentSince`.
 */
export async function talkRequestsFor(db: DbOrTx, schoolId: string, userId: string, all: boolean, recentSince: Date) {
  const mine = all ? sql`true` : eq(checkins.talkToUserId, userId);
  return db
    .select(talkCols)
    .from(checkins)
    .innerJoin(pupils, eq(pupils.id, checkins.pupilId))
    .where(
      and(
        eq(checkins.schoolId, schoolId),
        eq(checkins.wantsToTalk, true),
        mine,
        or(isNull(checkins.acknowledgedAt), gte(checkins.acknowledgedAt, recentSince)),
      ),
    )
    .orderBy(asc(checkins.createdAt))
    .limit(500);
}

/** Waiting talk requests a person must acknowledge: sent to them, or escalated to them as a lead. */
export async function waitingTalkFor(db: DbOrTx, schoolId: string, userId: string, isLead: boolean) {
  return db
    .select(talkCols)
    .from(checkins)
    .innerJoin(pupils, eq(pupils.id, checkins.pupilId))
    .where(
      and(
        eq(checkins.schoolId, schoolId),
        eq(checkins.wantsToTalk, true),
        isNull(checkins.acknowledgedAt),
        isLead
          ? or(eq(checkins.talkToUserId, userId), isNotNull(checkins.escalatedAt))
          : eq(checkins.talkToUserId, userId),
      ),
    )
    .orderBy(asc(checkins.createdAt))
    .limit(100);
}

export async function loadCheckin(db: DbOrTx, schoolId: string, checkinId: string) {
  const [row] = await db
    .select()
    .from(checkins)
    .where(and(eq(checkins.id, checkinId), eq(checkins.schoolId, schoolId)));
  return row ?? null;
}

export async function pupilsByIds(db: DbOrTx, schoolId: string, ids: string[]) {
  return ids.length
    ? db
        .select()
        .from(pupils)
        .where(and(eq(pupils.schoolId, schoolId), inArray(pupils.id, ids)))
    : [];
}
