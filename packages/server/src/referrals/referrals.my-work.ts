/**
 * Referrals' part of "my work", for those who watch the school's referrals (the SMHL and the
 * headteacher): referrals waiting past the standard for a first appointment, and, for the SMHL,
 * local directory entries not checked for a year.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { canInSchool, referralWait } from '@tandem/core';
import { pupils, referrals } from '@tandem/core/schema';
import { pupilName, referralWaitDaysOf, trustIdOfSchool } from '../platform/directory';
import type { MyWorkSource } from '../platform/registries';
import { seesRestricted } from './referrals.access';
import { checkDue } from './services.mapping';
import { servicesForSchool } from './services.queries';

export const referralMyWork: MyWorkSource = {
  name: 'referrals',
  async items(db, { actor, schoolId, today }) {
    if (!canInSchool(actor, 'referral.viewWaits', schoolId)) return {};
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
    if (!canInSchool(actor, 'directory.manage', schoolId)) return { referralsOverdue };
    const trustId = await trustIdOfSchool(db, schoolId);
    const servicesToCheck = trustId
      ? (await servicesForSchool(db, trustId, schoolId))
          .filter((x) => x.schoolId === schoolId && checkDue(x, today))
          .map((x) => ({ serviceId: x.id, name: x.details.name, lastCheckedOn: x.lastCheckedOn }))
      : [];
    return { referralsOverdue, servicesToCheck };
  },
};
