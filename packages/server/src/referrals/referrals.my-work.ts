/**
 * Referrals' part of "my work", for those who watch the school's referrals (the SMHL and the
 * headteacher): referrals waiting past the standard for a first appointment, and, for the SMHL,
 * local directory entries not checked for a year.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { canInSchool, referralWait, rolesInSchool, type Actor } from '@tandem/core';
import { pupils, referrals, users } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';
import { pupilName, referralWaitDaysOf, trustIdOfSchool } from '../platform/directory';
import type { MyWorkSource } from '../platform/registries';
import { seesRestricted } from './referrals.access';
import { checkDue } from './services.mapping';
import { servicesForSchool } from './services.queries';

/** Emergency referrals still to be taken on, for the SENDCO and the SMHL (whom the alert went to). */
async function emergencies(db: DbOrTx, actor: Actor, schoolId: string) {
  if (!rolesInSchool(actor, schoolId).some((r) => r === 'sendco' || r === 'smhl')) return [];
  const rows = await db
    .select({
      r: referrals,
      by: users.displayName,
      pupil: { givenName: pupils.givenName, familyName: pupils.familyName, preferredName: pupils.preferredName },
    })
    .from(referrals)
    .innerJoin(pupils, eq(pupils.id, referrals.pupilId))
    .innerJoin(users, eq(users.id, referrals.madeBy))
    .where(and(eq(referrals.schoolId, schoolId), eq(referrals.emergency, true), eq(referrals.status, 'draft')));
  return rows.map(({ r, by, pupil }) => ({
    referralId: r.id,
    startedAt: r.createdAt.toISOString(),
    startedByName: by,
    pupil: { id: r.pupilId, name: pupilName(pupil) },
  }));
}

export const referralMyWork: MyWorkSource = {
  name: 'referrals',
  async items(db, { actor, schoolId, today }) {
    const emergencyReferrals = await emergencies(db, actor, schoolId);
    if (!canInSchool(actor, 'referral.viewWaits', schoolId)) return { emergencyReferrals };
    const open = await db
      .select({
        r: referrals,
        pupil: { givenName: pupils.givenName, familyName: pupils.familyName, preferredName: pupils.preferredName },
      })
      .from(referrals)
      .innerJoin(pupils, eq(pupils.id, referrals.pupilId))
      .where(
        and(
          eq(referrals.schoolId, schoolId),
          inArray(referrals.status, ['sent', 'acknowledged', 'accepted', 'waiting']),
          seesRestricted(actor, schoolId) ? undefined : eq(referrals.restricted, false),
        ),
      );
    const standard = await referralWaitDaysOf(db, schoolId);
    const referralsOverdue = open.flatMap(({ r, pupil }) => {
      const wait = referralWait(r, today);
      return wait && !wait.finished && wait.days > standard && r.sentOn
        ? [
            {
              referralId: r.id,
              service: r.service,
              sentOn: r.sentOn,
              waitDays: wait.days,
              pupil: { id: r.pupilId, name: pupilName(pupil) },
            },
          ]
        : [];
    });
    if (!canInSchool(actor, 'directory.manage', schoolId)) return { referralsOverdue, emergencyReferrals };
    const trustId = await trustIdOfSchool(db, schoolId);
    const servicesToCheck = trustId
      ? (await servicesForSchool(db, trustId, schoolId))
          .filter((x) => x.schoolId === schoolId && checkDue(x, today))
          .map((x) => ({ serviceId: x.id, name: x.details.name, lastCheckedOn: x.lastCheckedOn }))
      : [];
    return { referralsOverdue, emergencyReferrals, servicesToCheck };
  },
};
